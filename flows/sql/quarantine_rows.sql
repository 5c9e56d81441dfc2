-- Quarantined records, open ones first, each oldest run first; `superseded_by` names the file that later took the
-- record in (flows/sql/quarantine_marked.sql). $1: reason code or null, $2: channel or null, $3: limit.
select channel, source_file, position, reason_code, reason, superseded_by
from quarantine_marked($1::varchar, $2::varchar)
order by superseded_by is not null, run_id, source_file, seq
limit $3
