-- Search complaints: every word must appear, matched on the stemmed lower-case text ("pungutan" finds
-- "dipungut"; a part of a word matches too), on the text itself for rows loaded before stemming existed, or on
-- the title. $w1..$w3 are the stemmed words, built in code and passed as parameters (never spliced into SQL).
-- A secret report's words are not searched: finding it by a word would tell, word by word, what it says. Without
-- words it is listed like any other (its title and text are not shown).
with f as ({filtered_complaints})
select complaint_id, received_at_local, channel, agency, province, effective_category, confidence,
       pending_review, corrected, is_secret, title
from f
-- the date range once more on the stored timestamp: a plain comparison the scan applies before it reads any text
where ($start is null or received_at_local >= $start::date)
  and ($end is null or received_at_local < $end::date + 1)
  and ($w1 is null or not coalesce(is_secret, false))
  and ($w1 is null or contains(coalesce(text_search, lower(text)), $w1) or contains(lower(title), $w1))
  and ($w2 is null or contains(coalesce(text_search, lower(text)), $w2) or contains(lower(title), $w2))
  and ($w3 is null or contains(coalesce(text_search, lower(text)), $w3) or contains(lower(title), $w3))
order by received_at_local desc, complaint_id
limit 200
