-- One round of linking: each shared identifier takes the smallest label of the complaints that carry it, and each
-- complaint takes the smallest label of its shared identifiers when that is smaller than its own. Labels only
-- fall, so rounds end; after as many rounds as the longest chain of complaints (each sharing an identifier with
-- the next) is long, all of a reporter's complaints carry one label. Returns the number of complaints relabelled.
update reporter_links set person = n.person
from (
    select k.complaint_id, min(i.person) as person
    from reporter_link_keys as k
    join (select k.k, min(l.person) as person
          from reporter_link_keys as k join reporter_links as l using (complaint_id)
          group by k.k) as i using (k)
    group by k.complaint_id
) as n
where reporter_links.complaint_id = n.complaint_id and n.person < reporter_links.person
