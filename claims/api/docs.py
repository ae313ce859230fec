"""OpenAPI descriptions and examples for the public read endpoints."""

from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view

PUBLISHED_VERDICT_EXAMPLE = {
    "version": 1,
    "rating": "false",
    "rating_label": "False",
    "rating_value": 2,
    "best_rating": 6,
    "worst_rating": 1,
    "summary": "Road spending was $2.1 million, half the figure claimed.",
    "explanation": "City budget documents show ...",
    "sources": [
        {
            "url": "https://city.example.gov/budget-2023",
            "title": "Budget 2023",
            "publisher": "City of Example",
            "quote": "",
            "accessed_at": None,
        }
    ],
    "published_at": "2026-03-02T10:15:00Z",
    "correction_note": "",
}

CLAIM_EXAMPLE = {
    "id": 1042,
    "text": "The city spent $4.2 million on road repairs in 2023, Ortiz said.",
    "statement": "The city spent $4.2 million on road repairs in 2023.",
    "claimant": "Jane Ortiz",
    "claimant_id": 17,
    "status": "published",
    "score": 0.93,
    "article": 311,
    "article_title": "Council report",
    "article_url": "https://example.org/news/311",
    "start": 0,
    "end": 52,
    "dates": [
        {
            "text": "2023",
            "start": 47,
            "end": 51,
            "value": "2023-01-01",
            "end_value": "2023-12-31",
            "granularity": "year",
        }
    ],
    "entities": [],
    "verdict": {**PUBLISHED_VERDICT_EXAMPLE, "first_published_at": "2026-03-02T10:15:00Z"},
    "verdict_history": [
        {
            "version": 1,
            "status": "published",
            "rating": "false",
            "rating_label": "False",
            "summary": "Road spending was $2.1 million, half the figure claimed.",
            "correction_note": "",
            "published_at": "2026-03-02T10:15:00Z",
        }
    ],
    "duplicate_of": None,
    "reviewer": None,
    "due_date": None,
    "created_at": "2026-03-01T08:00:00Z",
    "updated_at": "2026-03-02T10:15:00Z",
}

CLAIMREVIEW_EXAMPLE = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://factcheck.example.org/claims/1042/",
    "claimReviewed": "The city spent $4.2 million on road repairs in 2023.",
    "datePublished": "2026-03-02",
    "author": {
        "@type": "Organization",
        "name": "Example Fact Check Desk",
        "url": "https://factcheck.example.org/",
    },
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 6,
        "worstRating": 1,
        "alternateName": "False",
    },
    "itemReviewed": {
        "@type": "Claim",
        "author": {
            "@type": "Person",
            "name": "Jane Ortiz",
            "sameAs": ["https://www.wikidata.org/wiki/Q6151110"],
        },
        "datePublished": "2026-02-28",
        "firstAppearance": {
            "@type": "CreativeWork",
            "url": "https://example.org/news/311",
            "headline": "Council report",
            "datePublished": "2026-02-28",
        },
        "appearance": [
            {
                "@type": "CreativeWork",
                "url": "https://example.org/news/311",
                "headline": "Council report",
                "datePublished": "2026-02-28",
            }
        ],
    },
}

LIST_DESCRIPTION = """Claims, newest first. Anyone may read; staff also see who reviews a claim.

**Pagination.** By default pages are numbered (`?page=`, `?page_size=` up to the maximum)
and the response carries `count`. Add `?cursor=` (empty for the first page) for cursor mode:
follow `next` until it is null (`previous` walks back). Cursor pages cost the same at any
depth and have no `count`; use them to walk the whole list or to sync.

**Limits.** Reads without credentials are limited per client address; over the limit the
answer is 429 with `Retry-After` (seconds). An API key has a limit of its own.

**Search.** `?q=` matches the claim text and the claimant's name (PostgreSQL full-text
search, English stemming, `"quoted phrases"`, `-excluded` words and `or`), best match first.
A search that matches more than 1,000 claims returns the 1,000 newest of them, so a common
word answers as fast as a rare one; add words or filters to narrow it.

**Ordering.** `?ordering=` one of `-created_at` (default), `created_at`, `-score`, `score`,
`-published_at`, `published_at` (the verdict's publication; claims without one come last).
"""

