"""Great Expectations suites (JSON files under `suites/`) and the step that runs them.

`great_expectations` is imported only inside `validate.run_suite`, never at import time of this package:
it costs 3-5 s and ~260 MB, and the dashboard must not pay for it.
"""
