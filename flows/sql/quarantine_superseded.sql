-- The readers' mart `quarantine_superseded` (flows/marts.py): every quarantined record that another file took in
-- later, with that file (`superseded_by`), as `awasi quarantine list` marks it "digantikan"; with its channel and
-- reason code, so the Kualitas data page counts them per reason without joining intake again. Computed once per
-- published snapshot (1-6 s at 10 million intake rows): at page time the marking read all of intake on every
-- load. Needs the temporary macro of flows/sql/quarantine_marked.sql.
select record_id, channel, reason_code, superseded_by
from quarantine_marked(null, null)
where superseded_by is not null
order by channel, reason_code, record_id
