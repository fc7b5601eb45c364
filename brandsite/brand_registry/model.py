"""The registry's data model: plain dataclasses, filled by the loaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .content_model import BRAND, WINNER

STATUSES = BRAND["status"].choices
WINNER_TIERS = WINNER["tier"].choices
BASE_LANG = "zh"  # the language of the registry's own text: names, summaries, bodies


class Named:
    """Registry entries have a Chinese `name` and may have an English `name_en`."""

    name: str  # declared for the type checker: each dataclass below has both as fields
    name_en: str

    def name_in(self, lang: str) -> str:
        return (self.name_en or self.name) if lang == "en" else self.name


@dataclass(frozen=True)
class Region(Named):
    code: str
    name: str
    name_en: str = ""
    parent: str | None = None


@dataclass(frozen=True)
class Category(Named):
    id: str
    name: str
    name_en: str = ""


@dataclass(frozen=True)
class CertificationType(Named):
    id: str
    name: str
    name_en: str = ""


@dataclass(frozen=True)
class AwardEdition:
    number: int
    year: int


@dataclass(frozen=True)
class AwardProgram(Named):
    id: str
    name: str
    name_en: str = ""
    editions: tuple[AwardEdition, ...] = ()

    def edition(self, number: int) -> AwardEdition | None:
        return next((e for e in self.editions if e.number == number), None)


@dataclass
class Registry:
    """The id lists of `brands/_registry.yaml`, each keyed by id (or code)."""

    regions: dict[str, Region] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)
    certification_types: dict[str, CertificationType] = field(default_factory=dict)
    award_programs: dict[str, AwardProgram] = field(default_factory=dict)

    def region_chain(self, code: str) -> list[Region]:
        """The region and its parents, outermost first."""
        chain: list[Region] = []
        seen: set[str] = set()
        while code in self.regions and code not in seen:
            seen.add(code)
            chain.append(self.regions[code])
            code = self.regions[code].parent or ""
        return chain[::-1]

    def region_children(self, code: str) -> list[Region]:
        return sorted(
            (r for r in self.regions.values() if r.parent == code),
            key=lambda r: r.code,
        )


@dataclass(frozen=True)
class Image:
    """An image file of a bundle (or of content/), probed for its size."""

    src: str  # name as the editor wrote it, relative to its folder
    path: Path  # the source file
    width: int
    height: int
    format: str  # Pillow's name: JPEG, PNG, WEBP, GIF, AVIF
    alt: str = ""
    caption: str = ""
    size_bytes: int = 0


@dataclass(frozen=True)
class Certification:
    type: str
    number: str
    issuer: str
    issued: date
    expires: date | None = None

    def is_expired(self, on: date) -> bool:
        return self.expires is not None and on > self.expires


@dataclass(frozen=True)
class Standard:
    code: str  # as the editor wrote it
    title: str = ""
    key: str = ""  # the normalised code (standards.normalise), what pages link and group by


@dataclass(frozen=True)
class Award:
    program: str
    edition: int
    recipient: str = ""
    line: int = 0  # where the brand file lists it (0: from an edition file)
    tier: str = "award"  # award | nomination (from an edition file)


@dataclass(frozen=True)
class Notice:
    """The public notice of a proposed list (拟授奖名单公示) and how to object."""

    published: date
    objections_until: date  # the last day objections are accepted
    office: str
    phone: str = ""
    address: str = ""
    email: str = ""

    def state(self, on: date) -> str:
        """upcoming, open or closed on `on`."""
        if on < self.published:
            return "upcoming"
        return "open" if on <= self.objections_until else "closed"

    def days_left(self, on: date) -> int:
        """Days after `on` still open for objections (0: `on` is the last day)."""
        return (self.objections_until - on).days


@dataclass(frozen=True)
class Decision:
    document: str  # 文号, e.g. 新政发〔2027〕1号
    date: date


@dataclass(frozen=True)
class Winner:
    name: str  # an individual's is published as given (award practice)
    region: str
    tier: str = "award"  # award | nomination
    kind: str = "organization"  # organization | individual
    industry: str = ""
    brand: str = ""  # slug of a registry brand
    uscc: str = ""
    citation: str = ""
    line: int = 0


@dataclass(frozen=True)
class AwardList:
    """One edition's official list: content/awards/<program>/<edition>.md."""

    program: str
    edition: int
    stage: str  # notice | awarded
    source_path: Path
    winners: tuple[Winner, ...] = ()
    notice: Notice | None = None
    decision: Decision | None = None
    body: str = ""  # Markdown: the notice or decision text
    body_images: dict[str, Image] = field(default_factory=dict)  # files of content/, by src

    def phase(self, on: date) -> str:
        """awarded, or the notice's state on `on`: upcoming, open or closed."""
        if self.stage == "awarded" or self.notice is None:
            return "awarded"
        return self.notice.state(on)

    def tiers(self) -> list[tuple[str, list[Winner]]]:
        """The winners by tier, awards first; empty tiers left out."""
        found = [(tier, [w for w in self.winners if w.tier == tier]) for tier in WINNER_TIERS]
        return [(tier, winners) for tier, winners in found if winners]

    def winners_of(self, slug: str) -> list[Winner]:
        return [w for w in self.winners if w.brand == slug]


