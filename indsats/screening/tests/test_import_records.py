"""Importing press criticism (F3) and the minister's requests (F4) from CSV (#10, C7; O5):
a good file imports, a file with errors imports nothing and names every bad line, the same
file again changes nothing; by command and on the screening's import page."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from indsats.screening.importers import ImportFailed, import_ministerial_requests, import_press
from indsats.screening.models import MinisterialRequest, PressCriticism, RequestStatus

from .conftest import DATA

pytestmark = pytest.mark.django_db


def errors_of(excinfo) -> list[str]:
    return [str(error) for error in excinfo.value.errors]


def test_it_imports_press_criticism(recorded, case_officer):
    result = import_press(recorded("press.csv"), "press.csv", user=case_officer)
    assert (result.rows_read, result.created) == (2, 2)
    stored = {item.municipality.code: item for item in PressCriticism.objects.all()}
    assert set(stored) == {"101", "751"}
    assert stored["101"].published_on == date(2024, 3, 15)
    assert stored["101"].medium == "Dagbladet Øresund"
    assert stored["101"].url == "https://example.dk/artikel/1"
    assert stored["751"].published_on == date(2024, 5, 2)
    assert stored["751"].url == ""
    assert stored["751"].summary == "Kommunen reagerede for sent på underretninger."
    assert stored["751"].recorded_by == case_officer


def test_the_same_press_file_twice_changes_nothing_and_a_new_summary_updates(recorded):
    import_press(recorded("press.csv"), "press.csv")
    again = import_press(recorded("press.csv"), "press.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert "Intet er ændret" in again.summary()
    changed = recorded("press.csv").replace(b"for sent", b"alt for sent")
    result = import_press(changed, "press.csv")
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    item = PressCriticism.objects.get(municipality__code="751")
    assert item.summary.startswith("Kommunen reagerede alt for sent")
    assert item.version == 2
    assert PressCriticism.objects.count() == 2


def test_a_press_file_with_errors_imports_nothing_and_names_every_bad_line():
    data = (
        "kommunekode;dato;medie;link;resumé\n"
        "101;2024-03-15;Dagbladet Øresund;;Godt.\n"  # 2: good
        "999;2024-03-15;Radio Midtby;;Ukendt kommune.\n"  # 3
        "751;15.13.2024;Radio Midtby;;Ingen 13. måned.\n"  # 4
        "751;2024-03-01;;;Mediet mangler.\n"  # 5
        "751;2024-03-01;Radio Midtby;ikke en adresse;Dårligt link.\n"  # 6
        "101;2024-03-15;dagbladet øresund;;Samme kritik igen.\n"  # 7
        "084;2024-03-15;Radio Midtby;;En region.\n"  # 8
        "101;2999-01-01;Radio Midtby;;Fremtiden.\n"  # 9
        "101;2024-03-02;Radio Midtby;\n"  # 10: too few cells
    )
    with pytest.raises(ImportFailed) as excinfo:
        import_press(data, "press.csv")
    errors = errors_of(excinfo)
    assert sorted({error.line for error in excinfo.value.errors}) == [10]  # shape first
    assert errors == ["Linje 10: rækken har 4 felter, men overskriften har 5."]
    with pytest.raises(ImportFailed) as excinfo:
        import_press(data.replace("101;2024-03-02;Radio Midtby;\n", ""), "press.csv")
    lines = sorted({error.line for error in excinfo.value.errors})
    assert lines == [3, 4, 5, 6, 7, 8, 9]
    errors = errors_of(excinfo)
    assert "Linje 3: ukendt kommunekode »999«." in errors
    assert any(e.startswith("Linje 4: »15.13.2024« er ikke en dato") for e in errors)
    assert "Linje 5: Mediet mangler." in errors
    assert any(e.startswith("Linje 6: »ikke en adresse« er ikke en webadresse") for e in errors)
    assert any(e.startswith("Linje 7:") and "linje 2" in e for e in errors)
    assert "Linje 8: »084« er ikke en kommune." in errors
    assert "Linje 9: Datoen ligger i fremtiden." in errors
    assert not PressCriticism.objects.exists()


def test_a_press_file_needs_its_danish_headers():
    with pytest.raises(ImportFailed) as excinfo:
        import_press("kommune;date;medium;summary\n101;2024-01-01;X;Y\n", "press.csv")
    errors = errors_of(excinfo)
    # Several columns missing: »kolonnerne«, in the plural.
    assert errors[0].startswith("Linje 1: overskriften mangler kolonnerne »KOMMUNEKODE«, »DATO«")
    assert not PressCriticism.objects.exists()
    with pytest.raises(ImportFailed) as excinfo:
        import_press("kommunekode;dato;medie\n101;2024-01-01;X\n", "press.csv")
    assert errors_of(excinfo)[0].startswith("Linje 1: overskriften mangler kolonnen »RESUMÉ«")


def test_it_imports_the_ministers_requests(recorded):
    result = import_ministerial_requests(recorded("ministerial_requests.csv"), "min.csv")
    assert result.created == 2
    stored = {item.reference: item for item in MinisterialRequest.objects.all()}
    assert stored["2024-1234"].municipality.code == "101"
    assert stored["2024-1234"].status == RequestStatus.OPEN
    assert stored["2024-1234"].note == "Ministeren beder om et tilbud om sparring."
    assert stored["2023-0987"].status == RequestStatus.CLOSED
    assert stored["2023-0987"].received_on == date(2023, 11, 20)
    again = import_ministerial_requests(recorded("ministerial_requests.csv"), "min.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    closed = recorded("ministerial_requests.csv").replace("åben".encode(), b"Afsluttet")
    assert import_ministerial_requests(closed, "min.csv").updated == 1
    assert MinisterialRequest.objects.get(reference="2024-1234").status == RequestStatus.CLOSED


def test_a_request_file_with_errors_imports_nothing_and_names_every_bad_line():
    data = (
        "kommunekode;modtaget;reference\n"  # status and note may be left out
        "101;2024-02-01;2024-1\n"
        "101;;2024-2\n"
        "147;2024-02-01;\n"
        "101;2024-02-03;2024-1\n"
        "abc;2024-02-01;2024-3\n"
    )
    with pytest.raises(ImportFailed) as excinfo:
        import_ministerial_requests(data, "min.csv")
    errors = errors_of(excinfo)
    assert sorted({error.line for error in excinfo.value.errors}) == [3, 4, 5, 6]
    assert "Linje 3: Modtagelsesdatoen mangler." in errors
    assert "Linje 4: Referencen mangler." in errors
    assert any(e.startswith("Linje 5: Referencen 2024-1") and "linje 2" in e for e in errors)
    assert "Linje 6: ukendt kommunekode »abc«." in errors
    with pytest.raises(ImportFailed) as excinfo:
        import_ministerial_requests(
            "kommunekode;modtaget;reference;status\n101;2024-02-01;2024-9;lukket\n", "min.csv"
        )
    assert errors_of(excinfo) == ["Linje 2: status »lukket« er hverken »åben« eller »afsluttet«."]
    assert not MinisterialRequest.objects.exists()


def test_a_file_with_a_nul_character_imports_nothing_and_names_its_line():  # C12
    data = (
        "kommunekode;modtaget;reference;status;bemærkning\n"
        "101;2024-02-01;2024-1;åben;Ok\n"
        "101;2024-02-02;2024-2;åben;Et \x00 midt i\n"
    )
    with pytest.raises(ImportFailed) as excinfo:
        import_ministerial_requests(data, "min.csv")
    assert errors_of(excinfo) == [
        "Linje 3: rækken indeholder et nul-tegn (0x00), som ikke kan gemmes."
    ]
    with pytest.raises(ImportFailed):
        import_press("kommunekode;dato;medie;resumé\n101;2024-01-01;\x00;Y\n", "press.csv")
    assert not MinisterialRequest.objects.exists()
    assert not PressCriticism.objects.exists()


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue()


def test_the_commands_import_and_refuse_a_bad_file_by_line(tmp_path):
    out = _run("import_press", str(DATA / "press.csv"))
    assert "2 nye" in out
    assert PressCriticism.objects.count() == 2
    out = _run("import_ministerial_requests", str(DATA / "ministerial_requests.csv"))
    assert "2 nye" in out
    bad = tmp_path / "presse.csv"
    bad.write_text("kommunekode;dato;medie;resumé\n101;i går;Radio Midtby;Tekst\n")
    with pytest.raises(CommandError) as excinfo:
        _run("import_press", str(bad))
    assert "Intet er importeret" in str(excinfo.value)
    assert "Linje 2: »i går« er ikke en dato" in str(excinfo.value)
    assert PressCriticism.objects.count() == 2


def test_the_import_page_takes_both_and_lists_errors_by_line(client, case_officer, recorded):
    client.force_login(case_officer)
    url = reverse("screening:upload")
    page = client.get(url).text
    assert "kommunekode;dato;medie;link;resumé" in page
    assert "kommunekode;modtaget;reference;status;bemærkning" in page
    bad = SimpleUploadedFile(
        "presse.csv", "kommunekode;dato;medie;resumé\n999;2024-01-01;X;Y\n".encode()
    )
    response = client.post(url, {"kind": "press", "file": bad})
    assert response.status_code == 400
    assert "Linje 2: ukendt kommunekode »999«." in response.text
    good = SimpleUploadedFile("presse.csv", recorded("press.csv"))
    assert client.post(url, {"kind": "press", "file": good}).status_code == 302
    assert PressCriticism.objects.filter(recorded_by=case_officer).count() == 2
    requests = SimpleUploadedFile("minister.csv", recorded("ministerial_requests.csv"))
    response = client.post(url, {"kind": "ministerial_requests", "file": requests})
    assert response.status_code == 302
    assert MinisterialRequest.objects.count() == 2
