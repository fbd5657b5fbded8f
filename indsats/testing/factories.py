"""factory-boy factories shared by every app's tests. All people are fictitious."""

import factory
from factory.django import DjangoModelFactory

from indsats.accounts.models import Role, User
from indsats.organisations.models import Municipality, Organisation, OrganisationKind, SiteType

TEST_PASSWORD = "test-Adgangskode-42"  # noqa: S105 - test-only password


def municipality_organisation(code: str) -> Organisation:
    """The applicant organisation of a municipality; the migration made all 98."""
    return Organisation.objects.get(kind=OrganisationKind.MUNICIPALITY, municipality__code=code)


def new_programme(code: str, organisation: Organisation, reference: str, **fields):
    """A programme of the offer ``code`` at its first step, without an application."""
    from indsats.catalogue.models import Offer
    from indsats.programmes.models import Programme

    return Programme.objects.create(
        offer=Offer.objects.get(code=code),
        reference=reference,
        title=f"Forløb {reference}",
        organisation=organisation,
        current_step="initial_meeting",
        **fields,
    )


def board() -> Organisation:
    return Organisation.objects.get(kind=OrganisationKind.BOARD)


class PlacementSiteFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = OrganisationKind.PLACEMENT_SITE
    name = factory.Sequence(lambda n: f"Opholdsstedet Testhuset {n}")
    site_type = SiteType.OPHOLDSSTED
    cvr = "23456788"  # passes the modulus-11 check
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(code="751"))
    address = "Testvej 1"
    postcode = "8000"
    city = "Aarhus C"
    employee_count = 18


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"bruger{n}@indsats.test")
    full_name = factory.Sequence(lambda n: f"Testperson {n}")
    role = Role.CASE_OFFICER
    organisation = factory.LazyFunction(board)
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save()


def assess_completely(application, assessed_by, *not_met: str, reason="Vurderet i testen."):
    """Judge every condition and criterion of the application's offer, each with a reason:
    met unless its key is in ``not_met``. A decision needs this first (C4)."""
    from indsats.applications.decisions import save_assessment
    from indsats.applications.models import Assessment

    judgements = {
        rule.pk: ("not_met" if rule.key in not_met else "met", reason)
        for rule in application.offer.rules.all()
    }
    current = Assessment.objects.filter(application=application).first()
    save_assessment(application, assessed_by, judgements, "", current.version if current else 1)
    return application
