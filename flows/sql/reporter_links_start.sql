-- Linking complaints to reporters, first step: the (complaint, identifier) pairs of the identifiers more than one
-- complaint carries (an identifier of one complaint links nothing), and each complaint that has such an identifier
-- labelled with its own smallest identifier. `flows/marts.py` then repeats reporter_links_step.sql until no label
-- changes. A complaint without a shared identifier is its own reporter (complaint_facts.sql).
create or replace temp table reporter_link_keys as
with pairs as (select complaint_id, unnest(reporter_keys) as k from complaints),
     shared as (select k from pairs group by k having count(*) > 1)
select complaint_id, k from pairs semi join shared using (k);
create or replace temp table reporter_links as
select complaint_id, list_min(reporter_keys) as person from complaints
where complaint_id in (select complaint_id from reporter_link_keys)
