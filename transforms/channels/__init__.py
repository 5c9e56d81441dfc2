"""One parser per channel: the bytes of one inbox file in, a list of record dicts out.

Every record the file holds comes out, broken ones with `reason_code` and `reason` set, so that
nothing is dropped. Parsers never raise on bad content.
"""
