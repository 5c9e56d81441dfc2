-- Quarantined records per channel and reason code, and how many of them were superseded (taken in later from
-- another file, flows/sql/quarantine_marked.sql). $1: reason code or null, $2: channel or null.
select channel, reason_code, count(*) as n, count(superseded_by) as superseded
from quarantine_marked($1::varchar, $2::varchar)
group by channel, reason_code
order by n desc, channel, reason_code
