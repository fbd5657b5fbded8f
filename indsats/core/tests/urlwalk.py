"""Every URL pattern the resolver knows, and a way to turn one into a path (C12).

Used by the authorisation matrix and by the fuzz tests: ``patterns()`` walks
``get_resolver().url_patterns`` recursively, namespaces included, and names each pattern
by its namespaced URL name, or by its route when it has none (the admin site's
redirects and catch-all, the API's unknown-address view).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern

_ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>\w+)>")
_REGEX_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")


@dataclass(frozen=True)
class Pattern:
    key: str  # "namespace:name", or the route for an unnamed pattern
    route: str  # the full route, prefixes included (regex parts as written)
    parameters: tuple[str, ...]
    callback: object

    @property
    def prefix(self) -> str:
        return self.route.split("/", 1)[0]

    def path(self, values: dict[str, object]) -> str:
        """The path with each parameter replaced by ``str(values[name])``."""
        missing = set(self.parameters) - set(values)
        if missing:
            raise KeyError(f"{self.key}: no value for {sorted(missing)}")

        def value(match):
            return str(values[match.group("name")])

        # Regex groups first: "(?P<name>...)" holds "<name>", which looks like a route's.
        path = _REGEX_GROUP.sub(value, self.route)
        path = _ROUTE_PARAMETER.sub(value, path)
        return "/" + path.replace("^", "").replace("$", "")


def _parameters(route: str) -> tuple[str, ...]:
    names = [m.group("name") for m in _REGEX_GROUP.finditer(route)]
    names += [m.group("name") for m in _ROUTE_PARAMETER.finditer(_REGEX_GROUP.sub("", route))]
    return tuple(dict.fromkeys(names))


def _walk(patterns, prefix: str, namespace: str | None):
    for entry in patterns:
        pattern = entry.pattern
        text = pattern._regex if isinstance(pattern, RegexPattern) else str(pattern)
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            # A regex prefix such as "^" adds nothing to the path.
            yield from _walk(entry.url_patterns, prefix + text.lstrip("^"), inner)
        elif isinstance(entry, URLPattern):
            route = prefix + text
            if entry.name:
                key = f"{namespace}:{entry.name}" if namespace else entry.name
            else:
                key = route
            yield Pattern(key, route, _parameters(route), entry.callback)


def patterns() -> list[Pattern]:
    """Every URL pattern, in resolver order; a key named twice (two API operations on one
    path) is listed once per name."""
    found: dict[str, Pattern] = {}
    for pattern in _walk(get_resolver().url_patterns, "", None):
        found.setdefault(pattern.key, pattern)
    return list(found.values())
