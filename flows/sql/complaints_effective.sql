-- Every count and export reads this view: the analyst's latest correction wins over the classifier.
-- Created per connection (a temp view) over the attached corrections database `corr`.
create or replace temp view complaints_effective as
with latest as (
    select complaint_id, arg_max(category, corrected_at_utc) as corrected_category
    from corr.corrections
    group by complaint_id
)
select c.*,
       coalesce(l.corrected_category, c.category) as effective_category,
       l.corrected_category is not null as corrected,
       coalesce(c.needs_review, false) and l.corrected_category is null as pending_review
from complaints as c
left join latest as l using (complaint_id)
