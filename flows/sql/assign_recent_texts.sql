-- The earlier runs' complaints (warehouse `wh`) among the candidates, with their texts for the comparison.
select complaint_id, reporter_keys, received_at_utc, text
from wh.complaints
where complaint_id in (select complaint_id from candidates)
  and complaint_id in (select complaint_id from prior_recent)
