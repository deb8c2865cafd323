from typing import Any

from django.apps import AppConfig, apps
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def sync_roles_after_migrate(using: str, **kwargs: Any) -> None:
    """After every migrate (and test flush) the role groups hold exactly their permissions.

    Django creates permissions app by app after migrate; make sure all exist before the
    roles refer to them.
    """
    from django.contrib.auth.management import create_permissions

    from kansli.accounts.services import roles_sync

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    roles_sync()


class AccountsConfig(AppConfig):
    name = "kansli.accounts"
    verbose_name = _("Användare")

    def ready(self) -> None:
        from kansli.accounts.signins import record_operator_sign_in

        post_migrate.connect(sync_roles_after_migrate, sender=self)
        user_logged_in.connect(record_operator_sign_in)
