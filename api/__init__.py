"""The read-only content API at /api/v1/: published content as JSON, described by OpenAPI."""
