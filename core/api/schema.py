"""How every API operation is described in the OpenAPI schema: a summary and a tag, JSON bodies,
and the 4xx answers it can give, all with one shared error shape.

Generators (openapi-python-client) and linters (Spectral, Redocly) read these: an operation
without its error answers makes a client that cannot read a 400's field messages.
"""

from typing import Any, Literal

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from rest_framework import permissions

from core.public_url import public_base_url

# The shape of every error (core.api.exceptions.exception_handler): `detail`, and for bad input each
# field's messages under its name.
ERROR_COMPONENTS: dict[str, dict[str, Any]] = {
    "Error": {
        "type": "object",
        "description": "Why the request failed.",
        "properties": {"detail": {"type": "string", "description": "A sentence for people."}},
        "required": ["detail"],
    },
    "ValidationError": {
        "type": "object",
        "description": (
            "Bad input: each field at fault with its messages (a nested field's messages are "
            "nested the same way), and for some errors a `detail` sentence."
        ),
        "properties": {"detail": {"type": "string"}},
        # A list of messages, or for a list or nested field, the messages keyed by position
        # or by the nested field's name ({"events": {"2": ["... is not a valid choice."]}}).
        "additionalProperties": {
            "oneOf": [{"type": "array", "items": {}}, {"type": "object"}],
        },
    },
}

_ERROR = {"$ref": "#/components/schemas/Error"}


def _response(description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": schema or _ERROR}},
    }


class StaffTokenScheme(OpenApiAuthenticationExtension):
    """Staff tokens as clients send them: `Authorization: Token <token>` (a generated client's
    AuthenticatedClient takes `prefix="Token"`)."""

    target_class = "rest_framework.authentication.TokenAuthentication"
    name = "tokenAuth"
    priority = 1  # over drf-spectacular's own description of the same class

    def get_security_definition(self, auto_schema: object) -> dict:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": (
                "A newsroom member's token from `POST /api/auth/token/`, sent as "
                "`Authorization: Token <token>`."
            ),
        }


def anonymous_allowed(view: Any, method: str) -> bool:
    """Whether the view lets a request without credentials through (as drf-spectacular's
    own security requirement reads it)."""
    perms = [p.__class__ for p in view.get_permissions()]
    if permissions.AllowAny in perms:
        return True
    return permissions.IsAuthenticatedOrReadOnly in perms and method in permissions.SAFE_METHODS


class ClaimTrackerAutoSchema(AutoSchema):
    """drf-spectacular's AutoSchema with a summary on every operation, tags declared in
    SPECTACULAR_SETTINGS["TAGS"] and each operation's possible 4xx answers."""

    def get_summary(self) -> str | None:
        """The first sentence of the operation's description, or its name in words."""
        action = getattr(self.view, "action", None)
        if action in _STANDARD_ACTIONS and not _own_doc(self.view, action):
            return _STANDARD_ACTIONS[action](self.get_tags()[0].replace("-", " "))
        description = (self.get_description() or "").strip()
        first = description.split("\n", 1)[0].split(". ", 1)[0].rstrip(".").strip()
        if first and len(first) <= 90:
            return first
        return _summary_from_operation_id(self.get_operation_id())

    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        operation = super().get_operation(*args, **kwargs)
        if operation is not None and not operation.get("description"):
            operation["description"] = f"{operation.get('summary', '')}."
        return operation

    def get_tags(self) -> list[str]:
        tokens = self._tokenize_path()
        return tokens[:1] if tokens else ["api"]

    def _get_response_bodies(
        self, direction: Literal["request", "response"] = "response"
    ) -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code, answer in self.error_responses().items():
            responses.setdefault(code, answer)
        return responses

    def error_responses(self) -> dict[str, dict[str, Any]]:
        """The 4xx answers this operation can give, from its method, path and permissions."""
        method = self.method
        is_detail = "{" in self.path
        anonymous = anonymous_allowed(self.view, method)
        answers: dict[str, dict[str, Any]] = {}
        takes_input = method in {"POST", "PUT", "PATCH"} or (method == "GET" and not is_detail)
        if takes_input or self._get_filter_parameters() or self._get_pagination_parameters():
            answers["400"] = _response(
                "Bad input: the fields (or query parameters) at fault with their messages.",
                {"$ref": "#/components/schemas/ValidationError"},
            )
        if anonymous:
            answers["401"] = _response(
                "The credentials sent are wrong or revoked (none are needed here)."
            )
        else:
            answers["401"] = _response("No credentials, or wrong or revoked ones.")
            answers["403"] = _response("Signed in, but this role may not do this.")
        if is_detail:
            answers["404"] = _response("No such object, or none the public may see yet.")
        # Workflow moves (claims/{id}/assign/, .../duplicate/ both ways) refuse what the claim's
        # state does not allow.
        if is_detail and (method == "POST" or (method == "DELETE" and "duplicate" in self.path)):
            answers["409"] = _response("The object's current state does not allow this move.")
        if method in {"POST", "PUT", "PATCH"}:
            answers["413"] = _response("The body is over the size limit.")
        answers["429"] = {
            **_response("Too many requests: wait the seconds in Retry-After."),
            "headers": {
                "Retry-After": {
                    "description": "Seconds to wait before trying again.",
                    "schema": {"type": "integer"},
                }
            },
        }
        return answers


