"""Named users per role, shared by every app's tests.

Each fixture says what that user may see, so a test reads as a sentence about them.
"""

import pytest

from indsats.accounts.models import Role
from indsats.applications.models import Application, ApplicationStatus
from indsats.applications.services import submit
from indsats.catalogue.models import Offer
from indsats.testing import answers
from indsats.testing.factories import (
    PlacementSiteFactory,
    UserFactory,
    municipality_organisation,
)


@pytest.fixture
def aarhus(db):
    """Aarhus Kommune's applicant organisation."""
    return municipality_organisation("751")


@pytest.fixture
def placement_site(db):
    """A small opholdssted in Aarhus with 18 employees."""
    return PlacementSiteFactory(name="Opholdsstedet Granbakken")


@pytest.fixture
def applicant(aarhus):
    """A leader in Aarhus Kommune: sees Aarhus Kommune's own records only."""
    return UserFactory(
        email="ansoeger.aarhus@indsats.test", role=Role.APPLICANT, organisation=aarhus
    )


@pytest.fixture
def site_applicant(placement_site):
    """The leader of Opholdsstedet Granbakken: sees that site's records only."""
    return UserFactory(
        email="leder.granbakken@indsats.test", role=Role.APPLICANT, organisation=placement_site
    )


@pytest.fixture
def other_applicant(db):
    """A leader in Københavns Kommune: must never see Aarhus' or Granbakken's records."""
    return UserFactory(
        email="ansoeger.kbh@indsats.test",
        role=Role.APPLICANT,
        organisation=municipality_organisation("101"),
    )


@pytest.fixture
def case_officer(db):
    """A case officer at the Board: sees every organisation; no audit trail, no admin."""
    return UserFactory(email="sagsbehandler@styrelsen.test", role=Role.CASE_OFFICER)


@pytest.fixture
def consultant(db):
    """A consultant at the Board: delivers programmes; sees every organisation."""
    return UserFactory(email="konsulent@styrelsen.test", role=Role.CONSULTANT)


@pytest.fixture
def project_leader(db):
    """A project leader at the Board: owns an offer; sees every organisation."""
    return UserFactory(email="projektleder@styrelsen.test", role=Role.PROJECT_LEADER)


@pytest.fixture
def manager(db):
    """A manager at the Board: as staff, plus the audit trail."""
    return UserFactory(email="leder@styrelsen.test", role=Role.MANAGER)


@pytest.fixture
def administrator(db):
    """An administrator at the Board: as a manager, plus Django's admin site."""
    return UserFactory(
        email="administrator@styrelsen.test",
        role=Role.ADMINISTRATOR,
        is_staff=True,
        is_superuser=True,
    )


@pytest.fixture
def make_application():
    """An application of ``organisation`` for offer ``code``, as a draft or submitted."""

    def make(code, organisation, created_by, submitted=False, **changes):
        offer = Offer.objects.get(code=code)
        make_answers = {"O1": answers.o1, "O2": answers.o2, "O3": answers.o3, "O4": answers.o4}
        application = Application.objects.create(
            offer=offer,
            organisation=organisation,
            created_by=created_by,
            answers=make_answers[code](**changes),
        )
        if submitted:
            result = submit(application, created_by)
            assert result.submitted, result.form.errors
            assert application.status == ApplicationStatus.SUBMITTED
        return application

    return make


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path_factory):
    """Uploaded and generated files go to a temporary folder, never into the checkout."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a page one test cached never shows in another."""
    from django.core.cache import cache

    cache.clear()
