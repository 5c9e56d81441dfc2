-- Point every record of a duplicate complaint at the earlier complaint and mark it merged.
-- Table duplicates(complaint_id, dup_of): new complaint -> the earlier complaint it repeats.
update roles
set role = case when roles.role = 'primary' then 'duplicate' else roles.role end,
    merge_reason = 'duplikat lintas kanal dari ' || d.dup_of,
    complaint_id = d.dup_of
from duplicates as d
where roles.complaint_id = d.complaint_id
