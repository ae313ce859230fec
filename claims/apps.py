from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"

    def ready(self) -> None:
        # Registers the extraction task, which articles enqueue by name, in every process
        # (web, worker, commands), not only where Celery's autodiscovery runs.
        from claims import tasks  # noqa: F401

        # Registers the system check that production names its public address.
        from config import public_url  # noqa: F401
