"""The newsroom's admin: triage and verdicts in claims.py, reference data in reference.py."""

from claims.admin import claims, learning, matching, reference, verdicts
from claims.admin.dashboard import dashboard_figures_view, dashboard_view
from core.admin_site import newsroom_site

__all__ = ["claims", "learning", "matching", "reference", "verdicts"]

# The newsroom's index links the desk's queues; reviewers land on the claims, their queue.
_site = newsroom_site()
_site.index_template = "admin/newsroom_index.html"
_site.reviewer_home = "admin:claims_claim_changelist"
_site.add_page("dashboard/", dashboard_view, name="dashboard")
_site.add_page("dashboard/figures/", dashboard_figures_view, name="dashboard_figures")
