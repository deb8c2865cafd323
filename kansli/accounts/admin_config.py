"""Django's admin, with Kansli's site as the one every `admin.register` fills."""

from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class AdminConfig(DjangoAdminConfig):
    default_site = "kansli.accounts.admin_site.SecondFactorAdminSite"
