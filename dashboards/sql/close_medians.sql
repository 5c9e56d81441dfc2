-- Median days from receipt to closing per agency, from the mart (flows/sql/close_medians.sql), rounded as
-- agency_league.sql rounds; $lapor_only picks the SP4N-LAPOR! medians (Ketepatan waktu, with the total).
select agency, is_total, case when $lapor_only then median_days else round(median_days, 1) end as median_hari_selesai
from close_medians
where lapor_only = $lapor_only
