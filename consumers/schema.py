"""How the API key appears in the OpenAPI schema (and the Authorize button of Swagger UI)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "consumers.authentication.ApiKeyAuthentication"
    name = "ApiKeyAuth"

    def get_security_definition(self, auto_schema: object) -> dict:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "X-Api-Key",
            "description": (
                "A consumer's key, created by the newsroom's editors. Send it as "
                "`X-Api-Key: <key>` or `Authorization: Api-Key <key>`. Each key has its own "
                "rate limit per minute; over it the API answers 429 with Retry-After."
            ),
        }
