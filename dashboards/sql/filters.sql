-- Shared filter: every dashboard query selects from this CTE, over the mart `complaint_facts` with the analysts'
-- corrections applied (`facts_effective`). Parameters (all may be null): $start, $end (dates, WIB, inclusive),
-- $agency, $province, $channel, $category (effective category), and $scope: the agencies an agency-scoped
-- account may see (null: all).
select *
from facts_effective
where ($start is null or day >= $start::date)
  and ($end is null or day <= $end::date)
  and ($agency is null or agency = $agency)
  and ($province is null or province = $province)
  and ($channel is null or channel = $channel)
  and ($category is null or effective_category = $category)
  and ($scope::varchar[] is null or list_contains($scope::varchar[], agency))
