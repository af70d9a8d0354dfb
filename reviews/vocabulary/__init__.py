"""Keeping the tag and expert vocabularies clean, and the redirects that renames leave."""
