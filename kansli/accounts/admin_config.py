"""Django's admin, with Kansli's site as the one every `admin.register` fills."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class AdminConfig(DjangoAdminConfig):
    default_site = "kansli.accounts.admin_site.SecondFactorAdminSite"

    def ready(self) -> None:
        super().ready()
        from django_otp.plugins.otp_static.models import StaticDevice
        from django_otp.plugins.otp_totp.models import TOTPDevice

        # The second factor's devices hold their secrets: each user keeps its own on its own
        # page (kansli.accounts.two_factor), each change in the event log; no one else sees them.
        admin.site.unregister([TOTPDevice, StaticDevice])
