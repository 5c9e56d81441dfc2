-- League table of agencies of the same type: complaints, maladministration share, answered within $hours hours (out of
-- every complaint of the channels that record response times, as on Ketepatan waktu: response_channels.sql),
-- median calendar days from receipt to closing (complaints closed).
with f as ({filtered}),
per_agency as (
    select agency, any_value(agency_type) as agency_type, count(*) as aduan,
           coalesce(count_if(maladministration), 0)::bigint as maladministrasi,
           coalesce(count_if({response_channels}), 0)::bigint as tercatat_tanggapan,
           coalesce(count_if({response_channels} and response_minutes <= 60 * $hours), 0)::bigint as tanggap_4_jam,
           {median_days} as median_hari_selesai
    from f
    where agency is not null
    group by agency
)
select agency, agency_type, aduan, maladministrasi,
       round(100.0 * maladministrasi / aduan, 1) as persen_maladministrasi,
       case when tercatat_tanggapan > 0 then round(100.0 * tanggap_4_jam / tercatat_tanggapan, 1) end
           as persen_tanggap_4_jam,
       round(median_hari_selesai, 1) as median_hari_selesai,
       rank() over (partition by agency_type order by aduan desc) as peringkat_dalam_jenis,
       count(*) over (partition by agency_type) as jumlah_instansi_sejenis
from per_agency
order by aduan desc, agency