@dataclass(frozen=True)
class Licensee:
    name: str
    license: str
    valid_from: date
    valid_to: date
    products: tuple[str, ...] = ()
    source: str = ""  # "path:line" the licence was read from
    uscc: str = ""  # the enterprise's unified social credit code, if given

    def state(self, on: date, brand_status: str = "active") -> str:
        """One of: valid, expired, not-yet-valid, brand-suspended, brand-revoked."""
        if brand_status != "active":
            return f"brand-{brand_status}"
        if on < self.valid_from:
            return "not-yet-valid"
        if on > self.valid_to:
            return "expired"
        return "valid"


@dataclass(frozen=True)
class Contact:
    website: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""


@dataclass(frozen=True)
class Translation:
    """A brand's text in another language, from `index.<lang>.md`."""

    lang: str
    name: str
    summary: str
    body: str
    source_path: Path
    owner: str = ""
    address: str = ""  # contact.address
    # The rest by the Chinese item's key: images by src, standard titles by normalised
    # code, issuers by certificate number, licensees by licence number (normalize_license).
    images: dict[str, ImageText] = field(default_factory=dict)
    standard_titles: dict[str, str] = field(default_factory=dict)
    issuers: dict[str, str] = field(default_factory=dict)
    licensees: dict[str, LicenseeText] = field(default_factory=dict)


@dataclass(frozen=True)
class ImageText:
    """A picture's alt text and caption in another language ("" where not given)."""

    alt: str = ""
    caption: str = ""


@dataclass(frozen=True)
class LicenseeText:
    """A licensee's name and products in another language (empty where not given)."""

    name: str = ""
    products: tuple[str, ...] = ()


@dataclass
class Brand(Named):
    slug: str
    name: str
    category: str
    region: str
    owner: str
    summary: str
    registered: date
    source_path: Path  # the bundle's index.md
    name_en: str = ""
    status: str = "active"
    updated: date | None = None
    logo: Image | None = None
    cover: Image | None = None
    gallery: tuple[Image, ...] = ()
    body_images: dict[str, Image] = field(default_factory=dict)  # by src
    certifications: tuple[Certification, ...] = ()
    standards: tuple[Standard, ...] = ()
    awards: tuple[Award, ...] = ()
    licensees: tuple[Licensee, ...] = ()
    contact: Contact = field(default_factory=Contact)
    tags: tuple[str, ...] = ()
    body: str = ""
    translations: dict[str, Translation] = field(default_factory=dict)

    def name_in(self, lang: str) -> str:
        """The name of the brand's text in `lang` (index.<lang>.md), else its registry name."""
        translation = self.translations.get(lang)
        return translation.name if translation else super().name_in(lang)

    def summary_in(self, lang: str) -> str:
        """The summary in `lang`; empty when the brand has none in that language."""
        if lang == BASE_LANG:
            return self.summary
        translation = self.translations.get(lang)
        return translation.summary if translation else ""

    @property
    def bundle(self) -> Path:
        return self.source_path.parent

    @property
    def is_current(self) -> bool:
        return self.status == "active"

    def images(self) -> list[Image]:
        """Every image the brand page shows, each file once."""
        found = [self.logo, self.cover, *self.gallery, *self.body_images.values()]
        unique: dict[Path, Image] = {}
        for image in found:
            if image is not None:
                unique.setdefault(image.path, image)
        return list(unique.values())


@dataclass(frozen=True)
class Story:
    """What validation needs of a story; Pelican reads the rest."""

    slug: str
    source_path: Path
    title: str
    date: date
    brands: tuple[str, ...] = ()
    lang: str = "zh"
    cover: Image | None = None
    slug_line: int = 0  # where the front matter sets the slug; 0: it is the file name
    category: str = ""
    tags: tuple[str, ...] = ()
    given: dict[str, int] = field(default_factory=dict)  # shared fields written here -> line


Day = date  # for fields of classes that have a field named `date`


@dataclass(frozen=True)
class Case:
    """An exposed violation: content/cases/<slug>.md, an individual's name already masked
    in every text (privacy.py): nothing here may publish it whole."""

    slug: str
    source_path: Path
    title: str
    date: Day  # published on the site
    decided: Day  # the penalty decision
    authority: str
    party: str  # as published: an individual's is masked
    party_kind: str  # organization | individual
    region: str
    violations: tuple[str, ...]
    penalty: str
    unpublish_after: Day  # the last day it is published
    document: str = ""
    legal_basis: tuple[str, ...] = ()
    brands: tuple[str, ...] = ()  # slugs of brands whose mark was misused
    body: str = ""  # Markdown, masked
    body_images: dict[str, Image] = field(default_factory=dict)  # files of content/, by src

    def is_published(self, on: Day) -> bool:
        """Shown on `on`: its publication period has not ended."""
        return on <= self.unpublish_after


@dataclass
class Site:
    """Everything loaded from the content folders."""

    registry: Registry
    brands: dict[str, Brand] = field(default_factory=dict)  # by slug, sorted
    stories: dict[Path, Story] = field(default_factory=dict)  # by source path
    award_lists: dict[tuple[str, int], AwardList] = field(default_factory=dict)  # by (program, edition)
    cases: dict[str, Case] = field(default_factory=dict)  # by slug, every file's (see published_cases)

    def published_cases(self, on: date) -> list[Case]:
        """The cases shown on `on`, newest first: the build writes no other."""
        shown = [case for case in self.cases.values() if case.is_published(on)]
        return sorted(shown, key=lambda c: (c.date, c.slug), reverse=True)

    def award_list(self, program: str, edition: int) -> AwardList | None:
        return self.award_lists.get((program, edition))
