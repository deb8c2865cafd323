from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OParlConfig(AppConfig):
    name = "kansli.oparl"
    label = "oparl"
    verbose_name = _("OParl 1.1")
