from django.conf import settings


def site(request):
    """What every page's head needs: the site's name and the page's canonical address."""
    return {
        "site_name": settings.PRESSREVIEW_SITE_NAME,
        "canonical_url": request.build_absolute_uri(request.path),
    }
