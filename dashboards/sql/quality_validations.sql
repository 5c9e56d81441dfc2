-- The expectation results of the newest run that checked any data (a night with no new file checks nothing, and a
-- failed run stores nothing); the readable description of each rule before its code.
select v.run_id, v.suite, v.reason, v.expectation, v.level, v.success, v.rows_evaluated, v.rows_failed
from validations as v
where v.run_id = (select r.run_id from runs as r
                  where r.outcome <> 'failed' and exists (select 1 from validations as w where w.run_id = r.run_id)
                  order by r.started_at_utc desc limit 1)
order by v.success, v.suite, v.expectation
