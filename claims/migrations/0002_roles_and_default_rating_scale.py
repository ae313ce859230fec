from django.db import migrations

from claims.bootstrap import DEFAULT_SCALE_SLUG, ensure_roles_and_default_scale


def create_roles_and_scale(apps, schema_editor):
    ensure_roles_and_default_scale(apps)


def remove_roles_and_scale(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["editors", "reviewers"]).delete()
    apps.get_model("claims", "RatingScale").objects.filter(slug=DEFAULT_SCALE_SLUG).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles_and_scale, remove_roles_and_scale)]
