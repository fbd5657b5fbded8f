"""A decision's text to the applicant and its internal reason become separate fields (C4);
a manager may record an override of an incomplete assessment.

Old decisions' ``reason`` was printed in their letters, so it becomes the applicant text.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def reason_to_applicant_text(apps, schema_editor):
    Decision = apps.get_model("applications", "Decision")
    Decision.objects.update(applicant_text=models.F("reason"))


def applicant_text_to_reason(apps, schema_editor):
    Decision = apps.get_model("applications", "Decision")
    Decision.objects.update(reason=models.F("applicant_text"))


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0002_assessment_criterionjudgement_decision_and_more"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="decision",
            name="applicant_text",
            field=models.TextField(default="", verbose_name="begrundelse til ansøgeren"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="decision",
            name="internal_reason",
            field=models.TextField(blank=True, verbose_name="intern begrundelse"),
        ),
        migrations.RunPython(reason_to_applicant_text, applicant_text_to_reason),
        migrations.RemoveField(model_name="decision", name="reason"),
        migrations.AlterField(
            model_name="criterionjudgement",
            name="reason",
            field=models.TextField(verbose_name="intern begrundelse"),
        ),
        migrations.AddField(
            model_name="assessment",
            name="override_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="undtagelse givet"),
        ),
        migrations.AddField(
            model_name="assessment",
            name="override_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="undtagelse givet af",
            ),
        ),
        migrations.AddField(
            model_name="assessment",
            name="override_reason",
            field=models.TextField(blank=True, verbose_name="begrundelse for undtagelsen"),
        ),
    ]
