-- New complaints sharing a reporter key with another complaint (new or recent): only these can be duplicates
-- or be duplicated; every other complaint is left out of the text comparison.
create or replace table candidates as
with pairs as (
    select distinct complaint_id, person
    from (select r.complaint_id, unnest(n.reporter_keys) as person
          from roles as r join night as n using (record_key)
          where r.role = 'primary'
          union all
          select complaint_id, person from prior_recent)
    where person is not null
),
shared as (select person from pairs group by person having count(*) > 1)
select distinct complaint_id from pairs where person in (select person from shared)
