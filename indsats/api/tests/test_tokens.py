"""Token text and its hash, without a database (C9)."""

from indsats.api import tokens


def test_it_makes_a_token_whose_prefix_finds_it_and_whose_hash_matches():
    new = tokens.make_token()
    assert tokens.prefix_of(new.text) == new.prefix
    assert tokens.matches(new.text, new.digest)
    assert new.text not in new.digest
    assert len(new.text) > 40  # 256 bits of secret after the prefix


def test_it_makes_a_different_token_each_time():
    assert tokens.make_token().text != tokens.make_token().text


def test_it_rejects_text_that_cannot_be_a_token():
    assert tokens.prefix_of("Basic dXNlcjpwYXNz") is None
    assert tokens.prefix_of("ind_kort_hemmelighed") is None
    assert tokens.prefix_of("xyz_abcdef12_hemmelighed") is None


def test_it_does_not_match_an_altered_token():
    new = tokens.make_token()
    assert not tokens.matches(new.text + "x", new.digest)
