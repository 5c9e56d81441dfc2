-- The analysts' latest decision per complaint, copied from the attached corrections database `corr` into the
-- reader's connection (so the corrections file is held open only while it is copied), and the mart rows of the
-- corrected complaints with their corrected values (read by the view facts_effective, effective_views.sql).
create or replace temp table latest_corrections as
select complaint_id, hash(complaint_id) as id_hash, arg_max(category, corrected_at_utc) as corrected_category
from corr.corrections
group by complaint_id;

create or replace temp table corrected_facts as
select f.*, l.corrected_category as effective_category, true as corrected, false as pending_review,
       l.corrected_category <> 'bukan_maladministrasi' as maladministration
from complaint_facts as f
join latest_corrections as l on l.id_hash = f.id_hash
