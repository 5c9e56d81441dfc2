-- Ringkasan: repeat reporters within the filter (flows/sql/repeat_reporters.sql over the filtered complaints).
with f as ({filtered})
{repeat_reporters}
