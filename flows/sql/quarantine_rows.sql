-- Quarantined records, oldest run first. $1: reason code or null, $2: channel or null, $3: limit.
select channel, source_file, position, reason_code, reason
from intake
where fate = 'quarantined'
  and ($1::varchar is null or reason_code = $1)
  and ($2::varchar is null or channel = $2)
order by run_id, source_file, seq
limit $3
