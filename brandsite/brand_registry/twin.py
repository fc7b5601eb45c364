"""The English of the texts a brand page shows, read from its twin `index.<lang>.md`.

Each item of a twin's list translates one item of index.md: the one its key field
names (gallery `src`, certification `number`, standard `code`, licensee `license`),
or, without that field, the one at the same position. A key that names no item,
and a list longer than index.md's, are errors.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator

from .fields import Fields
from .issues import shortened
from .messages import msg
from .model import Certification, Image, ImageText, Licensee, LicenseeText, Standard
from .standards import normalise


def licence_key(number: str) -> str:
    """How licence numbers are compared (as site.normalize_license)."""
    return "".join(unicodedata.normalize("NFKC", number).split()).upper()


def read_twin(
    fields: Fields,
    gallery: tuple[Image, ...],
    certifications: tuple[Certification, ...],
    standards: tuple[Standard, ...],
    licensees: tuple[Licensee, ...],
) -> dict:
    """The Translation's fields besides name, summary and body."""
    contact = fields.mapping("contact")
    if contact is not None:
        contact.reject_unknown()
    images = {
        src: ImageText(item.text("alt"), item.text("caption"))
        for item, src in _matched(fields, "gallery", "src", [i.src for i in gallery], str.strip)
    }
    issuers = {
        number: item.text("issuer")
        for item, number in _matched(
            fields, "certifications", "number", [c.number for c in certifications], str.strip
        )
    }
    titles = {
        code: item.text("title")
        for item, code in _matched(fields, "standards", "code", [s.key for s in standards], normalise)
    }
    named = {
        key: LicenseeText(item.text("name"), tuple(item.text_list("products")))
        for item, key in _matched(
            fields, "licensees", "license", [licence_key(lic.license) for lic in licensees], licence_key
        )
    }
    return {
        "owner": fields.text("owner"),
        "address": contact.text("address") if contact else "",
        "images": images,
        "issuers": {k: v for k, v in issuers.items() if v},
        "standard_titles": {k: v for k, v in titles.items() if v},
        "licensees": named,
    }


def _matched(
    fields: Fields, name: str, key_field: str, keys: list[str], key_of: Callable[[str], str]
) -> Iterator[tuple[Fields, str]]:
    """Each item of the twin's list `name` with the key of the item of index.md it translates."""
    items = list(fields.mappings(name))
    given_items = fields.data.get(name)
    if isinstance(given_items, list) and len(given_items) > len(keys):
        fields.error(name, msg("twin_too_long", count=len(given_items), limit=len(keys)))
        return
    known = {key_of(key): key for key in keys}
    for item in items:
        item.reject_unknown()
        given = item.text(key_field)
        if not given:
            yield item, keys[item.key[-1]]
        elif key_of(given) in known:
            yield item, known[key_of(given)]
        else:
            listed = ", ".join(keys[:10]) or msg("none")
            item.error(key_field, msg("twin_no_such", value=shortened(given), known=listed))
