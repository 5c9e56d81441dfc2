-- Channel references of this run that were received in earlier runs, with their complaint.
select i.channel, i.source_ref, any_value(i.complaint_id) as complaint_id
from intake as i
join batch_refs as b
  on b.channel = i.channel and b.ref = i.source_ref
where i.fate <> 'quarantined'
group by i.channel, i.source_ref
