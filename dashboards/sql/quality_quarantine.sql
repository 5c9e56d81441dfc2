select channel as kanal, reason_code as "kode alasan", count(*) as jumlah
from intake
where fate = 'quarantined'
group by all
order by jumlah desc
