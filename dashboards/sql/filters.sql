-- Shared filter: every dashboard query selects from this CTE. Parameters (all may be null):
-- $start, $end (dates, WIB), $agency, $province, $channel, $category (effective category), and $scope: the
-- agencies an agency-scoped account may see (null: all).
select *
from complaints_effective
where ($start is null or received_at_local >= $start::date)
  and ($end is null or received_at_local < $end::date + interval 1 day)
  and ($agency is null or agency = $agency)
  and ($province is null or province = $province)
  and ($channel is null or channel = $channel)
  and ($category is null or effective_category = $category)
  and ($scope::varchar[] is null or list_contains($scope::varchar[], agency))
