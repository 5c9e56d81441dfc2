-- Analysts' decisions as labelled items (`awasi labels`): the latest decision per complaint, with what the
-- classifier reads (stored masked): the title, when there is one, on the line above the text, as
-- transforms/classifier.classifier_texts joins them. Secret reports are returned flagged, for the caller to count
-- and leave out.
select complaint_id as id, concat_ws(chr(10), title, text) as text, effective_category as label,
       coalesce(is_secret, false) as is_secret
from complaints_effective
where corrected
order by complaint_id
