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

-- One row per complaint of the mart: the uncorrected rows as they are, and the corrected ones (`corrected_facts`,
-- copied with the corrections) in their place. Joining every row to the corrections instead made each query two
-- to three times slower once an office had a thousand corrections.
create or replace temp view facts_effective as
select f.*, f.category as effective_category, false as corrected, f.needs_review as pending_review,
       f.is_maladministration as maladministration   -- one of the ten forms; a flag, as comparing strings is costly
from complaint_facts as f
anti join corrected_facts as c on c.id_hash = f.id_hash  -- unique per complaint (flows/marts.py checks)
union all by name
select * from corrected_facts
