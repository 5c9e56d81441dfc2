-- Role and complaint of every usable record of the night (rules: flows/assign.py).
-- Tables: night, prior_refs, prior_whatsapp. $1: WhatsApp gap in minutes.
create or replace table roles as
with recursive
occurrence as (  -- every record, with the complaint of its reference in an earlier run and its rank in this one
    select n.*, p.complaint_id as known_cid,
           row_number() over (partition by n.channel, n.ref order by n.ord) as nth,
           first_value(n.record_key) over (partition by n.channel, n.ref order by n.ord) as first_key
    from night as n
    left join prior_refs as p on p.channel = n.channel and p.ref = n.ref
),
firsts as (  -- references seen for the first time: everything else is a repeat
    select * from occurrence where known_cid is null and nth = 1
),
wa_opens as (  -- a sender's message opens a conversation unless it comes within the gap after the one before
    select *, coalesce(received_at - lag(received_at) over (partition by who order by ord)
                       > to_minutes($1::integer), true) as opens
    from firsts where channel = 'whatsapp'
),
wa_numbered as (
    select *, sum(opens::integer) over (partition by who order by ord
                                        rows between unbounded preceding and current row) as conversation
    from wa_opens
),
wa_conversations as (
    select *, first_value(ref) over c as conv_ref, first_value(received_at) over c as conv_at,
           first_value(record_key) over c = record_key as conv_first,
           bool_or(has_text) over (partition by who, conversation) as conv_text
    from wa_numbered
    window c as (partition by who, conversation order by ord)
),
wa_roles as (  -- the night's first conversation of a sender may continue one of an earlier run
    select w.*,
           w.conversation = 1 and p.complaint_id is not null
           and w.conv_at - p.last_at between interval 0 minutes and to_minutes($1::integer) as continues,
           p.complaint_id as prior_cid
    from wa_conversations as w
    left join prior_whatsapp as p on p.who = w.who
),
email_parents as (
    select record_key, ord, unnest(parent_refs) as parent_ref, generate_subscripts(parent_refs, 1) as idx
    from firsts where channel = 'email'
),
email_links as (  -- parents already received when the reply came: earlier in this night, or in an earlier run
    select e.record_key, e.idx, k.complaint_id as known_cid, f.record_key as parent_key
    from email_parents as e
    left join prior_refs as k on k.channel = 'email' and k.ref = e.parent_ref
    left join firsts as f on f.channel = 'email' and f.ref = e.parent_ref and f.ord < e.ord
    where k.complaint_id is not null or f.record_key is not null
),
email_parent as (  -- the first such parent in the reply's own list
    select l.* from email_links as l
    join (select record_key, min(idx) as idx from email_links group by record_key) as m using (record_key, idx)
),
email_thread(record_key, complaint_id) as (  -- a reply takes its parent's complaint, down the thread
    select e.record_key, coalesce(p.known_cid, complaint_id_for('email', e.ref))
    from firsts as e left join email_parent as p using (record_key)
    where e.channel = 'email' and p.parent_key is null
    union all
    select p.record_key, t.complaint_id
    from email_parent as p join email_thread as t on p.parent_key = t.record_key
),
first_roles as (
    select record_key, 'primary' as role, complaint_id_for(channel, ref) as complaint_id,
           null::varchar as merge_reason, null::varchar as reason_code, null::varchar as reason
    from firsts where channel not in ('whatsapp', 'email')
    union all
    select record_key,
           case when continues or conv_text then (case when conv_first and not continues then 'primary'
                                                       else 'followup' end)
                else 'quarantined' end,
           case when continues then prior_cid when conv_text then complaint_id_for('whatsapp', conv_ref) end,
           case when continues and conv_first then 'pesan lanjutan dari percakapan WhatsApp sebelumnya'
                when (continues or conv_text) and not conv_first
                    then 'pesan lanjutan dalam percakapan WhatsApp yang sama' end,
           case when not (continues or conv_text) then 'media_only' end,
           case when not (continues or conv_text)
                then 'percakapan WhatsApp tanpa teks (hanya media), tidak bisa dibaca sebagai aduan' end
    from wa_roles
    union all
    select t.record_key, case when p.record_key is null then 'primary' else 'followup' end, t.complaint_id,
           case when p.record_key is not null then 'balasan email pada utas yang sama' end, null, null
    from email_thread as t left join email_parent as p using (record_key)
)
select * from first_roles
union all
select o.record_key,  -- repeats: the complaint of the reference's first copy (quarantined with it)
       case when o.known_cid is null and f.role = 'quarantined' then 'quarantined' else 'repeat' end,
       coalesce(o.known_cid, f.complaint_id),
       o.channel || ' ' || o.ref || ' sudah diterima sebelumnya',
       case when o.known_cid is null then f.reason_code end,
       case when o.known_cid is null then f.reason end
from occurrence as o
left join first_roles as f on f.record_key = o.first_key
where not (o.known_cid is null and o.nth = 1)
