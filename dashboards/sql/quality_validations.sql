select v.suite, v.expectation, v.level, v.success, v.rows_evaluated, v.rows_failed, v.reason
from validations as v
where v.run_id = (select run_id from runs where outcome <> 'failed' order by started_at_utc desc limit 1)
order by v.success, v.suite, v.expectation
