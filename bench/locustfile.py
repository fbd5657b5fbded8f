"""The simulated users of the load test (bench/load.py starts locust with this file; C13).

Applicants browse the catalogue, their portal and their applications and save their own
draft; staff use the inbox (also filtered and paged), case pages, the programme and task
lists, and the screening. Each user has its own session, made by bench/load.py in the
database beforehand (logging in 50 times would only measure the password hasher).

The service is in production mode behind what would be a TLS proxy: every request says
``X-Forwarded-Proto: https``. Its cookies are therefore Secure, which an http client will
not send back, so this file keeps each user's cookies itself.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re

from locust import HttpUser, between, task

DATA = json.loads(open(os.environ["LOAD_DATA"], encoding="utf-8").read())  # noqa: SIM115
URLS = DATA["urls"]  # from Django's reverse(), with {} where the key goes
_applicant_numbers = itertools.count()
_staff_numbers = itertools.count()
HIDDEN = re.compile(r'name="(csrfmiddlewaretoken|version)" value="([^"]*)"')


class _Browser(HttpUser):
    abstract = True
    wait_time = between(1, 3)  # seconds a person reads before the next click

    def on_start(self):
        self.cookies = {"sessionid": self.credentials["session"]}
        self.origin = self.host.replace("http://", "https://")

    def _headers(self, extra=None):
        headers = {
            "X-Forwarded-Proto": "https",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "Accept-Language": "da",
        }
        headers.update(extra or {})
        return headers

    def _keep_cookies(self, response):
        self.cookies.update(response.cookies.get_dict())
        self.client.cookies.clear()  # never the jar's (Secure) copies: ours above

    def page(self, url, name):
        with self.client.get(
            url, name=name, headers=self._headers(), allow_redirects=False, catch_response=True
        ) as response:
            self._keep_cookies(response)
            if response.status_code != 200:
                response.failure(f"{response.status_code} for {url}")
            return response

    def post(self, url, data, name):
        headers = self._headers({"Origin": self.origin, "Referer": self.origin + url})
        with self.client.post(
            url, data=data, name=name, headers=headers, allow_redirects=False, catch_response=True
        ) as response:
            self._keep_cookies(response)
            if response.status_code != 302:
                response.failure(f"{response.status_code} for POST {url}")
            return response


class Applicant(_Browser):
    weight = 3

    def on_start(self):
        applicants = DATA["applicants"]
        self.credentials = applicants[next(_applicant_numbers) % len(applicants)]
        super().on_start()

    @task(3)
    def portal(self):
        self.page(URLS["portal"], "portal")

    @task(2)
    def catalogue(self):
        self.page(URLS["catalogue"], "catalogue")

    @task(1)
    def offer(self):
        self.page(URLS["offer"].format(random.choice(DATA["offers"])), "offer page")  # noqa: S311

    @task(2)
    def application(self):
        if self.credentials["applications"]:
            pk = random.choice(self.credentials["applications"])  # noqa: S311
            self.page(URLS["application"].format(pk), "application page")

    @task(1)
    def save_draft(self):
        url = URLS["draft"].format(self.credentials["draft"])
        form = self.page(url, "draft form")
        hidden = dict(HIDDEN.findall(form.text or ""))
        if "csrfmiddlewaretoken" not in hidden:
            return  # the GET failed and is counted already
        data = {**self.credentials["answers"], **hidden, "action": "save"}
        self.post(url, data, "draft save")


class Staff(_Browser):
    weight = 2

    def on_start(self):
        staff = DATA["staff"]
        self.credentials = staff[next(_staff_numbers) % len(staff)]
        super().on_start()

    @task(3)
    def inbox(self):
        self.page(URLS["inbox"], "inbox")

    @task(1)
    def inbox_filtered(self):
        self.page(URLS["inbox"] + "?status=submitted&owner=none&side=2", "inbox, filtered p. 2")

    @task(3)
    def case(self):
        self.page(URLS["case"].format(random.choice(DATA["cases"])), "case page")  # noqa: S311

    @task(1)
    def programme_list(self):
        self.page(URLS["programmes"], "programme list")

    @task(1)
    def task_list(self):
        self.page(URLS["tasks"], "task list")

    @task(1)
    def screening(self):
        self.page(URLS["screening"], "screening list")

    @task(1)
    def municipality(self):
        code = random.choice(DATA["municipalities"])  # noqa: S311
        self.page(URLS["municipality"].format(code), "municipality page")
