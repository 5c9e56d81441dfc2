-- Ketepatan waktu per agency, plus one total row (is_total) over all the filtered complaints.
-- The counts are those of the row-level judgement in service_steps.sql (`judged`), written as plain conditions
-- over `steps` (a CASE per row costs more than the rest of the query at millions of rows); a test compares the
-- two on random step times (tests/test_timeliness_sql.py):
--   diteruskan_tepat           = diteruskan_tepat is true        (forwarded within $fwd working days)
--   diteruskan_jatuh_tempo     = diteruskan_tepat is not null    (forwarded, or its $fwd days are over)
--   ditindaklanjuti_tepat      = ditindaklanjuti_tepat is true
--   ditindaklanjuti_jatuh_tempo = ditindaklanjuti_tepat is not null
--   terlambat                  = tahap_terlambat is not null     (the length of the overdue list)
with {service_steps}
select grouping(agency) = 1 as is_total, agency,
       count(*) as aduan,
       coalesce(count_if(response_minutes <= 60 * $hours), 0)::bigint as tanggapan_dalam_jam,
       coalesce(count_if(hk_diteruskan <= $fwd), 0)::bigint as diteruskan_tepat,                 -- a step count implies the step
       coalesce(count_if(forwarded or hk_sejak_diterima > $fwd), 0)::bigint as diteruskan_jatuh_tempo,
       coalesce(count_if(hk_ditindaklanjuti <= $act), 0)::bigint as ditindaklanjuti_tepat,
       coalesce(count_if(forwarded and (acted or hk_sejak_diteruskan > $act)), 0)::bigint as ditindaklanjuti_jatuh_tempo,
       {median_days} as median_hari_sampai_selesai,
       count(days_to_close) as selesai,
       coalesce(count_if((not forwarded and hk_sejak_diterima > $fwd)
                or (forwarded and not acted and hk_sejak_diteruskan > $act)), 0)::bigint as terlambat
from steps
group by grouping sets ((agency), ())
order by is_total desc, terlambat desc, aduan desc, agency
