"""How readers find published content (site and API alike): filters, search, shortlists."""
