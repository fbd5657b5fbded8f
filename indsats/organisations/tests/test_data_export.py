"""An organisation's data export (GDPR art. 15, #10; C10, C13): one ZIP with a JSON file and
the documents; the organisation's own records and none of another's; each document with
its SHA-256; the applicant downloads its own, staff any organisation's, another applicant
gets 404; a fixed number of queries however many records."""

import hashlib
import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indsats.applications.models import Decision, Document, DocumentVersion, Enquiry
from indsats.catalogue.models import Offer
from indsats.organisations.data_export import JSON_NAME, collect, write_zip
from indsats.programmes.models import Programme, StepRecord
from indsats.testing.factories import PlacementSiteFactory, UserFactory

pytestmark = pytest.mark.django_db

POLICY = b"%PDF-1.7 Granbakkens politik mod vold og overgreb"
LETTER = b"%PDF-1.7 Afgoerelsesbrev til Granbakken"
OTHER = b"%PDF-1.7 Koebenhavns eget dokument"


def _version(document, content, name, user, number=1):
    return DocumentVersion.objects.create(
        document=document,
        number=number,
        file=SimpleUploadedFile(name, content),
        original_name=name,
        content_type="application/pdf",
        size=len(content),
        uploaded_by=user,
    )


def _enquiry(organisation, user, subject):
    return Enquiry.objects.create(
        offer=Offer.objects.get(code="O4"),
        organisation=organisation,
        subject=subject,
        message="Hvornår kan vi begynde?",
        contact_name="Lone Testesen",
        contact_email="lone@granbakken.test",
        created_by=user,
    )


def _records(organisation, user, make_application, case_officer, *, policy, letter, tag):
    """An enquiry, a submitted application with a decision, its letter and policy, and a
    programme with a completed step and its own document."""
    _enquiry(organisation, user, f"Spørgsmål fra {tag}")
    application = make_application("O4", organisation, user, submitted=True)
    Decision.objects.create(
        application=application,
        outcome="grant",
        applicant_text=f"Bevilget til {tag}.",
        internal_reason=f"Intern note om {tag}.",
        decided_by=case_officer,
    )
    _version(
        Document.objects.create(application=application, kind="draft_policy"),
        policy,
        f"politik-{tag}.pdf",
        user,
    )
    _version(
        Document.objects.create(application=application, kind="decision_letter"),
        letter,
        f"brev-{tag}.pdf",
        case_officer,
    )
    programme = Programme.objects.create(
        offer=application.offer,
        reference=f"FL-{tag}",
        title=f"Forløb for {tag}",
        organisation=organisation,
        current_step="initial_meeting",
    )
    application.programme = programme
    application.save()
    StepRecord.objects.create(
        programme=programme, step="start", completed_by=case_officer, note=f"Startet {tag}."
    )
    agreement = Document.objects.create(programme=programme, kind="collaboration_agreement")
    _version(agreement, b"%PDF-1.7 aftale " + tag.encode(), f"aftale-{tag}.pdf", case_officer)
    return application


@pytest.fixture
def granbakken_and_copenhagen(
    placement_site, site_applicant, other_applicant, make_application, case_officer
):
    mine = _records(
        placement_site,
        site_applicant,
        make_application,
        case_officer,
        policy=POLICY,
        letter=LETTER,
        tag="Granbakken",
    )
    theirs = _records(
        other_applicant.organisation,
        other_applicant,
        make_application,
        case_officer,
        policy=OTHER,
        letter=b"%PDF-1.7 andet brev",
        tag="Koebenhavn",
    )
    return mine, theirs


def _open(content: bytes) -> tuple[dict, zipfile.ZipFile]:
    archive = zipfile.ZipFile(io.BytesIO(content))
    return json.loads(archive.read(JSON_NAME)), archive


def _all_files(document: dict) -> list[dict]:
    files = []
    for owner in document["ansøgninger"] + document["forløb"]:
        for listed in owner["dokumenter"]:
            for version in listed["versioner"]:
                files.append(version["fil"])
    return files


