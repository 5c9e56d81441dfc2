-- One complaint for reading (text is masked at intake).
select complaint_id, received_at_local, channel, source_ref, agency_raw, agency, province, regency, title, text,
       status, is_secret, category, effective_category, corrected, confidence, needs_review, secondary, cues,
       classifier_version, attachments, records
from complaints_effective
where complaint_id = $id
  and ($scope::varchar[] is null or list_contains($scope::varchar[], agency))
