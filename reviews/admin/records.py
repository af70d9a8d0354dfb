"""Admin pages of records the application writes (deliveries, comments and the activity log,
notifications): read here, never added, changed or deleted by hand."""


class ReadOnlyAdminMixin:
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
