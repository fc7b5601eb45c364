"""Load one brand bundle: `index.md`, optional `index.en.md` and `licensees.csv`."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from .attention import expires_soon, warn_large_image
from .bodies import check_body
from .content_model import BRAND, LICENSEE, TRANSLATION
from .fields import Fields, did_you_mean
from .files import links_outside
from .frontmatter import FrontMatterError, read_document, read_reporting
from .images import ImageProblem, load_image
from .issues import Issue, display_path, shortened
from .licensees import load_licensees_csv, read_licensee
from .messages import label, msg
from .model import Award, Brand, Certification, Contact, Image, Licensee, Registry, Standard, Translation
from .standards import kind, normalise
from .twin import read_twin

SLUG = re.compile(r"^[a-z0-9-]+$")
SAFE_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
TRANSLATION_LANGS = ("en",)
BRAND_FIELDS = frozenset(BRAND)
LICENSEE_FIELDS = frozenset(LICENSEE)


def load_brand(
    bundle: Path, registry: Registry, root: Path, issues: list[Issue], as_of: date | None = None
) -> Brand | None:
    """Parse and check one bundle against the registry; None if unusable.

    With `as_of`, licences and certifications expiring soon after it are warned about.
    """
    index = bundle / "index.md"
    shown = display_path(index, root)
    slug = bundle.name
    if not SLUG.match(slug):
        issues.append(
            Issue(display_path(bundle, root), 0, "slug", msg("bad_folder_slug", slug=shortened(slug)))
        )
    if not _readable(index, bundle, root, issues):
        return None
    doc = read_reporting(index, shown, issues)
    if doc is None:
        return None
    fields = Fields(doc.meta, shown, issues, doc.lines, line_offset=1, spec=BRAND)
    fields.reject_unknown()

    status = fields.choice("status")
    watch = as_of if status == "active" else None  # expiry matters while the brand is in use
    summary = fields.text("summary")
    name = fields.text("name")
    name_en = fields.text("name_en")
    category = _registered(fields, "category", registry.categories, "categories")
    region = _region(fields, registry)
    owner = fields.text("owner")
    registered = fields.date("registered")
    updated = fields.date("updated")
    tags = tuple(fields.text_list("tags"))
    if updated and registered and updated < registered:
        fields.error(
            "updated",
            msg("before", value=updated, other=label("registered"), other_value=registered),
        )
    logo = _image(fields, "logo", bundle, name)
    cover = _image(fields, "cover", bundle, name)
    if not fields.has("cover"):
        fields.warn("cover", msg("no_cover"))
    gallery = tuple(_gallery(fields, bundle, name))
    certifications = tuple(_certifications(fields, registry, watch))
    standards = tuple(_standards(fields))
    awards = tuple(_awards(fields, registry))
    contact = _contact(fields)
    licensees = list(_yaml_licensees(fields, watch))
    csv_path = bundle / "licensees.csv"
    if _readable(csv_path, bundle, root, issues):
        licensees += load_licensees_csv(csv_path, display_path(csv_path, root), issues, watch)
    body_images = check_body(doc.body, doc.body_line, shown, bundle, issues)
    translations = {}
    listed = (gallery, certifications, standards, tuple(licensees))
    for lang in TRANSLATION_LANGS:
        translation = _translation(bundle / f"index.{lang}.md", lang, root, issues, body_images, listed)
        if translation:
            translations[lang] = translation
    if registered is None:  # required: reported above; everything else was checked all the same
        return None
    return Brand(
        slug=slug,
        name=name,
        name_en=name_en,
        category=category,
        region=region,
        owner=owner,
        summary=summary,
        status=status,
        registered=registered,
        updated=updated,
        source_path=index,
        body=doc.body,
        tags=tags,
        logo=logo,
        cover=cover,
        gallery=gallery,
        body_images=body_images,
        certifications=certifications,
        standards=standards,
        awards=awards,
        licensees=tuple(licensees),
        contact=contact,
        translations=translations,
    )


def _readable(path: Path, bundle: Path, root: Path, issues: list[Issue]) -> bool:
    """Whether `path` exists and is the bundle's own file (not a link out of it)."""
    if links_outside(path, bundle):
        issues.append(Issue(display_path(path, root), 0, "", msg("link_outside", folder=bundle.name)))
        return False
    return path.exists()


def _registered(fields: Fields, name: str, table: dict, section: str) -> str:
    """An id that must be listed in `section` of the registry file."""
    value = fields.text(name)
    if value and value not in table:
        labels = {key: getattr(entry, "name", "") for key, entry in table.items()}
        hint = did_you_mean(value, list(table), labels)
        fields.error(name, msg("not_in_registry", value=shortened(value), hint=hint, section=label(section)))
    return value


