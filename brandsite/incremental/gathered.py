"""What a page is made of, gathered from what its template receives.

A page's key covers the value of every name its template can read: the names
of the template itself and of every template it extends, includes or imports
(`template_names`), looked up in the page's context as the template would. Each
value is fingerprinted by what it is (`Fingerprints`): plain values by value;
an input the build stamps by its files (a brand by its bundle, a story by its
file and its translations', an image by its file: see `identities`); lists,
dicts and data classes item by item. Nothing is declared per template: a
template that starts showing the latest stories names them, and its pages
follow them.

A value of a kind not known here makes the page's key unknown (`Unknown`): the
page is rendered, never stale. A template global that reads the context itself
(`@pass_context`) may read only what every page shares (settings, the
registry, the image publisher), which the site-wide part of every key covers.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import hashlib
import types
from collections.abc import Callable, Mapping
from pathlib import PurePath

from jinja2 import Environment, meta
from markupsafe import Markup

MISSING = "\x00missing"  # a name the context does not hold
SHARED_SIZE = 16  # containers this large are fingerprinted once a build (pages share them)
MAX_DEPTH = 40


class Unknown(Exception):
    """A value the fingerprints cannot tell apart from another: render the page."""


def template_names(env: Environment, name: str, seen: set[str] | None = None) -> frozenset[str]:
    """Every name `name` and the templates it extends, includes or imports may read.

    Unknown when a template is named by a variable (it could be any)."""
    seen = set() if seen is None else seen
    if name in seen:
        return frozenset()
    seen.add(name)
    assert env.loader is not None
    source = env.loader.get_source(env, name)[0]
    tree = env.parse(source)
    names = set(meta.find_undeclared_variables(tree))
    for other in meta.find_referenced_templates(tree):
        if other is None:
            raise Unknown(f"{name} names a template by a variable")
        names |= template_names(env, other, seen)
    return frozenset(names)


Identity = Callable[[object], object]


class Fingerprints:
    """Fingerprints of template values for one build.

    `identities`: (type, function) pairs, tried in order: an instance of the type
    is fingerprinted by what the function returns (fingerprinted in turn), not by
    its attributes. Large containers and data classes are worked out once.
    """

    def __init__(self, identities: list[tuple[type, Identity]]):
        self.identities = identities
        self._shared: dict[int, tuple[object, object]] = {}

    def of(self, value: object) -> str:
        """A digest of `value`; Unknown if it holds a kind of value not known here."""
        return _digest(self._walk(value, 0))

    def _walk(self, value: object, depth: int) -> object:
        if depth > MAX_DEPTH:
            raise Unknown("values nested too deep")
        if isinstance(value, Markup):
            return ["markup", str(value)]
        if value is None or isinstance(value, (bool, int, float, str)):
            return value
        if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
            return [type(value).__name__, str(value)]
        if isinstance(value, PurePath):
            return ["path", str(value)]
        if isinstance(value, enum.Enum):
            return ["enum", type(value).__qualname__, self._walk(value.value, depth + 1)]
        if isinstance(value, (types.FunctionType, types.BuiltinFunctionType, types.MethodType, type)):
            return ["code", getattr(value, "__module__", ""), getattr(value, "__qualname__", repr(value))]
        for kind, identity in self.identities:
            if isinstance(value, kind):
                return [kind.__qualname__, self._walk(identity(value), depth + 1)]
        known = self._shared.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        walked = self._container(value, depth)
        if _is_shared(value):
            walked = ["#", _digest(walked)]
            self._shared[id(value)] = (value, walked)
        return walked

    def _container(self, value: object, depth: int) -> object:
        if isinstance(value, (list, tuple)):
            return [type(value).__name__, [self._walk(item, depth + 1) for item in value]]
        if isinstance(value, (set, frozenset)):
            return ["set", sorted(repr(self._walk(item, depth + 1)) for item in value)]
        if isinstance(value, Mapping):
            pairs = [[self._walk(k, depth + 1), self._walk(v, depth + 1)] for k, v in value.items()]
            return ["dict", pairs]
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            fields = dataclasses.fields(value)
            return [
                type(value).__qualname__,
                [[f.name, self._walk(getattr(value, f.name), depth + 1)] for f in fields],
            ]
        raise Unknown(f"a {type(value).__module__}.{type(value).__qualname__}")


def _is_shared(value: object) -> bool:
    if dataclasses.is_dataclass(value):
        return True
    return isinstance(value, (list, tuple, dict)) and len(value) >= SHARED_SIZE


def _digest(walked: object) -> str:
    return hashlib.sha256(repr(walked).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def page_fingerprint(
    fingerprints: Fingerprints, names: frozenset[str], lookup: Callable[[str], object]
) -> str:
    """The digest of every name's value (MISSING where there is none)."""
    return fingerprints.of([[name, lookup(name)] for name in sorted(names)])
