-- The complaints whose channel records the time of the first response and the service steps (today only
-- SP4N-LAPOR!). One definition for Ringkasan's "Dijawab <= 4 jam" (summary.sql), Profil instansi's
-- "Ditanggapi <= 4 jam" (agency_league.sql) and every measure of Ketepatan waktu (service_steps.sql): the share
-- answered within $hours hours is divided by all these complaints, answered or not.
channel = 'lapor'
