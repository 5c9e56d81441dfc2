-- Quarantined records per channel and reason code. $1: reason code or null, $2: channel or null.
select channel, reason_code, count(*) as n
from intake
where fate = 'quarantined'
  and ($1::varchar is null or reason_code = $1)
  and ($2::varchar is null or channel = $2)
group by channel, reason_code
order by n desc, channel, reason_code
