"""Tags suggested from a story's own text, learned from the tagged archive (docs/TAGGING.md):
the model (engine.py), the archive it learns from (archive.py), its versions on disk
(store.py), what moderators do with suggestions (services.py), its evaluation."""
