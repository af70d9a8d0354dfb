"""Security plumbing of the whole site: the Content Security Policy's middleware (django-csp's,
with a policy on the debug pages django-csp leaves without one), the page of a login locked
out by django-axes, and the client's address behind proxies. See docs/SECURITY.md.
"""

from dataclasses import asdict

from csp.constants import HEADER
from csp.middleware import CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.contrib import admin
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

# Django's debug pages for 404 and 500 (DEBUG only) style themselves with a <style> element;
# django-csp leaves them without any policy. They get the policy with inline styles allowed:
# scripts stay the site's own only (the 500 page's toggles then do nothing; all is shown).
DEBUG_PAGE_STATUSES = (404, 500)
DEBUG_PAGE_ADDITIONS = {"style-src": ["'unsafe-inline'"]}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with a policy on the debug pages it would leave without one."""

    def process_response(self, request, response):
        if (
            settings.DEBUG
            and response.status_code in DEBUG_PAGE_STATUSES
            and HEADER not in response
            and not getattr(response, "_csp_exempt", False)
        ):
            parts = self.get_policy_parts(request, response)
            parts.update = {**(parts.update or {}), **DEBUG_PAGE_ADDITIONS}
            response[HEADER] = build_policy(**asdict(parts))
        return super().process_response(request, response)


def login_lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    """The page of a login refused by django-axes (settings.AXES_LOCKOUT_CALLABLE).

    The admin's own look and header, and plain words: how many failures, how long to wait.
    It says nothing of whether the user name exists.
    """
    context = {
        **admin.site.each_context(request),
        "title": _("Too many failed logins"),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "axes/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


def client_address(request) -> str:
    """The address a request came from: the one django-axes locks (AXES_CLIENT_IP_CALLABLE)
    and the API's rate limit counts.

    Behind PRESSREVIEW_TRUSTED_PROXY_COUNT proxies, each appending to X-Forwarded-For the
    address it was reached from, the client is that many entries from the right: the entries
    further left are whatever the client sent, and may be forged. Without proxies (the
    default), or for a request that did not come through them, it is the connection's address.
    """
    count = settings.PRESSREVIEW_TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    addresses = [address.strip() for address in forwarded.split(",") if address.strip()]
    if count and len(addresses) >= count:
        return addresses[-count]
    return request.META.get("REMOTE_ADDR", "")
