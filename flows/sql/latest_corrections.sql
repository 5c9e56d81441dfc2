-- The analysts' latest decision per complaint, copied from the attached corrections database `corr` into the
-- reader's connection (so the corrections file is held open only while it is copied).
create or replace temp table latest_corrections as
select complaint_id, hash(complaint_id) as id_hash, arg_max(category, corrected_at_utc) as corrected_category
from corr.corrections
group by complaint_id
