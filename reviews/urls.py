from django.urls import path, register_converter

from reviews.site import converters, feeds, preview, views

register_converter(converters.FourDigitYearConverter, "yyyy")
register_converter(converters.TwoDigitConverter, "mm")
register_converter(converters.TwoDigitConverter, "dd")

app_name = "reviews"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("reviews/", views.ReviewListView.as_view(), name="review-list"),
    path("reviews/<yyyy:year>/", views.ReviewYearArchiveView.as_view(), name="review-year"),
    path(
        "reviews/<yyyy:year>/<mm:month>/",
        views.ReviewMonthArchiveView.as_view(),
        name="review-month",
    ),
    path(
        "reviews/<yyyy:year>/<mm:month>/<dd:day>/",
        views.ReviewDayArchiveView.as_view(),
        name="review-day",
    ),
    path(
        "reviews/<yyyy:year>/<mm:month>/<dd:day>/<slug:slug>/",
        views.ReviewDetailView.as_view(),
        name="review-detail",
    ),
    path("stories/", views.StoryListView.as_view(), name="story-list"),
    path("outlets/", views.OutletListView.as_view(), name="outlet-list"),
    path("outlets/<slug:slug>/", views.OutletDetailView.as_view(), name="outlet-detail"),
    path("experts/", views.ExpertListView.as_view(), name="expert-list"),
    path("experts/<slug:slug>/", views.ExpertDetailView.as_view(), name="expert-detail"),
    path("tags/", views.TagListView.as_view(), name="tag-list"),
    path("tags/<slug:slug>/", views.TagDetailView.as_view(), name="tag-detail"),
    path("feeds/reviews/rss/", feeds.LatestReviewsFeed(), name="review-feed-rss"),
    path("feeds/reviews/atom/", feeds.LatestReviewsAtomFeed(), name="review-feed-atom"),
    path("outlets/<slug:slug>/feed/", feeds.OutletFeed(), name="outlet-feed"),
    path("experts/<slug:slug>/feed/", feeds.ExpertFeed(), name="expert-feed"),
    path("tags/<slug:slug>/feed/", feeds.TagFeed(), name="tag-feed"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("trends/", views.TrendsView.as_view(), name="trends"),
    path(
        "preview/<str:token>/",
        preview.ReviewSharePreviewView.as_view(),
        name="review-share-preview",
    ),
]
