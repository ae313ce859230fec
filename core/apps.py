from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"

    def ready(self) -> None:
        # Registers the system check that production names its public address.
        from core import public_url  # noqa: F401
