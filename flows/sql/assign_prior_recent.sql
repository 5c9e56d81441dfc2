-- Complaints of this night's reporters (in the warehouse `wh`) recent enough to be repeated by a new complaint;
-- their texts are read later, only for the few that share a reporter with a new complaint.
-- $1: the duplicate window in days.
create or replace table prior_recent as
select distinct c.complaint_id, c.person
from (select complaint_id, unnest(reporter_keys) as person from wh.complaints
      where received_at_utc >= (select min(received_at) from night) - to_days($1::integer)) as c
where c.person in (select person from night_people)
