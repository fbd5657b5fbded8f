"""The Statbank API v1 client (C7): the requests it makes and the answers it reads. Every
answer comes from a recorded file through a fake opener; no test calls the internet."""

import io
import json
import urllib.error

import pytest

from indsats.screening.statbank import (
    StatbankClient,
    StatbankError,
    data_request,
    query_for,
    reason_variable,
)


class FakeOpener:
    """Records each request and answers with the given bytes (or raises the given error)."""

    def __init__(self, answer: bytes = b"", error: Exception | None = None):
        self.answer, self.error, self.requests = answer, error, []

    def __call__(self, request, timeout):
        self.requests.append((request, timeout))
        if self.error:
            raise self.error
        return io.BytesIO(self.answer)

    @property
    def body(self) -> dict:
        return json.loads(self.requests[-1][0].data.decode("utf-8"))


def test_it_posts_a_json_body_for_csv_with_codes_to_v1_data(recorded):
    opener = FakeOpener(recorded("und1_2022_2023.csv"))
    client = StatbankClient(opener=opener)
    data = client.data_csv("UND1", {"OMRÅDE": ["*"], "Tid": ["2022", "2023"]})
    request, timeout = opener.requests[0]
    assert (request.full_url, request.get_method()) == ("https://api.statbank.dk/v1/data", "POST")
    assert request.get_header("Content-type") == "application/json"
    assert opener.body == {
        "table": "UND1",
        "format": "CSV",
        "valuePresentation": "Code",
        "lang": "da",
        "variables": [
            {"code": "OMRÅDE", "values": ["*"]},
            {"code": "Tid", "values": ["2022", "2023"]},
        ],
    }
    assert timeout == 60
    assert data == recorded("und1_2022_2023.csv")


def test_it_reads_a_tables_description_from_v1_tableinfo(recorded):
    opener = FakeOpener(recorded("und3_tableinfo.json"))
    info = StatbankClient(opener=opener).tableinfo("UND3")
    assert opener.requests[0][0].full_url == "https://api.statbank.dk/v1/tableinfo"
    assert opener.body == {"table": "UND3", "format": "JSON", "lang": "da"}
    assert reason_variable(info) == "ÅRSAG"


def test_it_asks_und3_for_every_reason_and_folk1a_for_each_age_0_to_17(recorded):
    info = json.loads(recorded("und3_tableinfo.json"))
    assert query_for("UND3", ["2023"], info) == {
        "OMRÅDE": ["*"],
        "ÅRSAG": ["*"],
        "Tid": ["2023"],
    }
    folk = query_for("FOLK1A", ["2024K1"])
    assert folk["ALDER"] == [str(age) for age in range(18)]
    assert folk["Tid"] == ["2024K1"]
    assert query_for("UND1", ["2023"]) == {"OMRÅDE": ["*"], "Tid": ["2023"]}


def test_it_explains_an_error_answer():
    error = urllib.error.HTTPError(
        "https://api.statbank.dk/v1/data", 400, "Bad Request", {}, io.BytesIO(b"Ukendt tabel")
    )
    client = StatbankClient(opener=FakeOpener(error=error))
    with pytest.raises(StatbankError, match="answered 400: Ukendt tabel"):
        client.data_csv("UND9", {"Tid": ["2023"]})


def test_it_explains_an_unreachable_api():
    client = StatbankClient(opener=FakeOpener(error=urllib.error.URLError("no route")))
    with pytest.raises(StatbankError, match="could not be reached"):
        client.tableinfo("UND3")


def test_it_refuses_anything_but_a_web_address():
    with pytest.raises(StatbankError):
        StatbankClient("file:///etc", opener=FakeOpener()).tableinfo("UND3")


def test_it_needs_the_description_to_find_und3s_reason_variable():
    with pytest.raises(StatbankError):
        query_for("UND3", ["2023"])
    assert data_request("FOLK1A", {"Tid": ["2024K1"]})["valuePresentation"] == "Code"
