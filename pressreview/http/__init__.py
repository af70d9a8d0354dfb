"""HTTP plumbing of the whole site: security headers, the outage page, conditional GET."""
