"""The JSON exchange format: export reviews, import them here or elsewhere."""
