-- One round of linking: each identifier takes the smallest label of the complaints that carry it, and each
-- complaint the smallest label of its identifiers. Labels only fall, so rounds end; after as many rounds as the
-- longest chain of complaints (each sharing an identifier with the next) is long, all of a reporter's complaints
-- carry one label.
create or replace temp table reporter_links_next as
with identifier_label as (
    select k.k, min(l.person) as person
    from reporter_link_keys as k join reporter_links as l using (complaint_id)
    group by k.k
)
select k.complaint_id, min(i.person) as person
from reporter_link_keys as k join identifier_label as i using (k)
group by k.complaint_id
