from django.conf import settings
from django.core.exceptions import DisallowedHost


def site(request):
    """What every page's head needs: the site's name and the page's canonical address."""
    try:
        canonical_url = request.build_absolute_uri(request.path)
    except DisallowedHost:
        # The 400 page answering a request for a host name not ours: no host to name.
        canonical_url = request.path
    return {"site_name": settings.PRESSREVIEW_SITE_NAME, "canonical_url": canonical_url}
