"""The admin site behind the second factor: a session reaches it once it has shown its second
factor, or owes none (kansli.accounts.two_factor), asked on every request. The middleware sends
such a session to give it first; this holds even without the middleware."""

from django.contrib.admin import AdminSite
from django.http import HttpRequest

from kansli.accounts import two_factor


class SecondFactorAdminSite(AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        return (
            super().has_permission(request) and two_factor.step_due(request, recheck=True) is None
        )
