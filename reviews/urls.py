from django.urls import path, register_converter

from . import converters, views

register_converter(converters.FourDigitYearConverter, "yyyy")
register_converter(converters.TwoDigitConverter, "mm")
register_converter(converters.TwoDigitConverter, "dd")

app_name = "reviews"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("reviews/", views.ReviewListView.as_view(), name="review-list"),
    path(
        "reviews/<yyyy:year>/<mm:month>/<dd:day>/<slug:slug>/",
        views.ReviewDetailView.as_view(),
        name="review-detail",
    ),
    path("outlets/<slug:slug>/", views.OutletDetailView.as_view(), name="outlet-detail"),
    path("experts/<slug:slug>/", views.ExpertDetailView.as_view(), name="expert-detail"),
    path("tags/<slug:slug>/", views.TagDetailView.as_view(), name="tag-detail"),
]
