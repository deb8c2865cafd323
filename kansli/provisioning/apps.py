from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvisioningConfig(AppConfig):
    name = "kansli.provisioning"
    verbose_name = _("Användare från katalogen (SCIM)")
