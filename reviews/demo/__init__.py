"""Invented demo content: the loader behind `make run`, and the archive-scale generator."""
