-- Analysts' decisions as labelled items (`awasi labels`): the latest decision per complaint, with the text the
-- classifier reads (stored masked). Secret reports are returned flagged, for the caller to count and leave out.
select complaint_id as id, text, effective_category as label, coalesce(is_secret, false) as is_secret
from complaints_effective
where corrected
order by complaint_id
