-- Values offered in the filter boxes (within the account's scope; $scope null = all agencies).
with visible as (
    select agency, province, channel from filter_values
    where $scope::varchar[] is null or list_contains($scope::varchar[], agency)
)
select 'agency' as kind, agency as value from visible where agency is not null group by agency
union all
select 'province', province from visible where province is not null group by province
union all
select 'channel', channel from visible group by channel
order by kind, value
