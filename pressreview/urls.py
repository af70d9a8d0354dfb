from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Pressreview"
admin.site.site_title = "Pressreview admin"
admin.site.index_title = "Editorial desk"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("reviews.urls")),
]
