-- The readers' mart `quarantine_superseded` (flows/marts.py): every quarantined record that another file took in
-- later, with that file (`superseded_by`), as `awasi quarantine list` marks it "digantikan". Computed once per
-- published snapshot, so the Kualitas data page only joins it (the marking itself reads all of intake: seconds at
-- millions of rows). Needs the temporary macro of flows/sql/quarantine_marked.sql.
select record_id, superseded_by
from quarantine_marked(null, null)
where superseded_by is not null
order by record_id
