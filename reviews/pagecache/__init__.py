"""The public page cache, and the one place that knows how pages go stale."""
