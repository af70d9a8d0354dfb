"""Making reviews: the workflow, one unit of editing, forms, revisions."""
