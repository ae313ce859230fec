"""The roles and the default rating scale every installation starts with.

Takes an app registry so that the data migration (historical models) and the demo set-up
(current models) share one definition.
"""

from typing import Any

DEFAULT_SCALE_SLUG = "six-step"
DEFAULT_SCALE = [
    # slug, label, ClaimReview ratingValue, colour
    ("true", "True", 6, "#2e7d32"),
    ("mostly-true", "Mostly true", 5, "#7cb342"),
    ("half-true", "Half true", 4, "#fbc02d"),
    ("mostly-false", "Mostly false", 3, "#fb8c00"),
    ("false", "False", 2, "#e53935"),
    ("pants-on-fire", "Pants on fire", 1, "#8e0000"),
]

EDITOR_PERMISSIONS = {
    "articles": {"article": ["add", "change", "view", "delete"]},
    "claims": {
        "claim": ["view", "change"],
        "claimant": ["add", "change", "view"],
        "claimantalias": ["add", "change", "view", "delete"],
        "ratingscale": ["add", "change", "view"],
        "rating": ["add", "change", "view"],
        "verdict": ["view"],
        "verdictsource": ["view"],
        "claimtransition": ["view"],
        "detectorfeedback": ["view"],
    },
}
REVIEWER_PERMISSIONS = {
    "articles": {"article": ["view"]},
    "claims": {
        "claim": ["view"],
        "claimant": ["view"],
        "ratingscale": ["view"],
        "rating": ["view"],
        "verdict": ["view"],
        "verdictsource": ["view"],
        "claimtransition": ["view"],
    },
}


def _grant(apps: Any, group: Any, spec: dict[str, dict[str, list[str]]]) -> None:
    permission_model = apps.get_model("auth", "Permission")
    for app_label, models in spec.items():
        for model, actions in models.items():
            codenames = [f"{action}_{model}" for action in actions]
            group.permissions.add(
                *permission_model.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )


def ensure_roles_and_default_scale(apps: Any) -> None:
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        had_models = getattr(app_config, "models_module", None)
        app_config.models_module = had_models or True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = had_models

    group_model = apps.get_model("auth", "Group")
    editors, _ = group_model.objects.get_or_create(name="editors")
    reviewers, _ = group_model.objects.get_or_create(name="reviewers")
    _grant(apps, editors, EDITOR_PERMISSIONS)
    _grant(apps, reviewers, REVIEWER_PERMISSIONS)

    scale_model = apps.get_model("claims", "RatingScale")
    rating_model = apps.get_model("claims", "Rating")
    scale, created = scale_model.objects.get_or_create(
        slug=DEFAULT_SCALE_SLUG,
        defaults={
            "name": "Six-step truth scale",
            "is_default": not scale_model.objects.filter(is_default=True).exists(),
        },
    )
    if created:
        for order, (slug, label, value, colour) in enumerate(DEFAULT_SCALE):
            rating_model.objects.create(
                scale=scale, slug=slug, label=label, value=value, order=order, colour=colour
            )
