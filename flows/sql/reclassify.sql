-- Write new classifications over the stored ones: $1 lists the Parquet files of predictions written by
-- flows/classification.py (complaint_id and the classification columns).
update complaints as c
set category = p.category,
    confidence = p.confidence,
    needs_review = p.needs_review,
    secondary = p.secondary,
    cues = p.cues,
    classifier_version = p.classifier_version
from read_parquet($1) as p
where c.complaint_id = p.complaint_id
