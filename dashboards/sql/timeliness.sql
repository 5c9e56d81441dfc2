-- Complaints of channels that record response and step times (today: SP4N-LAPOR!), for the timeliness page.
with f as ({filtered})
select complaint_id, agency, channel, received_at_local, received_at_utc, first_response_at_utc,
       first_response_at_utc + interval 7 hours as first_response_at_local,
       forwarded_at_utc + interval 7 hours as forwarded_at_local,
       acted_at_utc + interval 7 hours as acted_at_local,
       closed_at_utc, status, title, is_secret
from f
where channel = 'lapor'
