from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import index, sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from reviews.pagecache.marks import public_page
from reviews.site.sitemaps import sitemaps

admin.site.site_header = "Pressreview"
admin.site.site_title = _("Pressreview admin")
admin.site.index_title = _("Editorial desk")

# Inside the back office, a refusal keeps the admin's look and a way back.
handler403 = "reviews.admin.denied.permission_denied"

urlpatterns = [
    path("admin/", admin.site.urls),
    path(
        "sitemap.xml",
        public_page(index),
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        public_page(sitemap),
        {"sitemaps": sitemaps},
        name="sitemap-section",
    ),
    path(
        "robots.txt",
        public_page(TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
        name="robots",
    ),
    path("api/", include("api.urls")),
]
# The reader site and the newsletter in every language: the default's pages at the addresses
# of the public URL contract, the others' under /<code>/ (pressreview.http.language).
urlpatterns += i18n_patterns(
    path("", include("reviews.urls")),
    path("newsletter/", include("reviews.newsletter.urls")),
    prefix_default_language=False,
)
