-- Search complaints: every word must appear, matched on the stemmed text ("pungutan" finds "dipungut") or,
-- for rows loaded before stemming existed, on the text itself. $p1..$p3 are ILIKE patterns built in code from
-- the user's words and passed as parameters (never spliced into SQL).
with f as ({filtered})
select c.complaint_id, c.received_at_local, c.channel, c.agency, c.province, f.effective_category, c.confidence,
       f.pending_review, f.corrected, c.is_secret, c.title
from complaints as c
join f using (complaint_id)
where ($p1 is null or coalesce(c.text_search, c.text) ilike $p1 or c.text ilike $p1 or c.title ilike $p1)
  and ($p2 is null or coalesce(c.text_search, c.text) ilike $p2 or c.text ilike $p2 or c.title ilike $p2)
  and ($p3 is null or coalesce(c.text_search, c.text) ilike $p3 or c.text ilike $p3 or c.title ilike $p3)
order by c.received_at_local desc, c.complaint_id
limit 200
