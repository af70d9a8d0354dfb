from django.urls import path

from reviews.newsletter import views

app_name = "newsletter"

urlpatterns = [
    path("", views.NewsletterView.as_view(), name="signup"),
    path("subscribe/", views.SubscribeView.as_view(), name="subscribe"),
    path("confirm/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("manage/<str:token>/", views.ManageView.as_view(), name="manage"),
    path("unsubscribe/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
]
