-- The roles of the records making up the candidate complaints (new ones that may be, or have, a duplicate).
select * from roles
where complaint_id in (select complaint_id from candidates)
  and role in ('primary', 'followup', 'repeat')
