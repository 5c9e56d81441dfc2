"""Pure transforms: data in, data out. No file, database or network I/O in this package."""
