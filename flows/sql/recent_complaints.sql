-- Complaints of this run's reporters recent enough to be repeated by a new complaint.
-- $1: earliest received time of this run's records minus the duplicate window.
select distinct c.complaint_id, c.reporter_keys, c.received_at_utc, c.text
from complaints as c
join batch_people as p on list_contains(c.reporter_keys, p.pseudonym)
where c.received_at_utc >= $1::timestamp
