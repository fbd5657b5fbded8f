"""The English catalogue of interface strings is complete (C11, issue 9).

``indsats/locale/en/LC_MESSAGES/django.po`` is read with GNU gettext's own tools, which
``scripts/setup.sh`` installs: every entry is translated and none is fuzzy, the file
compiles (``msgfmt --check``: placeholders match, no msgid twice), and the workflow
steps, which are data, read in English.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from django.conf import settings
from django.utils import translation

from indsats.programmes.workflow import ROLE_LABELS, WORKFLOWS

CATALOGUE = settings.BASE_DIR / "indsats" / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _gettext_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: run scripts/setup.sh (it installs GNU gettext).")
    return path


def _entries(*options: str) -> list[str]:
    """The msgids of the catalogue's entries that msgattrib selects with ``options``."""
    result = subprocess.run(  # noqa: S603 - GNU gettext with fixed arguments, no shell
        [_gettext_tool("msgattrib"), *options, "--no-obsolete", "--no-wrap", str(CATALOGUE)],
        capture_output=True,
        text=True,
        check=True,
    )
    return [
        line.removeprefix("msgid ")
        for line in result.stdout.splitlines()
        if line.startswith("msgid ") and line != 'msgid ""'
    ]


def test_it_has_no_untranslated_entry():
    untranslated = _entries("--untranslated")
    assert untranslated == [], f"{len(untranslated)} untranslated:\n" + "\n".join(untranslated)


def test_it_has_no_fuzzy_entry():
    fuzzy = _entries("--only-fuzzy")
    assert fuzzy == [], f"{len(fuzzy)} fuzzy (a guess, not shown):\n" + "\n".join(fuzzy)


def test_it_compiles_with_matching_placeholders_and_no_duplicate():
    result = subprocess.run(  # noqa: S603 - GNU gettext with fixed arguments, no shell
        [_gettext_tool("msgfmt"), "--check", "-o", "/dev/null", str(CATALOGUE)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("code", sorted(WORKFLOWS))
def test_it_has_every_workflow_step_in_english(code):  # C6, C11
    untranslated = []
    for step in WORKFLOWS[code].steps:
        for text in (step.title, step.description):
            if not text:
                continue
            with translation.override("da"):
                danish = str(text)
            with translation.override("en"):
                english = str(text)
            if english == danish:
                untranslated.append(danish)
    assert untranslated == []


def test_it_has_every_role_in_english():
    with translation.override("en"):
        assert str(ROLE_LABELS["case_officer"]) == "case officer"
