"""Webhook subscriptions in the admin, for the body's administrators, written through the
services (the secret stays out of the event log); their deliveries read only."""

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from kansli.audit.admin import BodyScoped, ReadOnlyModelAdmin
from kansli.integrations import services
from kansli.integrations.models import Event, WebhookDelivery, WebhookSubscription


class SubscriptionForm(forms.ModelForm):
    url = forms.URLField(label=_("adress"), max_length=500, assume_scheme="https")
    events = forms.MultipleChoiceField(
        label=_("händelser"), choices=Event.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = WebhookSubscription
        fields = ["body", "name", "url", "events", "active"]


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(BodyScoped, admin.ModelAdmin):
    form = SubscriptionForm
    list_display = ["name", "body", "url", "active"]
    list_filter = ["body", "active"]
    search_fields = ["name", "url"]
    readonly_fields = ["secret", "created_at"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # The body is chosen once: the secret and the deliveries belong to it.
        return [*self.readonly_fields, "body"] if obj is not None else self.readonly_fields

    def save_model(
        self, request: HttpRequest, obj: WebhookSubscription, form: Any, change: bool
    ) -> None:
        data = form.cleaned_data
        if change:
            services.subscription_update(
                actor=request.user,
                subscription=obj,
                name=data["name"],
                url=data["url"],
                events=data["events"],
                active=data["active"],
            )
            return
        created = services.subscription_create(
            actor=request.user,
            body=data["body"],
            name=data["name"],
            url=data["url"],
            events=data["events"],
        )
        obj.pk = created.pk
        obj.secret = created.secret

    def delete_model(self, request: HttpRequest, obj: WebhookSubscription) -> None:
        services.subscription_delete(actor=request.user, subscription=obj)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for subscription in queryset:
            services.subscription_delete(actor=request.user, subscription=subscription)


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(ReadOnlyModelAdmin):
    list_display = ["event", "subscription", "state", "attempts", "response_status", "created_at"]
    list_filter = ["state", "event"]
    list_select_related = ["subscription"]
