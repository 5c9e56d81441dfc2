-- Ketepatan waktu: the complaints overdue now, oldest first (the first $limit).
with {service_steps}
select complaint_id, received_at_local, agency, tahap_terlambat, hari_kerja_terlambat, status
from judged
where tahap_terlambat is not null
order by hari_kerja_terlambat desc, received_at_local, complaint_id
limit $limit
