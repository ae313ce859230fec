from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from claims.events import EVENTS
from consumers.models import ApiKey, WebhookDelivery, WebhookSubscription
from consumers.sending import check_webhook_url
from consumers.services import api_key_create, api_key_revoke, webhook_subscription_create
from consumers.tasks import deliver_webhook
from core.roles import is_editor


@admin.action(description="Revoke the selected keys")
def revoke_keys(modeladmin: admin.ModelAdmin, request: HttpRequest, keys: QuerySet) -> None:
    for api_key in keys:
        api_key_revoke(api_key=api_key, actor=request.user)
    modeladmin.message_user(request, f"{keys.count()} key(s) revoked.")


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "prefix",
        "rate_limit_per_minute",
        "created_by",
        "last_used_at",
        "revoked_at",
    ]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "prefix"]
    readonly_fields = ["prefix", "created_by", "last_used_at", "revoked_at", "created_at"]
    fields = ["name", "rate_limit_per_minute", *readonly_fields]
    actions = [revoke_keys]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_editor(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_editor(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return is_editor(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_editor(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: ApiKey, form: Any, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        created, raw_key = api_key_create(
            name=obj.name, created_by=request.user, rate_limit_per_minute=obj.rate_limit_per_minute
        )
        obj.pk = created.pk
        obj.prefix = created.prefix
        obj.secret_digest = created.secret_digest
        messages.warning(
            request,
            f"The key for {created.name} is {raw_key} — copy it now: it is not stored and "
            "cannot be shown again.",
        )


class WebhookDeliveryInline(admin.TabularInline):
    model = WebhookDelivery
    fields = [
        "created_at",
        "event",
        "status",
        "attempts",
        "response_code",
        "last_error",
        "next_retry_at",
        "delivered_at",
    ]
    readonly_fields = fields
    extra = 0
    can_delete = False
    max_num = 0
    ordering = ["-created_at"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).order_by("-created_at", "-id")


class WebhookSubscriptionForm(forms.ModelForm):
    events = forms.MultipleChoiceField(
        choices=[(event, event) for event in EVENTS], widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = WebhookSubscription
        fields = ["name", "url", "events", "is_active"]

    def clean_url(self) -> str:
        problem = check_webhook_url(
            self.cleaned_data["url"], allow_private=settings.WEBHOOK_ALLOW_PRIVATE
        )
        if problem:
            raise forms.ValidationError(problem)
        return self.cleaned_data["url"]


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(admin.ModelAdmin):
    form = WebhookSubscriptionForm
    list_display = ["name", "url", "events", "is_active", "api_key", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "url"]
    readonly_fields = ["signing_secret", "secret", "api_key", "created_by", "created_at"]
    fields = ["name", "url", "events", "is_active", *readonly_fields]
    inlines = [WebhookDeliveryInline]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_editor(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_editor(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return is_editor(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_editor(request.user)

    def save_model(
        self, request: HttpRequest, obj: WebhookSubscription, form: Any, change: bool
    ) -> None:
        if not change:
            created = webhook_subscription_create(
                name=obj.name, url=obj.url, events=obj.events, created_by=request.user
            )
            obj.pk, obj.secret, obj.created_at = created.pk, created.secret, created.created_at
            return
        super().save_model(request, obj, form, change)


@admin.action(description="Send again now")
def resend(modeladmin: admin.ModelAdmin, request: HttpRequest, deliveries: QuerySet) -> None:
    pending = deliveries.filter(status="pending")
    for delivery_id in pending.values_list("pk", flat=True):
        deliver_webhook.delay(delivery_id)
    modeladmin.message_user(request, f"{pending.count()} pending deliveries enqueued.")


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "event",
        "subscription",
        "status",
        "attempts",
        "response_code",
        "next_retry_at",
    ]
    list_filter = ["status", "event"]
    list_select_related = ["subscription"]
    readonly_fields = [field.name for field in WebhookDelivery._meta.fields]
    actions = [resend]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_editor(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_editor(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