def _region(fields: Fields, registry: Registry) -> str:
    return _registered(fields, "region", registry.regions, "regions")


def _image(
    fields: Fields, name: str, bundle: Path, brand_name: str, alt: str = "", caption: str = ""
) -> Image | None:
    src = fields.text(name)
    if not src:
        return None
    try:
        image = load_image(bundle, src, alt or brand_name, caption)
    except ImageProblem as exc:
        fields.error(name, exc.message)
        return None
    warn_large_image(fields, name, image)
    return image


def _gallery(fields: Fields, bundle: Path, brand_name: str):
    for index, item in fields.items("gallery"):
        if isinstance(item, str):
            entry = fields.nested(("gallery", index), {"src": item})
            alt = brand_name
        elif isinstance(item, dict):
            entry = fields.nested(("gallery", index), item)
            entry.reject_unknown()
            alt = entry.text("alt") or brand_name
        else:
            fields.error(("gallery", index), msg("gallery_item"))
            continue
        if not entry.has("src"):
            entry.missing("src")
            continue
        image = _image(entry, "src", bundle, brand_name, alt, entry.text("caption"))
        if image:
            yield image


def _certifications(fields: Fields, registry: Registry, as_of: date | None):
    for item in fields.mappings("certifications"):
        item.reject_unknown()
        cert_type = _registered(item, "type", registry.certification_types, "certification_types")
        number = item.text("number")
        issuer = item.text("issuer")
        issued = item.date("issued")
        expires = item.date("expires")
        if issued and expires and expires < issued:
            item.error("expires", msg("before", value=expires, other=label("issued"), other_value=issued))
        when = expires_soon(expires, as_of)
        if when:
            item.warn("expires", msg("certification_expires_soon", number=number, day=expires, when=when))
        if cert_type and number and issued:
            yield Certification(cert_type, number, issuer, issued, expires)


def _standards(fields: Fields):
    for item in fields.mappings("standards"):
        item.reject_unknown()
        code = item.text("code")
        if code and not kind(code):
            item.warn("code", msg("standard_shape", value=shortened(code)))
        if code:
            yield Standard(code, item.text("title"), normalise(code))


def _awards(fields: Fields, registry: Registry):
    for item in fields.mappings("awards"):
        item.reject_unknown()
        program_id = _registered(item, "program", registry.award_programs, "award_programs")
        number = item.integer("edition")
        program = registry.award_programs.get(program_id)
        if program and number is not None and not program.edition(number):
            known = ", ".join(str(e.number) for e in program.editions) or msg("none")
            item.error("edition", msg("no_edition", program=program_id, number=number, known=known))
        elif program and number is not None:
            yield Award(program_id, number, item.text("recipient"), item.line())


def _contact(fields: Fields) -> Contact:
    contact = fields.mapping("contact")
    if contact is None:
        return Contact()
    contact.reject_unknown()
    website = contact.text("website")
    if website and not SAFE_URL.match(website):
        contact.error("website", msg("unsafe_website", value=shortened(website)))
        website = ""
    email = contact.text("email")
    if email and not re.fullmatch(r"[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+", email):
        contact.error("email", msg("bad_email", value=shortened(email)))
        email = ""
    return Contact(website, contact.text("phone"), email, contact.text("address"))


def _yaml_licensees(fields: Fields, as_of: date | None):
    for item in fields.mappings("licensees"):
        item.reject_unknown()
        licensee = read_licensee(item, f"{item.path}:{item.line('license')}", as_of)
        if licensee:
            yield licensee


def _translation(
    path: Path,
    lang: str,
    root: Path,
    issues: list[Issue],
    body_images: dict[str, Image],
    listed: tuple[tuple[Image, ...], tuple[Certification, ...], tuple[Standard, ...], tuple[Licensee, ...]],
) -> Translation | None:
    """The twin's text; `listed` is what index.md lists (gallery, certifications,
    standards, licensees), which the twin's lists translate."""
    if not _readable(path, path.parent, root, issues):
        return None
    shown = display_path(path, root)
    try:
        doc = read_document(path)
    except FrontMatterError as exc:
        issues.append(Issue(shown, exc.line, "", exc.message))
        return None
    fields = Fields(doc.meta, shown, issues, doc.lines, line_offset=1, spec=TRANSLATION)
    fields.reject_unknown()
    name = fields.text("name")
    summary = fields.text("summary")
    body_images.update(check_body(doc.body, doc.body_line, shown, path.parent, issues))
    return Translation(lang, name, summary, doc.body, path, **read_twin(fields, *listed))
