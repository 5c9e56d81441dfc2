-- Analysts' decisions as labelled items (`awasi labels`): the latest decision per complaint, with its stored
-- (masked) title and text, which flows/classification.py joins as the classifier reads them. Secret reports are
-- returned flagged, for the caller to count and leave out.
select complaint_id as id, title, text, effective_category as label, coalesce(is_secret, false) as is_secret
from complaints_effective
where corrected
order by complaint_id
