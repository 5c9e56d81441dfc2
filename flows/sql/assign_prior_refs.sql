-- Channel references of this night (their own, and the messages e-mails reply to) received in earlier runs,
-- from the warehouse attached as `wh`; and the night's reporters. A record without its channel's reference (an
-- e-mail without a Message-ID) is referred to by its content hash, as `night` refers to it (assign_night.sql).
create or replace table prior_refs as
select i.channel, coalesce(i.source_ref, 'sha:' || i.content_hash) as ref, any_value(i.complaint_id) as complaint_id
from wh.intake as i
join (select distinct channel, ref from night
      union
      select distinct 'email', unnest(parent_refs) from night where channel = 'email') as b
  on b.channel = i.channel and b.ref = coalesce(i.source_ref, 'sha:' || i.content_hash)
where i.fate <> 'quarantined'
group by all;

create or replace table night_people as
select distinct unnest(reporter_keys) as person from night
