-- Quarantined records per channel and reason code, with the readable reason most records of that code give
-- (a code's reasons can differ in their details, e.g. the file name), and how many of them were superseded
-- (*digantikan*: another file took the same record in later, as `awasi quarantine list` marks them), with the
-- first of the files that took them in and how many files did. The marking is the snapshot's mart
-- `quarantine_superseded` (flows/marts.py), counted per reason on its own and joined to intake's counts: computing
-- the marking here read all of intake on every page load (0.8-5 s at 10 million intake rows).
with quarantined as (
    select channel, reason_code, mode(reason) as alasan, count(*) as jumlah
    from intake
    where fate = 'quarantined'
    group by channel, reason_code
),
superseded as (
    select channel, reason_code, count(*) as digantikan, min(superseded_by) as berkas_pengganti,
           count(distinct superseded_by) as berkas_pengganti_n
    from quarantine_superseded
    group by channel, reason_code
)
select q.channel as kanal, q.alasan, q.reason_code as "kode alasan", q.jumlah, coalesce(s.digantikan, 0) as digantikan,
       s.berkas_pengganti, coalesce(s.berkas_pengganti_n, 0) as berkas_pengganti_n
from quarantined as q
left join superseded as s on s.channel = q.channel and s.reason_code = q.reason_code
order by jumlah desc, kanal, "kode alasan"
