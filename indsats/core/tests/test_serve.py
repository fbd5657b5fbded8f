"""`make serve` (scripts/serve.sh): gunicorn in production mode answers /healthz, serves
hashed, compressed static files with immutable caching, the cached catalogue with each
visitor's own CSRF token, and writes JSON log lines (C13)."""

import json
import posixpath
import re

import pytest

pytestmark = pytest.mark.xdist_group("production_server")


@pytest.fixture
def server(production_server):
    """The production server the suite starts once (core/tests/conftest.py)."""
    return production_server


def test_it_answers_healthz_under_gunicorn_in_production_mode(server):
    status, headers, body = server.request("GET", "/healthz")
    assert status == 200
    assert json.loads(body)["status"] == "ok"
    assert headers["Server"].startswith("gunicorn")
    assert "Strict-Transport-Security" in headers  # production settings, not development


def test_it_answers_healthz_over_plain_http_and_redirects_the_rest_to_https(server):
    status, _headers, _body = server.request("GET", "/healthz", {"X-Forwarded-Proto": "http"})
    assert status == 200  # what a load balancer asks straight from gunicorn
    status, headers, _body = server.request("GET", "/forloeb/", {"X-Forwarded-Proto": "http"})
    assert status == 301
    assert headers["Location"] == "https://127.0.0.1/forloeb/"  # the proxy answers on 443


def test_it_serves_hashed_static_files_compressed_and_cached_for_good(server):
    status, _headers, page = server.request("GET", "/forloeb/")
    assert status == 200
    stylesheet = re.search(rb'href="(/static/dkfds/css/[^"]+\.[0-9a-f]{12}\.css)"', page).group(1)
    status, headers, _body = server.request("GET", stylesheet.decode(), {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]
    assert "max-age=315360000" in headers["Cache-Control"]
    status, headers, _body = server.request("GET", stylesheet.decode(), {"Accept-Encoding": "br"})
    assert headers["Content-Encoding"] == "br"


def test_it_serves_every_static_file_a_page_and_its_stylesheet_link(server):
    """Production keeps only the hashed names (WHITENOISE_KEEP_ONLY_HASHED_FILES): each
    file a page or its stylesheet names must be there under its hashed name."""
    _status, _headers, page = server.request("GET", "/forloeb/")
    linked = set(re.findall(rb'(?:href|src)="(/static/[^"#]+)', page))
    stylesheet = next(path for path in linked if re.match(rb"/static/dkfds/css/.*\.css$", path))
    _status, _headers, css = server.request("GET", stylesheet.decode())
    folder = stylesheet.rsplit(b"/", 1)[0]
    fonts = re.findall(rb"""url\(["']?([^)"'#?]+\.woff2)""", css)
    assert fonts, "the stylesheet names its fonts"
    linked |= {posixpath.normpath(folder + b"/" + font) for font in fonts}
    assert len(linked) > 3
    for path in sorted(linked):
        assert re.search(rb"\.[0-9a-f]{12}\.", path), path  # a hashed name
        status, _headers, _body = server.request("GET", path.decode())
        assert status == 200, path


def test_it_gives_each_visitor_of_the_cached_catalogue_a_working_csrf_token(server):
    for _visitor in range(2):  # the second page comes from the cache
        status, headers, page = server.request("GET", "/forloeb/")
        assert status == 200
        cookie = re.search(r"csrftoken=([^;]+)", headers["Set-Cookie"]).group(1)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        status, _headers, _body = server.request(
            "POST",
            "/i18n/setlang/",
            headers={
                "Cookie": f"csrftoken={cookie}",
                "Referer": "https://127.0.0.1/forloeb/",
                "Content-Type": "application/x-www-form-urlencoded",
            },
            body=b"language=en&next=/forloeb/&csrfmiddlewaretoken=" + token,
        )
        assert status == 302  # 403 if the page held another visitor's token


def test_it_logs_each_request_as_a_json_line(server):
    server.request("GET", "/healthz?naeste=1")
    access = [
        json.loads(line)
        for line in server.log().splitlines()
        if line.startswith("{") and '"gunicorn.access"' in line
    ]
    assert any(entry["path"] == "/healthz" and entry["status"] == 200 for entry in access)
    assert all("naeste" not in json.dumps(entry) for entry in access)  # no query strings
