"""The newsroom's admin: triage and verdicts in claims.py, reference data in reference.py."""

from claims.admin import claims, learning, matching, reference, verdicts

__all__ = ["claims", "learning", "matching", "reference", "verdicts"]
