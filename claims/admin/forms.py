from typing import Any

from django import forms
from django.contrib.auth import get_user_model

from articles.roles import REVIEWERS
from claims.models import Rating


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(queryset=get_user_model().objects.none())
    due_date = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, groups__name=REVIEWERS)
            .order_by("username")
        )


class VerdictForm(forms.Form):
    rating = forms.ModelChoiceField(queryset=Rating.objects.none(), empty_label=None)
    summary = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    explanation = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 10}))
    sources = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One source URL a line.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rating"].queryset = Rating.objects.in_default_scale().order_by("order")

    def clean_sources(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["sources"].splitlines() if line.strip()]
