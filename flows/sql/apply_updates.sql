-- Follow-up messages and replies that joined complaints of earlier runs.
update complaints as c
set text = case when u.text_append is null or u.text_append = '' then c.text
                else c.text || chr(10) || chr(10) || u.text_append end,
    attachments = coalesce(c.attachments, 0) + u.attachments,
    records = coalesce(c.records, 0) + u.records,
    last_message_at_utc = greatest(c.last_message_at_utc, u.last_message_at_utc)
from updates as u
where c.complaint_id = u.complaint_id
