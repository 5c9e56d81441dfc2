-- Search complaints: every word must appear, matched on the stemmed text ("pungutan" finds "dipungut") or,
-- for rows loaded before stemming existed, on the text itself. $p1..$p3 are ILIKE patterns built in code from
-- the user's words and passed as parameters (never spliced into SQL).
with f as ({filtered})
select complaint_id, received_at_local, channel, agency, province, effective_category, confidence, pending_review,
       corrected, is_secret, title
from f
where ($p1 is null or coalesce(text_search, text) ilike $p1 or text ilike $p1 or title ilike $p1)
  and ($p2 is null or coalesce(text_search, text) ilike $p2 or text ilike $p2 or title ilike $p2)
  and ($p3 is null or coalesce(text_search, text) ilike $p3 or text ilike $p3 or title ilike $p3)
order by received_at_local desc
limit 200