# A viewset's docstring describes the resource; its list and detail operations are named by verb.
_STANDARD_ACTIONS = {
    "list": lambda things: f"List {things}",
    "retrieve": lambda things: f"Get one of the {things}",
    "create": lambda things: f"Add to {things}",
    "destroy": lambda things: f"Remove one of the {things}",
}


def _own_doc(view: Any, action: str) -> str:
    """The docstring of the action's own method, not the viewset's."""
    method = getattr(view, action, None)
    return (getattr(method, "__doc__", None) or "").strip() if method else ""


def _summary_from_operation_id(operation_id: str) -> str:
    """`claims_verdict_publish_create` -> "Claims verdict publish create"."""
    words = operation_id.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def add_shared_components(result: dict, generator: Any, request: Any, public: bool) -> dict:
    """drf-spectacular hook: the shared error shapes the operations' 4xx answers refer to, and
    the server: the public address (the request's own host in development)."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    for name, component in ERROR_COMPONENTS.items():
        schemas.setdefault(name, component)
    result["servers"] = [{"url": public_base_url(), "description": "This tracker"}]
    return _as_json_schema(result)


def _as_json_schema(node: Any) -> Any:
    """OpenAPI 3.1 schemas are JSON Schema: DRF's paginators still write 3.0's `nullable`, and a
    default inside one branch of a `oneOf` belongs to the property (where "" is allowed)."""
    if isinstance(node, list):
        return [_as_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _as_json_schema(value) for key, value in node.items()}
    if node.get("nullable") is True:
        del node["nullable"]
        if isinstance(node.get("type"), str):
            node["type"] = [node["type"], "null"]
        elif "type" not in node:
            node = {"oneOf": [node, {"type": "null"}]}
    for branch in node.get("oneOf", []) if isinstance(node.get("oneOf"), list) else []:
        if isinstance(branch, dict) and "default" in branch:
            node.setdefault("default", branch.pop("default"))
    return node


def allow_blank_urls_in_responses(result: dict, generator: Any, request: Any, public: bool) -> dict:
    """drf-spectacular hook: a URL a response carries may be blank (an article entered without
    an address), so its schema says "a URI or the empty string" instead of refusing ""."""
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request"):
            continue
        for prop in component.get("properties", {}).values():
            if prop.get("type") == "string" and prop.get("format") == "uri":
                del prop["format"]
                prop["anyOf"] = [{"format": "uri"}, {"maxLength": 0}]
    return result
