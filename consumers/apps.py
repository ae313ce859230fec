from django.apps import AppConfig


class ConsumersConfig(AppConfig):
    """API keys and webhooks for the sites, apps and researchers that build on the tracker."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "consumers"

    def ready(self) -> None:
        # consumers imports claims, never the reverse: claims announces events through
        # claims.events and this app listens there.
        from claims import events
        from consumers import schema, tasks  # noqa: F401  (register the task and the schema)
        from consumers.services import webhook_event_record

        events.connect(webhook_event_record)
