"""Report pages and their files: thin views around ``run_report`` and the formatters."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.text import slugify

from indsats.accounts.decorators import requires
from indsats.accounts.permissions import can_view_reports

from .formatters import csv, excel, html
from .forms import ReportFilterForm
from .registry import REPORTS, run_report

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _spec(key: str):
    if key not in REPORTS:
        raise Http404
    return REPORTS[key]


DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def _slug(title) -> str:
    return slugify(str(title).translate(DANISH_LETTERS))


def _filename(spec, form, extension: str, table=None) -> str:
    """E.g. indsats_ventetider_2027-01-01_2027-12-31.xlsx: the titles, never the keys."""
    params = form.params()
    parts = ["indsats", _slug(spec.title), _slug(table.title) if table else ""]
    parts += [params.period_start.isoformat(), params.period_end.isoformat()]
    return "_".join(part for part in parts if part) + f".{extension}"


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@requires(can_view_reports)
def index(request):
    form = ReportFilterForm(request.GET)
    return render(
        request,
        "reports/index.html",
        {"reports": REPORTS.values(), "form": form, "query": request.GET.urlencode()},
    )


@requires(can_view_reports)
def report(request, key):
    spec = _spec(key)
    form = ReportFilterForm(request.GET)
    context = {"spec": spec, "form": form, "query": request.GET.urlencode()}
    if not form.is_valid():
        return render(request, "reports/report.html", context, status=400)
    return html.render(request, run_report(key, form.params()), context)


@requires(can_view_reports)
def report_csv(request, key, table):
    spec = _spec(key)
    form = ReportFilterForm(request.GET)
    if not form.is_valid():
        return render(request, "reports/report.html", {"spec": spec, "form": form}, status=400)
    # All Danish whatever the user's language, values as well as headers: a program reading
    # the file finds the same names every time (the page says so).
    with translation.override("da"):
        found = [t for t in run_report(key, form.params()).tables if t.key == table]
        if not found:
            raise Http404
        content, filename = csv.to_csv(found[0]), _filename(spec, form, "csv", found[0])
    return _attachment(content, "text/csv; charset=utf-8", filename)


@requires(can_view_reports)
def report_excel(request, key):
    spec = _spec(key)
    form = ReportFilterForm(request.GET)
    if not form.is_valid():
        return render(request, "reports/report.html", {"spec": spec, "form": form}, status=400)
    content = excel.to_xlsx(run_report(key, form.params()), filters=form.description())
    return _attachment(content, XLSX, _filename(spec, form, "xlsx"))
