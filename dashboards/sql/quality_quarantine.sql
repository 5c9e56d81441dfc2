-- Quarantined records per channel and reason code, with the readable reason most records of that code give
-- (a code's reasons can differ in their details, e.g. the file name), and how many of them were superseded
-- (*digantikan*: another file took the same record in later, as `awasi quarantine list` marks them), with the
-- first of the files that took them in and how many files did. The marking is the snapshot's mart
-- `quarantine_superseded` (flows/marts.py): computing it here read all of intake on every page load.
select q.channel as kanal, mode(q.reason) as alasan, q.reason_code as "kode alasan", count(*) as jumlah,
       count(s.record_id) as digantikan, min(s.superseded_by) as berkas_pengganti,
       count(distinct s.superseded_by) as berkas_pengganti_n
from intake as q
left join quarantine_superseded as s using (record_id)
where q.fate = 'quarantined'
group by q.channel, q.reason_code
order by jumlah desc, kanal, "kode alasan"
