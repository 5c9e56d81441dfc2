-- Ketepatan waktu per agency, plus one total row (is_total) over all the filtered complaints.
with {service_steps}
select grouping(agency) = 1 as is_total, agency,
       count(*) as aduan,
       count(*) filter (where dalam_jam) as tanggapan_dalam_jam,
       count(*) filter (where diteruskan_tepat) as diteruskan_tepat,
       count(diteruskan_tepat) as diteruskan_jatuh_tempo,
       count(*) filter (where ditindaklanjuti_tepat) as ditindaklanjuti_tepat,
       count(ditindaklanjuti_tepat) as ditindaklanjuti_jatuh_tempo,
       median(days_to_close) as median_hari_sampai_selesai,
       count(days_to_close) as selesai,
       count(tahap_terlambat) as terlambat
from judged
group by grouping sets ((agency), ())
order by is_total desc, terlambat desc, aduan desc, agency
