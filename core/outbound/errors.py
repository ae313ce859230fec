"""Why an outbound request (a page, a feed, a webhook receiver) failed, and whether trying again
later may help."""

from __future__ import annotations


class FetchError(Exception):
    """A fetch failed: `reason` reads as a sentence, `transient` says whether retrying may help."""

    transient: bool = False

    def __init__(self, reason: str, *, url: str, transient: bool | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.url = url
        if transient is not None:
            self.transient = transient

    def __str__(self) -> str:
        return f"{self.reason} ({self.url})"


class InvalidURL(FetchError):
    """The address is malformed or uses a scheme other than http/https."""


class AddressRefused(FetchError):
    """The host resolves to an address the fetcher must not reach (private, loopback...)."""


class HostNotFound(FetchError):
    """DNS gave no address for the host."""

    transient = True


class ConnectionFailed(FetchError):
    """The server could not be reached or dropped the connection."""

    transient = True


class FetchTimeout(FetchError):
    """The server was too slow to connect, to answer, or to finish within the time limit."""

    transient = True


class ResponseTooLarge(FetchError):
    """The response body exceeds the size limit."""


class UnsupportedContentType(FetchError):
    """The response is not the kind of document asked for (e.g. a PDF instead of a page)."""


class TooManyRedirects(FetchError):
    """The redirect chain is longer than allowed, or loops."""


class HTTPStatusError(FetchError):
    """The server answered with an error status; 5xx, 408 and 429 are worth retrying."""

    def __init__(self, reason: str, *, url: str, status: int) -> None:
        super().__init__(reason, url=url, transient=status >= 500 or status in (408, 425, 429))
        self.status = status
