-- Median days from receipt to closing, per agency over every channel (Profil instansi's league) and over
-- SP4N-LAPOR! only, with its total (Ketepatan waktu). A median cannot be added up from parts, and it is the costly
-- part of those pages at millions of complaints; it does not depend on the category, so analysts' corrections
-- leave it unchanged. The dashboard reads these when no filter other than agencies applies (dashboards/data.py).
select agency, false as lapor_only, false as is_total, median(days_to_close) as median_days
from complaint_facts
group by agency
union all
select agency, true, grouping(agency) = 1, median(days_to_close)
from complaint_facts
where channel = 'lapor'
group by grouping sets ((agency), ())
