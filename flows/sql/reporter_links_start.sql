-- Linking complaints to reporters, first step: every (complaint, identifier) pair, and each complaint labelled
-- with its own smallest identifier. `flows/marts.py` then repeats reporter_links_step.sql until no label changes.
create or replace temp table reporter_link_keys as
select complaint_id, unnest(reporter_keys) as k from complaints;
create or replace temp table reporter_links as
select complaint_id, min(k) as person from reporter_link_keys group by complaint_id
