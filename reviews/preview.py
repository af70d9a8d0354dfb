"""Staff preview and signed share-preview links of unpublished reviews."""


class PreviewAdminMixin:
    """Adds preview and share-link tools to ReviewAdmin (to be built)."""
