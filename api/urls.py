"""/api/: version 1, then a JSON 404 for every other address under /api/."""

from django.http import JsonResponse
from django.urls import path, re_path

from .views import api


def unknown_address(request, *args, **kwargs):
    return JsonResponse({"detail": "There is nothing at this address."}, status=404)


urlpatterns = [
    path("v1/", api.urls),
    # Without this, an unknown address falls through to the site's HTML 404 page (or, in
    # debug mode, Django's): clients of an API expect JSON whatever the address.
    re_path(r"", unknown_address),
]
