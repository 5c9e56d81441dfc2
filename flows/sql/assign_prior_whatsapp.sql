-- WhatsApp conversations of this night's senders (in the warehouse `wh`) whose last message is recent enough to
-- continue. $1: gap in minutes.
create or replace table prior_whatsapp as
select c.reporter_pseudonym as who, arg_max(c.complaint_id, c.last_message_at_utc) as complaint_id,
       max(c.last_message_at_utc) as last_at
from wh.complaints as c
where c.channel = 'whatsapp'
  and c.reporter_pseudonym in (select person from night_people)
  and c.last_message_at_utc >= (select min(received_at) from night) - to_minutes($1::integer)
group by c.reporter_pseudonym