claim_list_docs = extend_schema_view(
    list=extend_schema(
        description=LIST_DESCRIPTION,
        examples=[
            OpenApiExample("A claim with its published verdict", value=CLAIM_EXAMPLE),
        ],
    ),
    retrieve=extend_schema(
        examples=[OpenApiExample("A claim with its published verdict", value=CLAIM_EXAMPLE)]
    ),
)


def _typed(schema_type: str, properties: dict, required: list[str], description: str) -> dict:
    """A schema.org object: `@type` is one of `schema_type` (or a given set), then its fields."""
    return {
        "type": "object",
        "description": description,
        "properties": {"@type": {"type": "string", "examples": [schema_type]}, **properties},
        "required": ["@type", *required],
    }


_URL = {"type": "string", "format": "uri"}
_DATE = {"type": "string", "format": "date"}

# The ClaimReview document (claims.claimreview.claimreview_for) as crawlers and partners read it.
CLAIMREVIEW_COMPONENTS: dict[str, dict] = {
    "SchemaOrgParty": _typed(
        "Organization",
        {
            "name": {"type": "string"},
            "url": _URL,
            "sameAs": {
                "type": "array",
                "items": _URL,
                "description": "Pages that identify this party (Wikidata, official site).",
            },
        },
        ["name"],
        "A Person or Organization.",
    ),
    "SchemaOrgCreativeWork": _typed(
        "CreativeWork",
        {
            "url": _URL,
            "headline": {"type": "string"},
            "datePublished": _DATE,
            "publisher": {"$ref": "#/components/schemas/SchemaOrgParty"},
        },
        [],
        "A place where the claim was made.",
    ),
    "SchemaOrgRating": _typed(
        "Rating",
        {
            "ratingValue": {"type": "integer"},
            "bestRating": {"type": "integer"},
            "worstRating": {"type": "integer"},
            "alternateName": {"type": "string", "description": "The rating in words."},
        },
        ["ratingValue", "bestRating", "worstRating", "alternateName"],
        "The verdict's rating on its scale.",
    ),
    "SchemaOrgClaim": _typed(
        "Claim",
        {
            "author": {"$ref": "#/components/schemas/SchemaOrgParty"},
            "datePublished": _DATE,
            "firstAppearance": {"$ref": "#/components/schemas/SchemaOrgCreativeWork"},
            "appearance": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/SchemaOrgCreativeWork"},
            },
        },
        ["datePublished"],
        "The claim reviewed: who made it, when and where.",
    ),
    "ClaimReview": _typed(
        "ClaimReview",
        {
            "@context": {"type": "string", "examples": ["https://schema.org"]},
            "url": {**_URL, "description": "The public claim page."},
            "claimReviewed": {"type": "string"},
            "datePublished": {**_DATE, "description": "When the review first went public."},
            "dateModified": {**_DATE, "description": "When a correction last changed it."},
            "author": {"$ref": "#/components/schemas/SchemaOrgParty"},
            "reviewRating": {"$ref": "#/components/schemas/SchemaOrgRating"},
            "itemReviewed": {"$ref": "#/components/schemas/SchemaOrgClaim"},
        },
        [
            "@context",
            "url",
            "claimReviewed",
            "datePublished",
            "author",
            "reviewRating",
            "itemReviewed",
        ],
        "A published verdict as schema.org ClaimReview JSON-LD.",
    ),
}

CLAIMREVIEW_REF = {"$ref": "#/components/schemas/ClaimReview"}


def add_claimreview_components(
    result: dict, generator: object, request: object, public: bool
) -> dict:
    """drf-spectacular hook: the ClaimReview shapes the operations and webhooks refer to."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    for name, component in CLAIMREVIEW_COMPONENTS.items():
        schemas.setdefault(name, component)
    return result
