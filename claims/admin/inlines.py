from django.contrib import admin


class LabelledTabularInline(admin.TabularInline):
    """A tabular inline whose every column header has a name screen readers announce."""

    template = "admin/claims/edit_inline/tabular.html"
