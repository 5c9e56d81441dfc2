-- complaint_id_for(channel, ref): the stable id of the complaint a channel reference starts; the same as
-- transforms.identifiers.complaint_id_for (tests/test_assign.py checks they agree).
create or replace temp macro complaint_id_for(channel, ref) as
    (case channel when 'lapor' then 'LPR' when 'whatsapp' then 'WA' when 'email' then 'EML'
                  when 'callcenter' then 'CC' else 'X' end)
    || '-' || left(sha256(channel || ':' || ref), 12);

-- load_batch(complaint_id, record_key, batches): the load batch of a record; all records of a complaint share one
-- (a record without a complaint, quarantined, goes by its own key).
create or replace temp macro load_batch(complaint_id, record_key, batches) as
    (hash(coalesce(complaint_id, record_key)) % batches::ubigint)::integer
