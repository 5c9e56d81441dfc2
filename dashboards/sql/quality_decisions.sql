-- Analysts' decisions against the machine's category (Kualitas data), per machine category: how many decisions,
-- how many kept the machine's category, and the same for the complaints the machine did not send to review.
-- `corrected_facts` holds the mart rows of the complaints with a decision (flows/sql/latest_corrections.sql).
select category as kode,
       count(*) as keputusan,
       count_if(effective_category = category) as dipertahankan,
       count_if(not needs_review) as keputusan_tanpa_tinjauan,
       count_if(not needs_review and effective_category = category) as dipertahankan_tanpa_tinjauan
from corrected_facts
group by category
order by keputusan desc, kode