def test_the_applicant_downloads_its_own_records_and_none_of_another(
    client, site_applicant, placement_site, granbakken_and_copenhagen
):
    mine, theirs = granbakken_and_copenhagen
    client.force_login(site_applicant)
    response = client.get(reverse("organisations:data_export", args=[placement_site.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    assert "dataudtraek-opholdsstedet-granbakken-" in response["Content-Disposition"]
    document, archive = _open(b"".join(response.streaming_content))
    assert document["organisation"]["navn"] == "Opholdsstedet Granbakken"
    assert document["organisation"]["cvr"] == placement_site.cvr
    assert [user["e-mail"] for user in document["brugere"]] == [site_applicant.email]
    assert [e["emne"] for e in document["henvendelser"]] == ["Spørgsmål fra Granbakken"]
    (application,) = document["ansøgninger"]
    assert application["reference"] == mine.reference
    assert application["status"] == "Indsendt"
    assert application["svar"]  # named by their questions, never the stored keys
    assert all(set(answer) == {"spørgsmål", "svar"} for answer in application["svar"])
    given = [answer["svar"] for answer in application["svar"]]
    assert "Ja" in given  # a ticked box, as the applicant saw it
    assert "on" not in given
    stored_keys = set(mine.answers)
    assert not stored_keys & {answer["spørgsmål"] for answer in application["svar"]}
    (decision,) = application["afgørelser"]
    assert (decision["afgørelse"], decision["begrundelse"]) == (
        "Bevilget",
        "Bevilget til Granbakken.",
    )
    (programme,) = document["forløb"]
    assert programme["reference"] == "FL-Granbakken"
    assert programme["gennemførte_trin"][0]["note"] == "Startet Granbakken."
    text = archive.read(JSON_NAME).decode()
    for foreign in (theirs.reference, "Koebenhavn", "Københavns Kommune", "ansoeger.kbh"):
        assert foreign not in text
    assert "Intern note" not in text  # the Board's internal reason stays the Board's
    assert not [name for name in archive.namelist() if "Koebenhavn" in name]
    assert OTHER not in b"".join(archive.read(name) for name in archive.namelist())


def test_every_document_is_in_the_zip_with_its_checksum(
    client, case_officer, placement_site, granbakken_and_copenhagen
):
    client.force_login(case_officer)  # staff make the same export for any organisation
    response = client.get(reverse("organisations:data_export", args=[placement_site.pk]))
    document, archive = _open(b"".join(response.streaming_content))
    files = _all_files(document)
    assert len(files) == 3  # the policy, the decision letter and the programme's agreement
    contents = set()
    for listed in files:
        content = archive.read(listed["sti_i_zip"])
        assert listed["sha256"] == hashlib.sha256(content).hexdigest()
        assert listed["bytes"] == len(content)
        contents.add(content)
    assert POLICY in contents
    assert LETTER in contents
    assert set(archive.namelist()) == {JSON_NAME} | {f["sti_i_zip"] for f in files}
    kinds = {d["type"] for a in document["ansøgninger"] for d in a["dokumenter"]}
    assert kinds == {"Udkast til politik", "Afgørelsesbrev"}
    assert any("/afgørelsesbrev/" in f["sti_i_zip"] for f in files)


def test_a_file_missing_from_storage_is_said_so_and_the_rest_is_exported(
    placement_site, granbakken_and_copenhagen
):
    mine, _theirs = granbakken_and_copenhagen
    version = DocumentVersion.objects.get(document__application=mine, document__kind="draft_policy")
    version.file.storage.delete(version.file.name)
    buffer = io.BytesIO()
    write_zip(placement_site, buffer)
    document, archive = _open(buffer.getvalue())
    missing = [f for f in _all_files(document) if f["sha256"] is None]
    assert len(missing) == 1
    assert "findes ikke længere" in missing[0]["mangler"]
    assert missing[0]["sti_i_zip"] not in archive.namelist()
    assert LETTER in [archive.read(f["sti_i_zip"]) for f in _all_files(document) if f["sha256"]]


def test_another_applicant_gets_404(
    client, other_applicant, placement_site, granbakken_and_copenhagen
):
    client.force_login(other_applicant)
    url = reverse("organisations:data_export", args=[placement_site.pk])
    assert client.get(url).status_code == 404
    assert client.get(reverse("organisations:data_export", args=[987654])).status_code == 404


def test_no_one_exports_the_board(client, case_officer):
    client.force_login(case_officer)
    url = reverse("organisations:data_export", args=[case_officer.organisation.pk])
    assert client.get(url).status_code == 404


def test_the_organisation_pages_offer_the_download(
    client, site_applicant, case_officer, placement_site
):
    url = reverse("organisations:data_export", args=[placement_site.pk])
    client.force_login(site_applicant)
    assert url in client.get(reverse("organisations:mine")).text
    client.force_login(case_officer)
    assert url in client.get(reverse("organisations:detail", args=[placement_site.pk])).text


def test_the_export_reads_a_fixed_number_of_queries(
    placement_site, site_applicant, make_application, case_officer
):
    _records(
        placement_site,
        site_applicant,
        make_application,
        case_officer,
        policy=POLICY,
        letter=LETTER,
        tag="A",
    )

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            collect(placement_site)
        return len(queries)

    one = count()
    for tag in ("B", "C", "D"):
        _records(
            placement_site,
            site_applicant,
            make_application,
            case_officer,
            policy=POLICY,
            letter=LETTER,
            tag=tag,
        )
        UserFactory(role="applicant", organisation=placement_site)
    document, _files = collect(placement_site)
    assert len(document["ansøgninger"]) == 4
    assert len(document["forløb"]) == 4
    assert count() == one


def test_an_editable_copy_is_named_with_its_version_once(
    placement_site, site_applicant, make_application, case_officer
):
    """The DOCX of a decision letter is »v1-redigerbar-afgoerelse-….docx« in the ZIP, not
    »v1-redigerbar-v1-afgoerelse-….docx« (C10)."""
    application = make_application("O4", placement_site, site_applicant, submitted=True)
    document = Document.objects.create(application=application, kind="decision_letter")
    version = _version(document, LETTER, "afgoerelse-OK-2026-0002.pdf", case_officer)
    version.editable_file = SimpleUploadedFile("afgoerelse-OK-2026-0002.docx", b"PK docx")
    version.save()
    document_json, files = collect(placement_site)
    paths = [planned.path for planned in files]
    assert any(path.endswith("/v1-redigerbar-afgoerelse-OK-2026-0002.docx") for path in paths)
    assert not any("v1-redigerbar-v1-" in path for path in paths)


def test_answers_are_the_words_the_applicant_read_not_the_stored_values(
    applicant, placement_site, site_applicant, other_applicant, make_application
):
    """C10: a choice by its label, »Nej«, the enquiry by its subject and a partner site by
    its name, as on the summary page; never "teaching", "no" or a database id. An enquiry
    id of another organisation is not looked up."""
    enquiry = Enquiry.objects.create(
        offer=Offer.objects.get(code="O1"),
        organisation=applicant.organisation,
        subject="Børnesamtaler i myndighed",
        message="Kan vi få et forløb?",
        contact_name="Lone Testesen",
        contact_email="lone@aarhus.test",
        created_by=applicant,
    )
    foreign = _enquiry(other_applicant.organisation, other_applicant, "Københavns hemmelighed")
    make_application("O1", applicant.organisation, applicant, enquiry=str(enquiry.pk))
    make_application("O1", applicant.organisation, applicant, enquiry=str(foreign.pk))
    partner = PlacementSiteFactory(name="Opholdsstedet Lærkereden")
    make_application("O4", placement_site, site_applicant, partners=[str(partner.pk)])

    document, _files = collect(applicant.organisation)
    first, second = (
        {a["spørgsmål"]: a["svar"] for a in x["svar"]} for x in document["ansøgninger"]
    )
    assert first["Henvendelse, ansøgningen bygger på"] == "Børnesamtaler i myndighed"
    assert first["Form"] == "Undervisning, Sparring"
    assert first["Har kommunen tidligere fået bistand fra Socialstyrelsen om overgreb?"] == "Nej"
    assert second["Henvendelse, ansøgningen bygger på"] == "Findes ikke længere"
    assert "Københavns hemmelighed" not in json.dumps(document, ensure_ascii=False)

    document, _files = collect(placement_site)
    (site,) = document["ansøgninger"]
    answers = {a["spørgsmål"]: a["svar"] for a in site["svar"]}
    assert answers["Samarbejdssteder"] == "Opholdsstedet Lærkereden"
