"""The newsroom's admin site: Django's admin plus the dashboard, with reviewers landing on
their queue. Loaded from INSTALLED_APPS, so it imports no models at module level."""

from typing import Any

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import path, reverse


class NewsroomAdminSite(AdminSite):
    site_header = "Claim tracker newsroom"
    site_title = "Claim tracker"
    index_title = "Newsroom"
    index_template = "admin/newsroom_index.html"
    # "View site" opens the public front page of published fact-checks.
    site_url = "/"

    def index(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        from articles.roles import is_editor, is_reviewer

        if is_reviewer(request.user) and not is_editor(request.user):
            return HttpResponseRedirect(reverse("admin:claims_claim_changelist"))
        return super().index(request, extra_context)

    def get_urls(self) -> list[Any]:
        from claims.admin.dashboard import dashboard_figures_view, dashboard_view

        return [
            path("dashboard/", self.admin_view(dashboard_view), name="dashboard"),
            path(
                "dashboard/figures/",
                self.admin_view(dashboard_figures_view),
                name="dashboard_figures",
            ),
            *super().get_urls(),
        ]


class NewsroomAdminConfig(AdminConfig):
    default_site = "claims.admin_site.NewsroomAdminSite"
