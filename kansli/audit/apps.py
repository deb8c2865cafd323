from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "kansli.audit"
    verbose_name = _("Händelselogg")

    def ready(self) -> None:
        from kansli.audit.triggers import after_migrate

        post_migrate.connect(after_migrate, sender=self)
