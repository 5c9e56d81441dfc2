-- Complaints per month and effective category.
with f as ({filtered})
select date_trunc('month', received_at_local)::date as bulan, coalesce(effective_category, '(belum diklasifikasi)') as kategori,
       count(*) as jumlah
from f
group by all
order by bulan, kategori
