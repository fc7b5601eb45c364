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


Parsed = dict[str, list]  # template -> [digest of its source, its names, the templates it references]


def template_names(
    env: Environment, name: str, parsed: Parsed | None = None, known: Parsed | None = None
) -> frozenset[str]:
    """Every name `name` and the templates it extends, includes or imports may read.

    `parsed` keeps each template's own names between calls of one build; `known`
    holds those of an earlier build, used for a template whose source is the same.
    Unknown when a template is named by a variable (it could be any)."""
    parsed = {} if parsed is None else parsed
    known = known or {}
    names: set[str] = set()
    pending, seen = [name], set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        if current not in parsed:
            assert env.loader is not None
            source = env.loader.get_source(env, current)[0]
            source_digest = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:32]
            before = known.get(current)
            if before and before[0] == source_digest:
                parsed[current] = before
            else:
                tree = env.parse(source)
                parsed[current] = [
                    source_digest,
                    sorted(meta.find_undeclared_variables(tree)),
                    list(meta.find_referenced_templates(tree)),
                ]
        _, own, references = parsed[current]
        if None in references:
            raise Unknown(f"{current} names a template by a variable")
        names.update(own)
        pending += [other for other in references if other is not None]
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
        self._kinds: dict[type, Callable[[object, int], object]] = {}  # how each type is walked
        self._parts: dict[tuple, tuple[list, str]] = {}  # what pages share: (names, ids) -> digest

    def of(self, value: object) -> str:
        """A digest of `value`; Unknown if it holds a kind of value not known here."""
        return _digest(self._walk(value, 0))

    def of_shared(self, names: tuple[str, ...], values: list) -> str:
        """The digest of `names` with their `values`, worked out once for the same objects."""
        key = (names, tuple(map(id, values)))
        known = self._parts.get(key)
        if known is None:
            known = self._parts[key] = (
                values,
                self.of(list(zip(names, values, strict=True))),
            )  # kept: ids stay theirs
        return known[1]

    def _walk(self, value: object, depth: int) -> object:
        if depth > MAX_DEPTH:
            raise Unknown("values nested too deep")
        kind = type(value)
        walk = self._kinds.get(kind)
        if walk is None:
            walk = self._kinds[kind] = self._walker(kind)
        return walk(value, depth)

    def _walker(self, kind: type) -> Callable[[object, int], object]:
        """How values of `kind` are walked (decided once a type)."""
        if issubclass(kind, Markup):
            return lambda value, depth: ["markup", str(value)]
        if kind is type(None) or issubclass(kind, (bool, int, float, str)):
            return lambda value, depth: value
        if issubclass(kind, (datetime.date, datetime.time, datetime.timedelta)):
            return lambda value, depth: [kind.__name__, str(value)]
        if issubclass(kind, PurePath):
            return lambda value, depth: ["path", str(value)]
        if issubclass(kind, enum.Enum):
            return lambda value, depth: ["enum", kind.__qualname__, self._walk(value.value, depth + 1)]  # type: ignore[attr-defined]
        if issubclass(kind, (types.FunctionType, types.BuiltinFunctionType, types.MethodType, type)):
            return lambda value, depth: [
                "code",
                getattr(value, "__module__", ""),
                getattr(value, "__qualname__", ""),
            ]
        for known, identity in self.identities:
            if issubclass(kind, known):
                return self._once(
                    lambda value, depth, name=known.__qualname__, identity=identity: [
                        name,
                        self._walk(identity(value), depth + 1),
                    ]
                )
        if issubclass(kind, (list, tuple, dict)):
            walk, once = self._container, self._once(self._container)
            return lambda value, depth: (once if len(value) >= SHARED_SIZE else walk)(value, depth)  # type: ignore[arg-type]
        if issubclass(kind, (set, frozenset, Mapping)):
            return self._container
        if dataclasses.is_dataclass(kind):
            return self._once(self._container)
        raise Unknown(f"a {kind.__module__}.{kind.__qualname__}")

    def _once(self, walk: Callable[[object, int], object]) -> Callable[[object, int], object]:
        """`walk`, worked out once a build for each object (pages share them)."""

        def walk_once(value: object, depth: int) -> object:
            known = self._shared.get(id(value))
            if known is not None and known[0] is value:
                return known[1]
            walked = ["#", _digest(walk(value, depth))]
            self._shared[id(value)] = (value, walked)
            return walked

        return walk_once

    def _container(self, value, depth: int) -> object:
        if isinstance(value, (list, tuple)):
            return [type(value).__name__, [self._walk(item, depth + 1) for item in value]]
        if isinstance(value, (set, frozenset)):
            return ["set", sorted(repr(self._walk(item, depth + 1)) for item in value)]
        if isinstance(value, Mapping):
            pairs = [[self._walk(k, depth + 1), self._walk(v, depth + 1)] for k, v in value.items()]
            return ["dict", pairs]
        fields = dataclasses.fields(value)
        return [
            type(value).__qualname__,
            [[f.name, self._walk(getattr(value, f.name), depth + 1)] for f in fields],
        ]


def _digest(walked: object) -> str:
    return hashlib.sha256(repr(walked).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def page_fingerprint(
    fingerprints: Fingerprints,
    names: tuple[str, ...],
    own: Mapping[str, object],
    shared: Callable[[str], object],
    made_from: Mapping | None = None,
) -> str:
    """The digest of every name's value: from `own` (the page's), else what `shared`
    gives (MISSING where there is none). What many pages share is worked out once for
    the same objects. Given `made_from` (what the page's own values are made of), that
    stands for them."""
    common = tuple(name for name in names if name not in own)
    shared_part = fingerprints.of_shared(common, [shared(name) for name in common])
    if made_from is not None:
        return fingerprints.of([shared_part, "made from", made_from])
    return fingerprints.of([shared_part, [[name, own[name]] for name in names if name in own]])
