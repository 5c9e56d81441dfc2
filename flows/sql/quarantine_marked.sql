-- Quarantined records, each with the file that later took the same record in, if one did (`superseded_by`).
-- The same record is the same channel id in the same channel, or the same content hash for a record without one
-- (as repeats are recognised, flows/sql/assign_prior_refs.sql), taken in (accepted or merged) from another file in
-- the same run or a later one: e.g. a held file's records from its corrected re-delivery. The quarantine row stays
-- as it was (history); a record that could not be identified (a line that is not JSON, a whole file) stays open.
-- A temporary table macro: quarantine_marked(reason code or null, channel or null).
create or replace temp macro quarantine_marked(code, ch) as table
with quarantined as (
    select record_id, run_id, channel, source_file, file_hash, position, seq, reason_code, reason, source_ref,
           content_hash
    from intake
    where fate = 'quarantined'
      and (code is null or reason_code = code)
      and (ch is null or channel = ch)
),
-- records taken in that share a quarantined record's identity (semi joins: only intake's few matching rows go on)
taken as (
    select channel, source_ref as ref, file_hash, run_id, source_file
    from intake
    where fate in ('accepted', 'merged') and source_ref in (select source_ref from quarantined)
    union all
    select channel, 'sha:' || content_hash, file_hash, run_id, source_file
    from intake
    where fate in ('accepted', 'merged') and source_ref is null
      and content_hash in (select content_hash from quarantined where source_ref is null)
),
superseded as (
    select q.record_id, min(t.source_file) as superseded_by
    from quarantined q
    join taken t on t.channel = q.channel and t.ref = coalesce(q.source_ref, 'sha:' || q.content_hash)
    join runs rq on rq.run_id = q.run_id
    join runs rt on rt.run_id = t.run_id
    where t.file_hash <> q.file_hash and rt.started_at_utc >= rq.started_at_utc
    group by q.record_id
)
select q.* exclude (source_ref, content_hash), s.superseded_by
from quarantined q left join superseded s using (record_id)
