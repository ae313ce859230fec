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
}

CLAIM_EXAMPLE = {
    "id": 1042,
    "text": "The city spent $4.2 million on road repairs in 2023.",
    "claimant": "Jane Ortiz",
    "claimant_id": 17,
    "status": "published",
    "score": 0.93,
    "article": 311,
    "article_title": "Council report",
    "article_url": "https://example.org/news/311",
    "start": 0,
    "end": 52,
    "dates": ["2023"],
    "entities": [],
    "verdict": PUBLISHED_VERDICT_EXAMPLE,
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
        "author": {"@type": "Person", "name": "Jane Ortiz"},
        "datePublished": "2026-02-28",
        "appearance": [
            {
                "@type": "CreativeWork",
                "url": "https://example.org/news/311",
                "headline": "Council report",
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
