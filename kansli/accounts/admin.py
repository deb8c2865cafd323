"""Users, roles (groups) and API tokens in the admin; every change is audited.

An administrator manages the users of its own body's persons: it cannot see an operator's
account, set anyone's staff or superuser status or model permissions, or give a role it does
not hold itself (the roles it cannot give stay as they were). Superusers are made from the
command line (`kansli createsuperuser`). Whether an account may use the admin site follows
from the administrator's role.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q, QuerySet
from django.forms import BaseModelForm, BaseModelFormSet, ModelForm, ModelMultipleChoiceField
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kansli.accounts.models import ApiToken, Role, User
from kansli.accounts.policy import (
    grantable_roles,
    may_reset_second_factor,
    may_set_password,
    standing,
)
from kansli.accounts.services import second_factor_reset, token_revoke
from kansli.audit import services as audit
from kansli.audit.admin import AuditedModelAdmin, ReadOnlyModelAdmin
from kansli.audit.services import Actor

if TYPE_CHECKING:
    from django.contrib.admin.options import _FieldsetSpec

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
    # django-stubs do not know that Django's UserAdmin sets its fieldsets.
    fieldsets = (*DjangoUserAdmin.fieldsets, (_("Person"), {"fields": ["person"]}))  # type: ignore[misc]
    add_fieldsets = (*DjangoUserAdmin.add_fieldsets, (_("Person"), {"fields": ["person"]}))
    list_display = ["username", "first_name", "last_name", "person", "is_staff", "is_active"]
    list_select_related = ["person"]
    autocomplete_fields = ["person"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        users = super().get_queryset(request)
        return users if _operator(request) else users.filter(is_superuser=False)

    def get_fieldsets(self, request: HttpRequest, obj: User | None = None) -> "_FieldsetSpec":
        hidden = COMMAND_LINE if _operator(request) else COMMAND_LINE | OPERATORS
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in hidden]})
            for name, options in super().get_fieldsets(request, obj)
        ]

    def get_readonly_fields(self, request: HttpRequest, obj: User | None = None) -> list[str]:
        """The person of an existing account is an operator's to change: linked to the
        director's person, an account would act in the director's posts."""
        fields = list(super().get_readonly_fields(request, obj))
        return fields if obj is None or _operator(request) else [*fields, "person"]

    def get_form(
        self, request: HttpRequest, obj: User | None = None, change: bool = False, **kwargs: Any
    ) -> type[ModelForm]:
        form = super().get_form(request, obj, change=change, **kwargs)
        if _operator(request):
            return form
        if "person" in form.base_fields:
            form.base_fields["person"].required = True
        return _keeping_roles(form, grantable=_grantable(request))

    def formfield_for_manytomany(
        self, db_field: "models.ManyToManyField[Any, Any]", request: HttpRequest, **kwargs: Any
    ) -> "ModelMultipleChoiceField[Any] | None":
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "groups" and field is not None:
            field.queryset = _grantable(request)
        return field

    def save_related(
        self,
        request: HttpRequest,
        form: "BaseModelForm[Any]",
        formsets: "list[BaseModelFormSet[Any, Any]]",
        change: bool,
    ) -> None:
        super().save_related(request, form, formsets, change)
        user = form.instance
        staff = user.is_superuser or user.groups.filter(name=Role.ADMINISTRATOR).exists()
        if user.is_staff != staff:
            audit.update(actor=request.user, instance=user, is_staff=staff)

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        account = self.get_object(request, unquote(id))
        if account is not None and not may_set_password(request.user, account):
            raise PermissionDenied(
                _(
                    "Du kan bara byta lösenord åt användare vars alla roller du själv har: "
                    "annars kunde du logga in med roller du inte har."
                )
            )
        with _changing_password(request.user):
            return super().user_change_password(request, id, form_url)

    def get_urls(self) -> list[URLPattern]:
        reset = path(
            "<path:object_id>/andra-faktor/",
            self.admin_site.admin_view(self.second_factor_reset_view),
            name="accounts_user_second_factor_reset",
        )
        return [reset, *super().get_urls()]

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        account = self.get_object(request, unquote(object_id))
        context = {
            **(extra_context or {}),
            "may_reset_second_factor": account is not None
            and may_reset_second_factor(request.user, account),
        }
        return super().change_view(request, object_id, form_url, context)

    def second_factor_reset_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """A user who lost both the app and the recovery codes: asked once, then every device
        removed and the user's sessions ended (kansli.accounts.services.second_factor_reset)."""
        account = self.get_object(request, unquote(object_id))
        if account is None:
            raise Http404
        if not may_reset_second_factor(request.user, account):
            raise PermissionDenied(_("Du kan inte ta bort den här användarens andra faktor."))
        if request.method == "POST":
            second_factor_reset(actor=request.user, user=account)
            self.message_user(
                request,
                _(
                    "Den andra faktorn är borttagen för %(user)s. Användaren har loggats ut och "
                    "lägger till en ny vid nästa inloggning."
                )
                % {"user": account},
                messages.SUCCESS,
            )
            return redirect("admin:accounts_user_change", account.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": account,
            "title": _("Ta bort den andra faktorn"),
        }
        return TemplateResponse(request, "admin/accounts/user/second_factor_reset.html", context)


# Set by no one here: superusers are made from the command line (`kansli createsuperuser`), and
# the admin site is for those with the administrator's role (`save_related`).
COMMAND_LINE = {"is_superuser", "is_staff"}
# Set by an operator only: what a user may do follows from the roles, not from model
# permissions given by hand.
OPERATORS = {"user_permissions"}


def _operator(request: HttpRequest) -> bool:
    return standing(request.user).operator


def _grantable(request: HttpRequest) -> QuerySet[Group]:
    return Group.objects.filter(name__in=grantable_roles(request.user)).order_by("name")


def _keeping_roles(form: type[ModelForm], *, grantable: QuerySet[Group]) -> type[ModelForm]:
    """The user form, keeping the roles the administrator may not give as they were."""

    # The base is the form Django's admin builds for the request: mypy takes no class made at
    # run time as a base.
    class KeepingRoles(form):  # type: ignore[valid-type, misc]
        def clean_groups(self) -> QuerySet[Group]:
            chosen = self.cleaned_data["groups"]
            held = self.instance.groups.all() if self.instance.pk else Group.objects.none()
            kept = held.exclude(pk__in=grantable)
            return Group.objects.filter(Q(pk__in=chosen) | Q(pk__in=kept))

    return KeepingRoles


admin.site.unregister(Group)


# django-stubs give GroupAdmin.formfield_for_manytomany an optional request, which Django's
# admin always passes (BodyScoped uses it).
@admin.register(Group)
class GroupAdmin(AuditedModelAdmin, DjangoGroupAdmin):  # type: ignore[misc]
    """The roles and their permissions (kansli.accounts.services.ROLE_PERMISSIONS): operators
    only, as a role is no row of a body."""


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyModelAdmin):
    """Tokens are made with `kansli apitoken create` (the key is shown once); here they are
    only listed and revoked."""

    list_display = ["name", "user", "scope", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["scope", ("revoked_at", admin.EmptyFieldListFilter)]
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
