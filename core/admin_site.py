"""The newsroom's admin site: Django's admin plus the pages and landing the apps add to it.
Loaded from INSTALLED_APPS, so it imports no models (and no app) at module level."""

from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import URLPattern, path, reverse

from core.roles import is_editor, is_reviewer


class NewsroomAdminSite(AdminSite):
    site_header = "Claim tracker newsroom"
    site_title = "Claim tracker"
    index_title = "Newsroom"
    # "View site" opens the public front page of published fact-checks.
    site_url = "/"
    # The admin URL name reviewers land on instead of the index (their queue), set by the app
    # that owns the queue; empty: everyone sees the index.
    reviewer_home = ""

    def __init__(self, name: str = "admin") -> None:
        super().__init__(name)
        self._pages: list[URLPattern] = []

    def add_page(self, route: str, view: Callable[..., HttpResponse], *, name: str) -> None:
        """A page beyond the models' ones (the dashboard), behind the admin's sign-in, added by
        the app that owns it so that the site needs no app of its own."""
        self._pages.append(path(route, self.admin_view(view), name=name))

    def index(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        if self.reviewer_home and is_reviewer(request.user) and not is_editor(request.user):
            return HttpResponseRedirect(reverse(self.reviewer_home))
        return super().index(request, extra_context)

    def get_urls(self) -> list[Any]:
        return [*self._pages, *super().get_urls()]


def newsroom_site() -> NewsroomAdminSite:
    """The project's admin site (django.contrib.admin.site), typed as the newsroom's."""
    site = admin.site
    if not isinstance(site, NewsroomAdminSite):
        raise TypeError("INSTALLED_APPS must name core.admin_site.NewsroomAdminConfig")
    return site


class NewsroomAdminConfig(AdminConfig):
    default_site = "core.admin_site.NewsroomAdminSite"
