-- Write new classifications (registered frame `predictions`) over the stored ones.
update complaints as c
set category = p.category,
    confidence = p.confidence,
    needs_review = p.needs_review,
    secondary = p.secondary,
    cues = p.cues,
    classifier_version = p.classifier_version
from predictions as p
where c.complaint_id = p.complaint_id
