"""A small client for Statistics Denmark's Statbank API v1, on the standard library alone.

``POST /v1/data`` with a JSON body (table, format CSV, ``valuePresentation: Code``, the
variables and their values) returns the CSV that ``importers.statbank`` reads;
``POST /v1/tableinfo`` describes a table's variables and values. Tests pass their own
``opener`` and recorded answers, so no test calls the internet.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence

API_URL = "https://api.statbank.dk/v1"
TIMEOUT_SECONDS = 60
AREA_VARIABLE = "OMRÅDE"
TIME_VARIABLE = "Tid"
REASON_VARIABLE_WORDS = ("årsag", "aarsag", "bekymring")


class StatbankError(Exception):
    """The API could not be reached, or answered with an error."""


class StatbankClient:
    def __init__(
        self,
        base_url: str = API_URL,
        *,
        timeout: int = TIMEOUT_SECONDS,
        opener: Callable = urllib.request.urlopen,
    ):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.opener = opener

    def _post(self, endpoint: str, body: dict) -> bytes:
        url = f"{self.base_url}/{endpoint}"
        if not url.startswith(("https://", "http://")):
            raise StatbankError(f"not a web address: {url}")
        request = urllib.request.Request(  # noqa: S310 - the scheme is checked above
            url,
            data=json.dumps(body).encode("utf-8"),
            headers={"Content-Type": "application/json", "Accept": "*/*"},
            method="POST",
        )
        try:
            with self.opener(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:500]
            raise StatbankError(f"{url} answered {exc.code}: {detail}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise StatbankError(f"{url} could not be reached: {exc}") from exc

    def tableinfo(self, table: str, lang: str = "da") -> dict:
        raw = self._post("tableinfo", {"table": table, "format": "JSON", "lang": lang})
        try:
            return json.loads(raw.decode("utf-8-sig"))
        except ValueError as exc:
            raise StatbankError(f"tableinfo for {table} is not JSON") from exc

    def data_csv(
        self, table: str, variables: Mapping[str, Sequence[str]], lang: str = "da"
    ) -> bytes:
        """The table as CSV (``;``, decimal comma, codes for values), as bytes."""
        body = data_request(table, variables, lang)
        return self._post("data", body)

    def url_for(self, endpoint: str) -> str:
        return f"{self.base_url}/{endpoint}"


def data_request(table: str, variables: Mapping[str, Sequence[str]], lang: str = "da") -> dict:
    return {
        "table": table,
        "format": "CSV",
        "valuePresentation": "Code",
        "lang": lang,
        "variables": [{"code": code, "values": list(values)} for code, values in variables.items()],
    }


def reason_variable(tableinfo: Mapping) -> str:
    """The id of UND3's reason variable, found by its name, since it has changed before."""
    for variable in tableinfo.get("variables", []):
        text = f"{variable.get('id', '')} {variable.get('text', '')}".lower()
        if any(word in text for word in REASON_VARIABLE_WORDS):
            return variable["id"]
    raise StatbankError("found no reason variable (årsag) in the table's description")


def query_for(table: str, periods: Sequence[str], tableinfo: Mapping | None = None) -> dict:
    """The variables to ask for: every area, the periods, and per table what it needs.

    UND1 and UND3 leave age and sex out, so the API answers with totals; FOLK1A asks for
    each age 0–17, which the importer sums.
    """
    table = table.upper()
    variables: dict[str, list[str]] = {AREA_VARIABLE: ["*"]}
    if table == "UND3":
        if tableinfo is None:
            raise StatbankError("UND3 needs the table's description to find its reason variable")
        variables[reason_variable(tableinfo)] = ["*"]
    elif table == "FOLK1A":
        variables["ALDER"] = [str(age) for age in range(18)]
    variables[TIME_VARIABLE] = list(periods)
    return variables
