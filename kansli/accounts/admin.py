"""Users, roles (groups) and API tokens in the admin; every change is audited."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kansli.accounts.models import ApiToken, User
from kansli.accounts.services import token_revoke
from kansli.audit import services as audit
from kansli.audit.admin import AuditedModelAdmin, ReadOnlyModelAdmin
from kansli.audit.services import Actor

# Who is changing a password: Django's password view builds its form without the request.
_password_actor: ContextVar[Actor] = ContextVar("password_actor")


@contextmanager
def _changing_password(actor: Actor) -> Iterator[None]:
    token = _password_actor.set(actor)
    try:
        yield
    finally:
        _password_actor.reset(token)


class AuditedPasswordChangeForm(AdminPasswordChangeForm):
    def save(self, commit: bool = True) -> User:
        user = super().save(commit=False)
        if commit:
            audit.update(actor=_password_actor.get(), instance=user)
        return user


@admin.register(User)
class UserAdmin(AuditedModelAdmin, DjangoUserAdmin):
    change_password_form = AuditedPasswordChangeForm
    fieldsets = (*DjangoUserAdmin.fieldsets, (_("Person"), {"fields": ["person"]}))
    add_fieldsets = (*DjangoUserAdmin.add_fieldsets, (_("Person"), {"fields": ["person"]}))
    list_display = ["username", "first_name", "last_name", "person", "is_staff", "is_active"]
    list_select_related = ["person"]
    autocomplete_fields = ["person"]

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        with _changing_password(request.user):
            return super().user_change_password(request, id, form_url)


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(AuditedModelAdmin, DjangoGroupAdmin):
    pass


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyModelAdmin):
    """Tokens are made with `kansli apitoken create` (the key is shown once); here they are
    only listed and revoked."""

    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    list_select_related = ["user"]
    search_fields = ["name", "prefix", "user__username"]
    actions = ["revoke"]

    def has_revoke_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("accounts.change_apitoken")

    @admin.action(description=_("Återkalla markerade API-nycklar"), permissions=["revoke"])
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        revoked = 0
        for token in queryset:
            try:
                token_revoke(actor=request.user, token=token)
            except ValidationError as error:
                self.message_user(request, f"{token}: {error.messages[0]}", messages.WARNING)
            else:
                revoked += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d API-nyckel återkallad.", "%(count)d API-nycklar återkallade.", revoked
            )
            % {"count": revoked},
        )
