"""The one error family that services raise; the API maps each to its HTTP status."""


class ServiceError(Exception):
    status_code = 400

    def __init__(self, message: str, *, field: str | None = None, messages: dict | None = None):
        super().__init__(message)
        self.message = message
        self.messages = messages or ({field: [message]} if field else {})

    def as_payload(self) -> dict:
        payload: dict = {"detail": self.message}
        payload.update(self.messages)
        return payload


class InvalidInput(ServiceError):
    status_code = 400


class NotPermitted(ServiceError):
    status_code = 403


class TransitionNotAllowed(ServiceError):
    status_code = 409
