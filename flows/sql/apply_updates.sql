-- Follow-up messages and replies that joined complaints of earlier runs ($1: a Parquet file of one load batch's
-- updates, written by flows/warehouse.py).
update complaints as c
set text = case when u.text_append is null or u.text_append = '' then c.text
                else c.text || chr(10) || chr(10) || u.text_append end,
    attachments = coalesce(c.attachments, 0) + u.attachments,
    records = coalesce(c.records, 0) + u.records,
    last_message_at_utc = greatest(c.last_message_at_utc, u.last_message_at_utc),
    -- a report delivered again (a later LAPOR! export) moves its status and step times forward
    status = coalesce(u.status, c.status),
    first_response_at_utc = least(c.first_response_at_utc, u.first_response_at_utc),
    forwarded_at_utc = least(c.forwarded_at_utc, u.forwarded_at_utc),
    acted_at_utc = least(c.acted_at_utc, u.acted_at_utc),
    closed_at_utc = least(c.closed_at_utc, u.closed_at_utc)
from read_parquet($1) as u
where c.complaint_id = u.complaint_id
