"""Keeping the tag and expert vocabularies clean: merge, rename, redirect."""
