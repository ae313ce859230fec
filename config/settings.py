"""Every value comes from the environment, with a safe default for development on one machine."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG=0")
    # Development only: a fixed key keeps sessions valid across restarts of runserver.
    SECRET_KEY = "development-only-key-not-for-production-use-0123456789abcdef"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # Django's admin with the newsroom's site: dashboard, reviewers land on their queue.
    "core.admin_site.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "core",
    "articles",
    "claims",
    "consumers",
    # Failed logins (admin and API tokens) are counted in the database, which every web process
    # shares: after AXES_FAILURE_LIMIT failures the username is locked out from that address.
    # Last, as it always was: the admin's app URLs and any template lookups keep their order.
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Bodies over DATA_UPLOAD_MAX_MEMORY_SIZE get a 413 and a URL with NUL bytes a 400 before any
    # view runs.
    "core.middleware.RequestGuardMiddleware",
    # Serves collected static files with their gzip and Brotli copies (see STORAGES).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Names the signed-in user in the change history of every row a request writes.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A database that cannot be reached answers 503 on every page, not a server error.
    "core.middleware.DatabaseUnavailableMiddleware",
    # Without CLAIM_TRACKER_PUBLIC_URL, links made during a request use that request's host.
    "core.public_url.RequestPublicUrlMiddleware",
    # Counts failed logins and refuses a locked-out username (see AXES_* below).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend, with faster reading of timestamps (see config/postgresql/base.py).
    DATABASES["default"]["ENGINE"] = "config.postgresql"
    DATABASES["default"].setdefault("OPTIONS", {})
    # A database that stops answering must fail a request quickly, not hang a web worker.
    DATABASES["default"]["OPTIONS"].setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Web process and in-process tasks write to the same file; wait for a lock instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
# collectstatic writes a gzip and a Brotli copy of each text file, and the web process serves
# the smallest one the browser accepts: the API docs' Swagger UI (2 MB) travels as about 0.5 MB.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# In development files are read from the apps as they change (nothing collected yet).
WHITENOISE_AUTOREFRESH = DEBUG

# Articles of up to 10 MB are accepted; anything larger is refused before it is parsed.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DJANGO_MAX_REQUEST_BYTES", str(12 * 1024 * 1024)))
ARTICLE_MAX_BODY_CHARS = int(os.environ.get("ARTICLE_MAX_BODY_CHARS", str(10 * 1024 * 1024)))
# At most this many claims are stored per article, the most check-worthy ones; the article says
# when some were left out. A real story holds tens; a claim-dense dump would flood the desk.
ARTICLE_MAX_CLAIMS = int(os.environ.get("ARTICLE_MAX_CLAIMS", "300"))

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# --- Cache: Redis when configured, so that every web process shares it. ---
CACHE_URL = os.environ.get("CACHE_URL", "")
if not CACHE_URL and os.environ.get("CELERY_BROKER_URL", "").startswith("redis://"):
    # The broker's Redis also counts API rate limits; a key prefix keeps the two apart.
    CACHE_URL = os.environ["CELERY_BROKER_URL"]
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "claim-tracker-cache"),
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Celery. Without a broker, tasks run in-process at commit time. ---
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_TASK_DEFAULT_QUEUE", "claim-tracker")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = int(os.environ.get("CELERY_TASK_SOFT_TIME_LIMIT", "240"))
CELERY_TASK_TIME_LIMIT = int(os.environ.get("CELERY_TASK_TIME_LIMIT", "300"))
# Claim detection gives up on an article after this long, failing it with the reason, well
# before the soft limit above stops the task (whatever runs the task: worker or in-process).
EXTRACTION_TIME_BUDGET_SECONDS = float(os.environ.get("EXTRACTION_TIME_BUDGET_SECONDS", "180"))
if EXTRACTION_TIME_BUDGET_SECONDS >= CELERY_TASK_SOFT_TIME_LIMIT:
    raise ImproperlyConfigured(
        "EXTRACTION_TIME_BUDGET_SECONDS must be below CELERY_TASK_SOFT_TIME_LIMIT, so that a long "
        "article fails with its reason before the worker kills the task"
    )
CELERY_BROKER_CONNECTION_TIMEOUT = float(os.environ.get("CELERY_BROKER_TIMEOUT", "2"))
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A save must never wait long on the broker: the article row is the truth and the sweep
# enqueues whatever is still pending once the broker answers again.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_timeout": CELERY_BROKER_CONNECTION_TIMEOUT,
    "socket_connect_timeout": CELERY_BROKER_CONNECTION_TIMEOUT,
    "max_retries": 1,
    "visibility_timeout": 3600,
}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
# The task that extracts an article's claims; articles enqueue it by name so that the
# articles app never imports the claims app.
ARTICLE_PROCESSING_TASK = "claims.tasks.extract_claims"
ARTICLE_SWEEP_INTERVAL_SECONDS = int(os.environ.get("ARTICLE_SWEEP_INTERVAL_SECONDS", "60"))
# An article left "processing" this long by a worker that died is picked up again by the sweep.
ARTICLE_PROCESSING_STALE_SECONDS = int(os.environ.get("ARTICLE_PROCESSING_STALE_SECONDS", "600"))
# How often the sweep polls the feeds that are due (each feed has its own interval).
FEED_POLL_SWEEP_SECONDS = int(os.environ.get("FEED_POLL_SWEEP_SECONDS", "60"))
CELERY_BEAT_SCHEDULE = {
    "sweep-pending-articles": {
        "task": "articles.tasks.sweep_pending_articles",
        "schedule": ARTICLE_SWEEP_INTERVAL_SECONDS,
    },
    "sweep-webhook-deliveries": {
        "task": "consumers.tasks.sweep_webhook_deliveries",
        "schedule": 300,
    },
    "poll-due-feeds": {
        "task": "articles.tasks.poll_due_feeds",
        "schedule": FEED_POLL_SWEEP_SECONDS,
    },
}

# --- Webhooks: short timeouts, retries with exponential backoff (seconds: backoff * 2**n). ---
WEBHOOK_CONNECT_TIMEOUT = float(os.environ.get("WEBHOOK_CONNECT_TIMEOUT", "3"))
WEBHOOK_READ_TIMEOUT = float(os.environ.get("WEBHOOK_READ_TIMEOUT", "5"))
WEBHOOK_MAX_RETRIES = int(os.environ.get("WEBHOOK_MAX_RETRIES", "8"))
WEBHOOK_RETRY_BACKOFF = int(os.environ.get("WEBHOOK_RETRY_BACKOFF", "30"))
WEBHOOK_RETRY_BACKOFF_MAX = int(os.environ.get("WEBHOOK_RETRY_BACKOFF_MAX", "3600"))
# Private, loopback and link-local receivers are refused (SSRF) unless this is set.
WEBHOOK_ALLOW_PRIVATE = env_bool("WEBHOOK_ALLOW_PRIVATE", False)

# --- API ---
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "consumers.authentication.ApiKeyAuthentication",
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.StandardPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "core.api.schema.ClaimTrackerAutoSchema",
    "EXCEPTION_HANDLER": "core.api.exceptions.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "consumers.throttling.ApiKeyRateThrottle",
        "core.api.throttling.AnonymousReadThrottle",
    ],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": [
        "core.api.parsers.StrictJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
}
API_MAX_PAGE_SIZE = int(os.environ.get("API_MAX_PAGE_SIZE", "200"))
# Anonymous lookups of /api/claims/match/ per client address, e.g. "600/min"; empty: no limit.
CLAIM_MATCH_ANON_RATE = os.environ.get("CLAIM_MATCH_ANON_RATE", "600/min")

# --- The publishing organisation, named in every ClaimReview. ---
CLAIM_TRACKER_ORGANIZATION_NAME = os.environ.get(
    "CLAIM_TRACKER_ORGANIZATION_NAME", "Claim Tracker Fact Check Desk"
)
CLAIM_TRACKER_ORGANIZATION_URL = os.environ.get(
    "CLAIM_TRACKER_ORGANIZATION_URL", "http://127.0.0.1:8000/"
)

SPECTACULAR_SETTINGS = {
    "TITLE": "Claim tracker API",
    "DESCRIPTION": (
        "Articles in, checkable claims out, verdicts published as schema.org ClaimReview. "
        "Reads are public; writes need a token from /api/auth/token/.\n\n"
        "**Consumers** (sites, apps, researchers) send the API key the newsroom gave them as "
        "`X-Api-Key` (or `Authorization: Api-Key <key>`); each key has its own rate limit and "
        "gets 429 with Retry-After beyond it.\n\n"
        "**Staying in sync**: `GET /api/verdicts/?since=<ISO date-time>` lists verdicts "
        "published or corrected since then; `GET /api/claimreviews/?since=` gives the same "
        "as schema.org ClaimReview JSON-LD; `GET /api/claims/{id}/claimreview/` one review. "
        "Lists take `?cursor=` (empty first) for cursor pages that cost the same at any depth; "
        "without it pages are numbered.\n\n"
        "**Signing in**: `POST /api/auth/token/` with a username and password answers a "
        "token; send it as `Authorization: Token <token>`.\n\n"
        "**Webhooks**: `POST /api/webhooks/` with a URL and events (verdict.published, "
        "verdict.corrected, claim.created). Deliveries are signed per Standard Webhooks "
        "(`webhook-id`, `webhook-timestamp`, `webhook-signature`) with the `signing_secret` "
        "returned at registration; each event's body is described under `webhooks`. Failures "
        "are retried with exponential backoff.\n\n"
        "**Errors** are JSON: `detail`, and for bad input each field with its messages (400). "
        "401: no or wrong credentials; 403: a role that may not; 404: no such object (or not "
        "yet published); 409: a move the claim's state does not allow; 413: a body over the "
        "size limit; 429: over a rate limit (see Retry-After)."
    ),
    "VERSION": "1.0.0",
    "CONTACT": {
        "name": CLAIM_TRACKER_ORGANIZATION_NAME,
        "url": CLAIM_TRACKER_ORGANIZATION_URL,
    },
    # 3.1: nullable types as JSON Schema writes them, and webhooks described as webhooks.
    "OAS_VERSION": "3.1.0",
    "LICENSE": {
        "name": "AGPL-3.0-or-later",
        "identifier": "AGPL-3.0-or-later",
    },
    "TAGS": [
        {"name": "auth", "description": "Tokens for newsroom staff."},
        {"name": "articles", "description": "Articles sent in; their claims are extracted."},
        {"name": "claims", "description": "Claims, their workflow, verdicts and ClaimReview."},
        {"name": "claimreviews", "description": "Every published ClaimReview, as a feed."},
        {"name": "claimants", "description": "Who made claims."},
        {"name": "ratings", "description": "The ratings of the default scale."},
        {"name": "rating-scales", "description": "Rating scales and their ratings."},
        {"name": "verdicts", "description": "Published verdicts, to stay in sync."},
        {"name": "webhooks", "description": "Subscriptions to events, signed deliveries."},
    ],
    # Write bodies are JSON (what generated clients send); the browsable API's HTML forms
    # still post form data, which is accepted but not described as a second body.
    "PARSER_WHITELIST": ["rest_framework.parsers.JSONParser"],
    "WEBHOOKS": [
        "consumers.schema.CLAIM_CREATED_WEBHOOK",
        "consumers.schema.VERDICT_PUBLISHED_WEBHOOK",
        "consumers.schema.VERDICT_CORRECTED_WEBHOOK",
    ],
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI served from the installed package, so the docs work without internet access.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Deep links put a link inside each operation's toggle button, a control nested in a
    # control that screen readers and keyboards cannot reach (axe: nested-interactive).
    # The examples' highlighting theme draws numbers and strings below 4.5:1 on its dark
    # background; plain text reads at full contrast.
    "SWAGGER_UI_SETTINGS": {"deepLinking": False, "syntaxHighlight": {"activated": False}},
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ArticleStatusEnum": "articles.models.ArticleStatus",
        "ClaimStatusEnum": "claims.models.ClaimStatus",
        "VerdictStatusEnum": "claims.models.VerdictStatus",
        "WebhookEventEnum": "consumers.models.WEBHOOK_EVENT_CHOICES",
    },
    # Response URLs may be blank; the published schema says so, so clients and fuzzers agree
    # with it.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.api.schema.allow_blank_urls_in_responses",
        "core.api.schema.add_shared_components",
        "claims.api.docs.add_claimreview_components",
        "consumers.schema.describe_webhook_deliveries",
    ],
}

# The newsroom's logo on its public pages (an absolute URL or a path under the site);
# empty shows the project's own mark.
CLAIM_TRACKER_ORGANIZATION_LOGO_URL = os.environ.get("CLAIM_TRACKER_ORGANIZATION_LOGO_URL", "")
# Fact-checks per page of the sitemap (search engines accept up to 50,000).
CLAIM_TRACKER_SITEMAP_PAGE_SIZE = int(os.environ.get("CLAIM_TRACKER_SITEMAP_PAGE_SIZE", "5000"))
# Where claim pages are served; required when DJANGO_DEBUG=0 (core/public_url.py checks it).
# Unset in development, links follow the host each request came in on.
CLAIM_TRACKER_PUBLIC_URL = os.environ.get("CLAIM_TRACKER_PUBLIC_URL", "").rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # No log line carries the secret key, a password or a token, whoever writes it.
    "filters": {"redact_secrets": {"()": "core.redaction.RedactSecretsFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact_secrets"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# --- Deployment and hardening ---
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("LOGIN_LOCKOUT_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_SENSITIVE_PARAMETERS = ["password", "token"]
# No banner at every process start (commands print one line on failure); lockouts still log.
AXES_VERBOSE = False
# Reads without credentials per client address, e.g. "1200/min" (s, min, h, day); empty: no
# limit. Counted in CACHE_URL's Redis, so every web process counts against the same number.
API_ANON_READ_RATE = os.environ.get("API_ANON_READ_RATE", "1200/min")
# X-Forwarded-For is believed only behind DJANGO_TRUSTED_PROXY_COUNT proxies that set it;
# otherwise a client could pick a new address for every guess.
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
# Login lockouts, the anonymous read limit and the match limit all count the same address.
AXES_CLIENT_IP_CALLABLE = "core.addresses.client_address"
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    USE_X_FORWARDED_HOST = env_bool("DJANGO_USE_X_FORWARDED_HOST", False)
    if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure"):
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be at least 50 random characters")
# After a failed enqueue, a web process leaves tasks to the sweep for this long instead of
# waiting on a dead or hung broker again at every save.
BROKER_FAILURE_COOLDOWN_SECONDS = float(os.environ.get("BROKER_FAILURE_COOLDOWN_SECONDS", "15"))

# --- Article ingestion ---
# Pages fetched by address (articles.ingest.fetch_url). Private, loopback and link-local
# addresses are refused unless ARTICLE_FETCH_ALLOW_PRIVATE=1 is set (read at fetch time).
ARTICLE_FETCH_CONNECT_TIMEOUT = float(os.environ.get("ARTICLE_FETCH_CONNECT_TIMEOUT", "5"))
ARTICLE_FETCH_READ_TIMEOUT = float(os.environ.get("ARTICLE_FETCH_READ_TIMEOUT", "10"))
ARTICLE_FETCH_TOTAL_TIMEOUT = float(os.environ.get("ARTICLE_FETCH_TOTAL_TIMEOUT", "30"))
ARTICLE_FETCH_MAX_BYTES = int(os.environ.get("ARTICLE_FETCH_MAX_BYTES", str(5 * 1024 * 1024)))
ARTICLE_FETCH_MAX_REDIRECTS = int(os.environ.get("ARTICLE_FETCH_MAX_REDIRECTS", "5"))
# Temporary fetch failures are retried by the sweep after 1, 2, 4... minutes, this many times.
ARTICLE_FETCH_MAX_ATTEMPTS = int(os.environ.get("ARTICLE_FETCH_MAX_ATTEMPTS", "5"))
ARTICLE_FETCH_RETRY_SECONDS = int(os.environ.get("ARTICLE_FETCH_RETRY_SECONDS", "60"))
# A fetch enqueued but unfinished this long after (broker down, worker died) is enqueued again.
ARTICLE_FETCH_STALE_SECONDS = int(os.environ.get("ARTICLE_FETCH_STALE_SECONDS", "600"))
# The claim detector reads these languages; articles in others are kept and flagged.
SUPPORTED_LANGUAGES = set(env_list("ARTICLE_SUPPORTED_LANGUAGES", "en"))
FEED_MAX_ENTRIES_PER_POLL = int(os.environ.get("FEED_MAX_ENTRIES_PER_POLL", "200"))

# --- The detector's learning loop (claims/detector.py, claims/services/learning.py). ---
# How often each process looks for a newly promoted or rolled-back detector model.
DETECTOR_RELOAD_SECONDS = float(os.environ.get("DETECTOR_RELOAD_SECONDS", "10"))
