"""The 403 page: inside the back office, the admin's own page with a way back.

Django calls `permission_denied` (pressreview/urls.py, `handler403`) for every refused
request. A member of staff refused inside /admin/ stays in the admin's look, told plainly
what happened, with links back; everyone else gets the public page (templates/403.html).
"""

from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.defaults import permission_denied as public_permission_denied


def permission_denied(request, exception=None):
    admin_root = reverse("admin:index")
    user = getattr(request, "user", None)
    if not (request.path.startswith(admin_root) and user is not None and user.is_staff):
        return public_permission_denied(request, exception)
    back = request.META.get("HTTP_REFERER", "")
    safe = url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    context = {
        **admin.site.each_context(request),
        "title": None,
        "back_url": back if safe and back != request.build_absolute_uri() else "",
    }
    response = TemplateResponse(request, "admin/403.html", context, status=403)
    return response.render()
