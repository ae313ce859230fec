from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.contrib.auth import get_user_model

from claims.limits import (
    MAX_EXPLANATION_CHARS,
    MAX_NOTE_CHARS,
    MAX_SOURCE_PUBLISHER_CHARS,
    MAX_SOURCE_QUOTE_CHARS,
    MAX_SOURCE_TITLE_CHARS,
    MAX_SOURCE_URL_CHARS,
    MAX_SOURCES,
    MAX_SUMMARY_CHARS,
)
from claims.models import Claim, Claimant, Rating
from claims.services.statements import MAX_STATEMENT_CHARS
from core.roles import REVIEWERS


def _reviewers() -> Any:
    return (
        get_user_model().objects.filter(is_active=True, groups__name=REVIEWERS).order_by("username")
    )


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(queryset=get_user_model().objects.none())
    due_date = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(
        required=False, max_length=MAX_NOTE_CHARS, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = _reviewers()


class StatementForm(forms.Form):
    statement = forms.CharField(
        max_length=MAX_STATEMENT_CHARS,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The claim as one standalone sentence: no quotation marks, no attribution.",
    )


class ReasonForm(forms.Form):
    # No max_length: a reason the form dropped would let the move go ahead without it; the
    # service refuses a reason over MAX_NOTE_CHARS and the page shows why.
    reason = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class VerdictForm(forms.Form):
    # No rating is preselected: a reviewer who forgets to choose is told so, rather than
    # publishing the first rating on the scale by accident.
    rating = forms.ModelChoiceField(queryset=Rating.objects.none(), empty_label="Choose a rating…")
    summary = forms.CharField(
        max_length=MAX_SUMMARY_CHARS, widget=forms.Textarea(attrs={"rows": 3})
    )
    explanation = forms.CharField(
        required=False, max_length=MAX_EXPLANATION_CHARS, widget=forms.Textarea(attrs={"rows": 10})
    )

    def __init__(self, *args: Any, correction: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rating"].queryset = Rating.objects.in_default_scale().order_by("order")
        if correction:
            self.fields["correction_note"] = forms.CharField(
                max_length=MAX_NOTE_CHARS,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text="What changed and why. Readers see this note on the claim's page.",
            )


class SourceForm(forms.Form):
    url = forms.URLField(
        label="URL",
        max_length=MAX_SOURCE_URL_CHARS,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"size": 50}),
    )
    title = forms.CharField(max_length=MAX_SOURCE_TITLE_CHARS, required=False)
    publisher = forms.CharField(max_length=MAX_SOURCE_PUBLISHER_CHARS, required=False)
    quote = forms.CharField(
        max_length=MAX_SOURCE_QUOTE_CHARS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 40}),
        help_text="The passage the verdict relies on.",
    )
    accessed_at = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}), label="Accessed on"
    )


SourceFormSet = forms.formset_factory(SourceForm, extra=2, max_num=MAX_SOURCES, validate_max=True)


class SecondReviewerForm(forms.Form):
    second_reviewer = forms.ModelChoiceField(
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label="No second review",
        help_text="This reviewer must agree before the verdict can be published.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["second_reviewer"].queryset = _reviewers()


class SecondReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", "Agree: it can be published"), ("reject", "Disagree: send it back")],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        required=False,
        max_length=MAX_NOTE_CHARS,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required when you disagree.",
    )


class DuplicateForm(forms.Form):
    original = forms.IntegerField(
        min_value=1, label="Original claim #", help_text="The claim whose verdict this one follows."
    )
    reason = forms.CharField(
        required=False, max_length=MAX_NOTE_CHARS, widget=forms.Textarea(attrs={"rows": 2})
    )


class SendBackForm(forms.Form):
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the reviewer should change; they see this note on the claim's page.",
    )


class PublishConfirmForm(forms.Form):
    """Publishing happens only with this field posted from the preview page."""

    confirm = forms.BooleanField(required=True)


class ClaimantForm(forms.Form):
    # The admin's own autocomplete (select2, served with the admin's static files), searching
    # the claimant admin's search_fields: names and aliases.
    claimant = forms.ModelChoiceField(
        queryset=Claimant.objects.all(),
        required=False,
        widget=AutocompleteSelect(Claim._meta.get_field("claimant"), admin.site),
        help_text="Type part of a name or an alias. Leave empty if nobody is known to have said it.",
    )


class NoteForm(forms.Form):
    # No max_length: the service refuses a note over MAX_NOTE_CHARS and the page says why.
    text = forms.CharField(
        label="Your note",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Editors and the claim's reviewers see it; readers never do.",
    )
