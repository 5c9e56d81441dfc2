-- The last successful run's expectation results; the readable description of each rule before its code.
select v.suite, v.reason, v.expectation, v.level, v.success, v.rows_evaluated, v.rows_failed
from validations as v
where v.run_id = (select run_id from runs where outcome <> 'failed' order by started_at_utc desc limit 1)
order by v.success, v.suite, v.expectation
