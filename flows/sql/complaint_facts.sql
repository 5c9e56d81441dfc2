-- The reader-side mart: one narrow row per complaint with everything the dashboard filters, groups and counts,
-- derived once per published snapshot instead of in every query (timestamp arithmetic and date truncation
-- are the costly part of a dashboard query at millions of rows). `workdays` maps each calendar day to its
-- working-day ordinal, so working days between two dates are one subtraction.
--
-- A reporter is known by every identifier a complaint carries (`reporter_keys`: pseudonyms of phone, e-mail and
-- the reporter's own NIK). Complaints are one reporter's when they share an identifier, directly or through a chain
-- of complaints: a LAPOR! report with phone and e-mail links a later WhatsApp message (phone) and a later e-mail
-- (address). `reporter_links` (complaint_id, person) is made first by flows/marts.py (reporter_links_*.sql) for the
-- complaints that share an identifier; any other complaint is known by its own smallest identifier.
select c.complaint_id,
       hash(c.complaint_id) as id_hash,                            -- join key for corrections (checked unique)
       c.channel, c.agency, c.agency_type, c.province, c.regency, c.status,
       c.category, coalesce(c.category <> 'bukan_maladministrasi', false) as is_maladministration,
       coalesce(c.needs_review, false) as needs_review, coalesce(c.is_secret, false) as is_secret,
       case when len(c.reporter_keys) > 0   -- anonymous: null (hash(null) is not null)
            then hash(coalesce(cr.person, list_min(c.reporter_keys))) end as reporter_key,
       c.received_at_local,
       c.received_at_local::date as day,
       date_trunc('month', c.received_at_local)::date as month,
       (epoch(c.first_response_at_utc) - epoch(c.received_at_utc)) / 60.0 as response_minutes,
       (epoch(c.closed_at_utc) - epoch(c.received_at_utc)) / 86400.0 as days_to_close,
       c.forwarded_at_utc is not null as forwarded,
       c.acted_at_utc is not null as acted,
       r.ordinal as wd_received,
       fw.ordinal as wd_forwarded,
       ac.ordinal as wd_acted
from complaints as c
left join reporter_links as cr on cr.complaint_id = c.complaint_id
left join workdays as r on r.day = c.received_at_local::date
left join workdays as fw on fw.day = (c.forwarded_at_utc + interval 7 hours)::date   -- WIB day
left join workdays as ac on ac.day = (c.acted_at_utc + interval 7 hours)::date
