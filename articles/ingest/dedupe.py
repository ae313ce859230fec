"""Recognising the same article when it arrives twice: by its text or by its address."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035\u0060\u00b4"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
# Invisible characters that CMSs and copy-paste sprinkle into text without changing it.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

_UNIFY = str.maketrans(
    {
        **dict.fromkeys(_SINGLE_QUOTES, "'"),
        **dict.fromkeys(_DOUBLE_QUOTES, '"'),
        **dict.fromkeys(_DASHES, "-"),
        **dict.fromkeys(_INVISIBLE, None),
    }
)
_WHITESPACE = re.compile(r"\s+")

# Parameters that say how a reader arrived, not which page they asked for.
_TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "cmpid",
        "ocid",
    }
)
_TRACKING_PREFIXES = ("utm_",)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_body(text: str) -> str:
    """Reduce an article body to the form two copies of the same story share.

    Unicode compatibility forms are folded (NFKC), typographic quotes and dashes become their
    ASCII forms, invisible characters go, all whitespace runs become one space and case is
    folded, so re-flowed or re-typeset copies compare equal.
    """
    text = unicodedata.normalize("NFKC", text).translate(_UNIFY)
    return _WHITESPACE.sub(" ", text).strip().casefold()


def body_fingerprint(text: str) -> str:
    """SHA-256 (hex) of the normalised body: equal for copies of the same article text."""
    return hashlib.sha256(normalise_body(text).encode("utf-8")).hexdigest()


def _is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_PARAMS or lowered.startswith(_TRACKING_PREFIXES)


def canonicalise_url(url: str) -> str:
    """Give every spelling of the same article address one form.

    Scheme and host are lower-cased, default ports, fragments and tracking parameters
    (utm_*, fbclid, gclid...) are dropped, and the remaining query parameters are sorted by
    name (repeated names keep their order, since that can matter to the site).
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    if parts.username is not None:
        credentials = parts.username
        if parts.password is not None:
            credentials += f":{parts.password}"
        netloc = f"{credentials}@{netloc}"
    path = parts.path or ("/" if host else "")
    params = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _is_tracking_param(name)
    ]
    params.sort(key=lambda pair: pair[0])
    return urlunsplit((scheme, netloc, path, urlencode(params), ""))
