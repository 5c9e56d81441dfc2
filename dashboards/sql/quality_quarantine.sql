-- Quarantined records per channel and reason code, with the readable reason most records of that code give
-- (a code's reasons can differ in their details, e.g. the file name).
select channel as kanal, mode(reason) as alasan, reason_code as "kode alasan", count(*) as jumlah
from intake
where fate = 'quarantined'
group by channel, reason_code
order by jumlah desc, kanal, "kode alasan"
