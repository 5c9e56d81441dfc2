-- Complaints per group for one year and the year before, corrections applied, with the review rule.
-- The group column comes from a fixed list in code (never from user input), passed in as `group_expr`
-- by exports.build_counts through a small set of named variants of this file.
-- $year: the year (WIB); $region, $agency, $channel: filters or null; $review: include | exclude | separate;
-- $scope: the agencies an agency-scoped account may see, or null for all; $today: today (WIB).
-- A year not over yet (this year or later, its data up to a day before 31 Dec) is compared with the year before up
-- to the same day (`prev_until`: 7 Dec 2026 -> 7 Dec 2025; 29 Feb -> 28 Feb); a finished year with the whole year.
with base as (
    select year(received_at_local) as yr,
           case when $review = 'separate' and pending_review then 'perlu_tinjauan'
                else {group_expr} end as grp,
           pending_review as pending,
           received_at_local::date as day
    from complaints_effective
    where year(received_at_local) in ($year, $year - 1)
      and ($region is null or province = $region or regency = $region)
      and ($agency is null or agency = $agency or agency_code = $agency)
      and ($channel is null or channel = $channel)
      and ($scope::varchar[] is null or list_contains($scope::varchar[], agency))
),
kept as (select * from base where not ($review = 'exclude' and pending)),
cut as (
    select case when $year >= year($today::date) and max(day) < make_date($year, 12, 31)
                then (max(day) - interval 1 year)::date end as prev_until
    from kept
    where yr = $year
)
select coalesce(grp, '(tidak diketahui)') as grp,
       coalesce(count_if(yr = $year), 0)::bigint as n,
       coalesce(count_if(yr = $year - 1 and (prev_until is null or day <= prev_until)), 0)::bigint as n_prev,
       max(case when yr = $year then day end) as last_day,   -- the newest day of receipt in the year
       any_value(prev_until) as prev_until
from kept, cut
group by grp
