-- Channel references of this night (their own, and the messages e-mails reply to) received in earlier runs,
-- from the warehouse attached as `wh`; and the night's reporters.
create or replace table prior_refs as
select i.channel, i.source_ref as ref, any_value(i.complaint_id) as complaint_id
from wh.intake as i
join (select distinct channel, ref from night
      union
      select distinct 'email', unnest(parent_refs) from night where channel = 'email') as b
  on b.channel = i.channel and b.ref = i.source_ref
where i.fate <> 'quarantined'
group by i.channel, i.source_ref;

create or replace table night_people as
select distinct unnest(reporter_keys) as person from night
