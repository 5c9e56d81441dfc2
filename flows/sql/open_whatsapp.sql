-- WhatsApp conversations of this run's senders whose last message is recent enough to continue.
-- $1: gap in minutes, $2: earliest received time of this run's records.
select c.reporter_pseudonym, arg_max(c.complaint_id, c.last_message_at_utc), max(c.last_message_at_utc)
from complaints as c
join batch_people as p on p.pseudonym = c.reporter_pseudonym
where c.channel = 'whatsapp'
  and c.last_message_at_utc >= $2::timestamp - to_minutes($1::integer)
group by c.reporter_pseudonym
