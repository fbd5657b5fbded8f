import pytest

from indsats.applications.models import Application, ApplicationStatus
from indsats.applications.services import submit
from indsats.catalogue.models import Offer

from . import answers


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
