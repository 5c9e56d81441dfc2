-- The newest day of receipt within the filter (Ringkasan's default period ends there).
with f as ({filtered})
select max(day) as last_day from f
