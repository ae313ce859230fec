from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.routers import DefaultRouter
from rest_framework.settings import api_settings

from articles.api import ArticleViewSet
from claims.api.export import ClaimExportView
from claims.api.feeds import ClaimReviewFeedView
from claims.api.matching import ClaimMatchView
from claims.api.reference import ClaimantViewSet, RatingScaleViewSet, VerdictViewSet
from claims.api.views import ClaimViewSet, RatingViewSet
from claims.embed import claim_embed
from claims.sitemaps import SITEMAPS
from claims.views import claim_page, favicon, front_page, robots_txt
from config.health import healthz
from consumers.api import WebhookViewSet

router = DefaultRouter()
router.register("articles", ArticleViewSet, basename="article")
router.register("claims", ClaimViewSet, basename="claim")
router.register("ratings", RatingViewSet, basename="rating")
router.register("claimants", ClaimantViewSet, basename="claimant")
router.register("verdicts", VerdictViewSet, basename="verdict")
router.register("rating-scales", RatingScaleViewSet, basename="rating-scale")
router.register("webhooks", WebhookViewSet, basename="webhook")

urlpatterns = [
    path("admin/", admin.site.urls),
    path(
        "api/auth/token/",
        # DRF's token view brings its own parsers; it reads JSON like every other endpoint.
        sensitive_post_parameters("password")(
            ObtainAuthToken.as_view(parser_classes=api_settings.DEFAULT_PARSER_CLASSES)
        ),
        name="api-token",
    ),
    path("healthz", healthz, name="healthz"),
    # The schema is large and public; compressing it costs no secret (nothing personal in it).
    path("api/schema/", gzip_page(SpectacularAPIView.as_view()), name="api-schema"),
    path(
        "api/docs/",
        SpectacularSwaggerView.as_view(url_name="api-schema", template_name="claims/api_docs.html"),
        name="api-docs",
    ),
    # Before the router, whose claim detail route would otherwise take "match" for an id.
    path("api/claims/match/", ClaimMatchView.as_view(), name="claim-match"),
    path("api/claims/export/", ClaimExportView.as_view(), name="claim-export"),
    path("api/claimreviews/", ClaimReviewFeedView.as_view(), name="claimreview-feed"),
    path("api/", include(router.urls)),
    path("claims/<int:pk>/", claim_page, name="claim-page"),
    path("claims/<int:pk>/embed/", claim_embed, name="claim-embed"),
    path("", front_page, name="front-page"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("favicon.ico", favicon, name="favicon"),
    path(
        "sitemap.xml",
        require_safe(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        require_safe(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
]
