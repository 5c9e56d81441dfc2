-- Every count and export reads these views: the analyst's latest correction wins over the classifier.
-- Created per read-only connection (temp views) over the attached corrections database `corr`.
create or replace temp view latest_corrections as
select complaint_id, hash(complaint_id) as id_hash, arg_max(category, corrected_at_utc) as corrected_category
from corr.corrections
group by complaint_id;

create or replace temp view complaints_effective as
select c.*,
       c.received_at_local::date as day,
       coalesce(l.corrected_category, c.category) as effective_category,
       l.corrected_category is not null as corrected,
       coalesce(c.needs_review, false) and l.corrected_category is null as pending_review
from complaints as c
left join latest_corrections as l on l.complaint_id = c.complaint_id;

create or replace temp view facts_effective as
select f.*,
       coalesce(l.corrected_category, f.category) as effective_category,
       l.corrected_category is not null as corrected,
       f.needs_review and l.corrected_category is null as pending_review
from complaint_facts as f
left join latest_corrections as l on l.id_hash = f.id_hash  -- unique per complaint (flows/marts.py checks)
