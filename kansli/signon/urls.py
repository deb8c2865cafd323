from django.urls import path

from kansli.signon import saml, views

app_name = "signon"

urlpatterns = [
    path("authenticate/", views.Authenticate.as_view(), name="oidc-authenticate"),
    path("callback/", views.Callback.as_view(), name="oidc-callback"),
]

# SAML 2.0 (kansli.signon.saml), under saml2/ of the site (kansli/urls.py); the metadata's
# address is the one an identity provider's administrator is given.
saml_urlpatterns = (
    [
        path("metadata/", saml.Metadata.as_view(), name="metadata"),
        path("login/", saml.SignIn.as_view(), name="login"),
        path("acs/", saml.AssertionConsumer.as_view(), name="acs"),
        path("logout/", saml.SignOut.as_view(), name="logout"),
        path("ls/", saml.SignedOut.as_view(), name="ls"),
        path("ls/post/", saml.SignedOut.as_view(), name="ls-post"),
    ],
    "saml",
)
