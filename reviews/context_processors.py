from django.conf import settings


def site(request):
    """Values every template may need: the site's name."""
    return {"site_name": settings.PRESSREVIEW_SITE_NAME}
