"""Sample inbox generator (the bundled demo data)."""
