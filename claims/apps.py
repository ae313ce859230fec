from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"

    def ready(self) -> None:
        # Registers the extraction task, which articles enqueue by name, in every process
        # (web, worker, commands), not only where Celery's autodiscovery runs.
        from claims import tasks  # noqa: F401
