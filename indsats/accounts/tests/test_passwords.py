"""Password hashing (argon2, old hashes upgraded at sign-in) and the validator that refuses
trivially weak passwords (C12)."""

import importlib

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from indsats.accounts.validators import VarietyValidator, repeated_unit, run_share, weakness
from indsats.testing.factories import TEST_PASSWORD

ARGON2_FIRST = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
WEAK_DA = "Adgangskoden er for let at gætte"
WEAK_EN = "The password is too easy to guess"

# Characters no two of which are neighbours in code points: a password made of distinct
# ones has no repeated piece and no run.
GAPPED = "acegikmoqsuwyACEGIKMOQSUWY02468#%-"


def test_it_hashes_with_argon2_in_the_service():
    """The test suite swaps in a fast hasher (root conftest.py); the service's own list
    puts argon2 first and keeps PBKDF2 so that older hashes still verify."""
    service = importlib.import_module("indsats.settings")
    assert service.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert "django.contrib.auth.hashers.PBKDF2PasswordHasher" in service.PASSWORD_HASHERS


@pytest.mark.django_db
@override_settings(PASSWORD_HASHERS=ARGON2_FIRST)
def test_it_upgrades_a_pbkdf2_hash_to_argon2_at_sign_in(client, applicant):
    applicant.password = make_password(TEST_PASSWORD, hasher="pbkdf2_sha256")
    applicant.save(update_fields=["password"])

    response = client.post(
        reverse("accounts:login"), {"username": applicant.email, "password": TEST_PASSWORD}
    )

    assert response.status_code == 302
    applicant.refresh_from_db()
    assert applicant.password.startswith("argon2$")
    assert applicant.check_password(TEST_PASSWORD)


@given(st.characters(codec="utf-8", exclude_categories=["Cs"]), st.integers(12, 64))
def test_it_refuses_one_character_over_and_over(character, length):
    assert weakness(character * length) is not None


@given(st.text(min_size=1, max_size=8), st.integers(2, 10))
def test_it_refuses_a_piece_repeated(piece, times):
    password = piece * max(times, -(-12 // len(piece)))
    assert weakness(password) is not None
    assert repeated_unit(password) is not None or len(set(password)) < 5


# Starting at 80 or above, a run of up to 40 going down stays above the control characters.
@given(st.integers(80, 0x2FF), st.integers(12, 40), st.sampled_from([1, -1]))
def test_it_refuses_a_run_up_or_down(start, length, step):
    password = "".join(chr(start + step * index) for index in range(length))
    assert run_share(password) == 1
    assert weakness(password) == "run"


@given(st.permutations(GAPPED).map(lambda chars: "".join(chars)), st.integers(12, len(GAPPED)))
def test_it_accepts_varied_passwords(characters, length):
    assert weakness(characters[:length]) is None
    VarietyValidator().validate(characters[:length])


@pytest.mark.parametrize(
    "password",
    ["aaaaaaaaaaaa", "abababababab", "abcdefghijkl", "987654321098", "Sommer2024Sommer2024"],
)
def test_it_refuses_trivial_passwords_through_djangos_validators(password):
    with pytest.raises(ValidationError) as refused:
        validate_password(password)
    assert any(WEAK_DA in message for message in refused.value.messages)


@pytest.mark.parametrize("password", [TEST_PASSWORD, "Hyben-Rose-Skov-2024", "tre grå heste i sne"])
def test_it_accepts_ordinary_good_passwords(password):
    validate_password(password)


def test_it_explains_the_refusal_in_english_too():
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        VarietyValidator().validate("aaaaaaaaaaaa")
    assert WEAK_EN in refused.value.messages[0]


@pytest.mark.django_db
def test_it_shows_the_refusal_at_the_password_field_on_registration(client, aarhus):
    from indsats.organisations.models import Municipality

    response = client.post(
        reverse("accounts:register"),
        {
            "organisation_kind": "municipality",
            "municipality": str(Municipality.objects.get(code="751").pk),
            "full_name": "Mette Kragh",
            "job_title": "Afdelingsleder",
            "email": "mette.kragh@aarhus.test",
            "phone": "87 13 00 00",
            "password1": "aaaaaaaaaaaa",
            "password2": "aaaaaaaaaaaa",
        },
    )
    assert response.status_code == 200
    assert WEAK_DA in " ".join(response.context["form"].errors.get("password2", []))
