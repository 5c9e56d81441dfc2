-- Complaints per month and effective category.
with f as ({filtered})
select month as bulan, coalesce(effective_category, '(belum diklasifikasi)') as kategori, count(*) as jumlah
from f
group by all
order by bulan, kategori
