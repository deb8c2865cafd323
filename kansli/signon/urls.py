from django.urls import path

from kansli.signon import views

app_name = "signon"

urlpatterns = [
    path("authenticate/", views.Authenticate.as_view(), name="oidc-authenticate"),
    path("callback/", views.Callback.as_view(), name="oidc-callback"),
]
