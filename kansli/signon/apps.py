from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignonConfig(AppConfig):
    name = "kansli.signon"
    verbose_name = _("Inloggning via organisationens identitetstjänst")
