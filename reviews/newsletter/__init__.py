"""The morning email: readers subscribe without an account (double opt-in by signed link) to
every review, a section, an outlet, an expert or a tag, at once or as a daily digest; the worker
sends each published review once to each match. README.md, "The newsletter"."""
