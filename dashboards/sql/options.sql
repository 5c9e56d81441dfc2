-- Values offered in the filter boxes.
select 'agency' as kind, agency as value from complaints where agency is not null group by agency
union all
select 'province', province from complaints where province is not null group by province
union all
select 'channel', channel from complaints group by channel
order by kind, value
