-- Every count and export reads these views: the analyst's latest correction wins over the classifier.
-- Created per read-only connection (temp views) over `latest_corrections`, a temp table the reader copies from the
-- corrections database whenever that file changes (flows/sql/latest_corrections.sql).

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
       f.needs_review and l.corrected_category is null as pending_review,
       -- one of the ten forms (after correction); a flag in the mart, as comparing strings per row is costly
       case when l.corrected_category is null then f.is_maladministration
            else l.corrected_category <> 'bukan_maladministrasi' end as maladministration
from complaint_facts as f
left join latest_corrections as l on l.id_hash = f.id_hash  -- unique per complaint (flows/marts.py checks)
