"""What each page shows, computed from the loaded Site (no Pelican here)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from brandsite.brand_registry.model import AwardList, AwardProgram, Brand, Registry, Site
from brandsite.brand_registry.standards import KINDS, CitedStandard, kind
from brandsite.brand_registry.twin import licence_key


def sorted_brands(brands) -> list[Brand]:
    """Current brands first, then by slug: a stable, meaningful order."""
    return sorted(brands, key=lambda b: (not b.is_current, b.slug))


def featured(site: Site, slugs: list[str] | None, limit: int = 6) -> list[Brand]:
    """The home page's brands: the configured ones in their order, then current brands
    with a cover photo (award winners first, newest award first), then other current ones."""
    chosen = [site.brands[s] for s in slugs or [] if s in site.brands]
    listed = {b.slug for b in chosen}  # by slug: comparing Brands compares every field
    current = [b for b in site.brands.values() if b.is_current and b.slug not in listed]
    current.sort(key=lambda b: (b.cover is None, -max((a.edition for a in b.awards), default=0), b.slug))
    return (chosen + current)[: max(limit, len(chosen))]


def region_codes(registry: Registry, code: str) -> list[str]:
    """The region and its parents, outermost first."""
    return [region.code for region in registry.region_chain(code)]


def brands_by_region(site: Site) -> dict[str, list[Brand]]:
    """For each region with brands: its brands and those of every region under it, sorted."""
    found: dict[str, list[Brand]] = {}
    for brand in site.brands.values():
        for code in region_codes(site.registry, brand.region):
            found.setdefault(code, []).append(brand)
    return {code: sorted_brands(brands) for code, brands in found.items()}


def region_tree(site: Site) -> list[tuple]:
    """(region, brand count, depth) for every region, parents before children."""
    registry = site.registry
    counts = Counter(code for b in site.brands.values() for code in region_codes(registry, b.region))
    rows = []

    def walk(regions, depth: int) -> None:
        for region in regions:
            rows.append((region, counts[region.code], depth))
            walk(registry.region_children(region.code), depth + 1)

    roots = [r for r in registry.regions.values() if r.parent not in registry.regions]
    walk(sorted(roots, key=lambda r: r.code), 0)
    return rows


def facet_counts(site: Site) -> dict[str, list]:
    registry = site.registry
    brands = site.brands.values()
    by_category = Counter(b.category for b in brands)
    by_cert = Counter(t for b in brands for t in {c.type for c in b.certifications})
    by_award = Counter((a.program, a.edition) for b in brands for a in set(b.awards))
    awards = []
    for program in registry.award_programs.values():
        for edition in program.editions:
            awards.append((program, edition, by_award[(program.id, edition.number)]))
    return {
        "regions": [(r, n) for r, n, _ in region_tree(site)],
        "categories": [(c, by_category[c.id]) for c in registry.categories.values()],
        "certifications": [(t, by_cert[t.id]) for t in registry.certification_types.values()],
        "awards": awards,
    }


def brand_rows(brand: Brand, registry: Registry, as_of: date) -> dict:
    """The tables of a brand page."""
    certifications = [
        {"cert": c, "type": registry.certification_types[c.type], "expired": c.is_expired(as_of)}
        for c in brand.certifications
    ]
    awards = []
    for award in brand.awards:
        program = registry.award_programs[award.program]
        awards.append({"award": award, "program": program, "edition": program.edition(award.edition)})
    licences = [
        {"licensee": lic, "state": lic.state(as_of, brand.status)}
        for lic in sorted(brand.licensees, key=lambda lic: (lic.name, lic.license))
    ]
    return {
        "region_chain": registry.region_chain(brand.region),
        "category": registry.categories[brand.category],
        "certification_rows": certifications,
        "award_rows": awards,
        "licence_rows": licences,
    }


def regions_and_categories(brands, registry: Registry) -> tuple[list, list]:
    """Every region (with its parents) and category of `brands`, each once, in order."""
    regions = {r.code: r for b in brands for r in registry.region_chain(b.region)}
    categories = {
        b.category: registry.categories[b.category] for b in brands if b.category in registry.categories
    }
    return list(regions.values()), list(categories.values())


def award_recipients(site: Site, program_id: str, number: int) -> list[dict]:
    """Winners of one edition: the enterprise named on the award, else the brand's owner."""
    rows = []
    for brand in sorted(site.brands.values(), key=lambda b: b.slug):
        for award in brand.awards:
            if award.program == program_id and award.edition == number:
                rows.append({"brand": brand, "recipient": award.recipient or brand.owner})
    return rows


def edition_count(site: Site, program_id: str, number: int) -> int:
    """How many the edition's page lists: its file's winners, else the brands' awards."""
    found = site.award_list(program_id, number)
    return len(found.winners) if found else len(award_recipients(site, program_id, number))


def award_index(site: Site, as_of: date) -> list[tuple]:
    """(program, [(edition, count, award list or None, phase or None)]) for /awards/."""
    items = []
    for program in site.registry.award_programs.values():
        editions = []
        for edition in program.editions:
            found = site.award_list(program.id, edition.number)
            count = edition_count(site, program.id, edition.number)
            editions.append((edition, count, found, found.phase(as_of) if found else None))
        items.append((program, editions))
    return items


def winner_tiers(site: Site, found: AwardList) -> list[tuple[str, list[dict]]]:
    """The list by tier: each winner with its brand (or None) and its region's chain."""
    registry = site.registry
    return [
        (
            tier,
            [
                {
                    "winner": w,
                    "brand": site.brands.get(w.brand) if w.brand else None,
                    "region_chain": registry.region_chain(w.region),
                }
                for w in winners
            ],
        )
        for tier, winners in found.tiers()
    ]


def open_notices(site: Site, as_of: date) -> list[tuple[AwardProgram, AwardList]]:
    """Editions whose proposed list is under notice on `as_of` (the home page's banner)."""
    found = []
    for award_list in site.award_lists.values():
        program = site.registry.award_programs.get(award_list.program)
        if program and award_list.phase(as_of) == "open":
            found.append((program, award_list))
    return found


def brand_award_lists(site: Site, brand: Brand) -> list[AwardList]:
    """The edition files a brand page shows awards or proposed awards from (its inputs)."""
    keys = {(a.program, a.edition) for a in brand.awards}
    keys |= {key for key, found in site.award_lists.items() if found.winners_of(brand.slug)}
    return [site.award_lists[key] for key in sorted(keys) if key in site.award_lists]


def proposed_awards(site: Site, brand: Brand, as_of: date) -> list[dict]:
    """The brand's winners on lists still under notice: proposed, not yet awarded."""
    rows = []
    for found in site.award_lists.values():
        program = site.registry.award_programs.get(found.program)
        if found.stage != "notice" or program is None:
            continue
        for winner in found.winners_of(brand.slug):
            edition = program.edition(found.edition)
            phase = found.phase(as_of)
            rows.append(
                {"program": program, "edition": edition, "winner": winner, "list": found, "phase": phase}
            )
    return rows


@dataclass(frozen=True)
class BrandText:
    """What a brand page says about the brand, in the page's language if it can."""

    name: str
    summary: str
    body: str  # Markdown
    translated: bool  # False: the page's language has no text, only registry facts


def brand_text(brand: Brand, lang: str, default_lang: str) -> BrandText:
    if lang == default_lang:
        return BrandText(brand.name, brand.summary, brand.body, True)
    translation = brand.translations.get(lang)
    if translation:
        return BrandText(translation.name, translation.summary, translation.body, True)
    return BrandText(brand.name_in(lang), "", "", False)


def search_terms(names) -> str:
    """Every suffix of every name, space-separated, for a Pagefind meta field.

    Pagefind splits Chinese page text with one dictionary and the visitor's
    query with the browser's: `哈密瓜` may be indexed as `哈密|瓜` and searched
    as one word. Meta words are matched by prefix, so listing the suffixes of
    a brand's name makes any part of it (`香梨`, `薰衣草`) find the page.
    """
    words = dict.fromkeys(name[i:] for name in names for i in range(len(name)) if not name[i].isspace())
    return " ".join(words)


def directory_entry(
    brand: Brand,
    registry: Registry,
    lang: str,
    url: str,
    logo: tuple[str, int, int] | None,
    default_tag: str,
    standard_slugs: dict[str, str] | None = None,
) -> dict:
    """One brand of the directory's script data (brands/directory.json): what its card
    shows in `lang` and what the filter matches, as the brand_card macro writes them."""
    standard_slugs = standard_slugs or {}
    chain = registry.region_chain(brand.region)
    category = registry.categories.get(brand.category)
    title = brand.name_in(lang)
    if title != brand.name:
        other, other_lang = brand.name, default_tag
    else:
        other, other_lang = brand.name_en, "en"
    return {
        "url": url,
        "name": title,
        "other_name": other,
        "other_lang": other_lang if other else "",
        "initial": brand.name[:1],
        "logo": list(logo) if logo else None,
        "status": brand.status,
        "current": brand.is_current,
        "place": chain[-1].name_in(lang) if chain else "",
        "category_name": category.name_in(lang) if category else "",
        "summary": brand.summary_in(lang),
        # What the filter matches (the cards' data-* attributes)
        "text": " ".join([brand.name, brand.name_en, brand.owner]).lower(),
        "regions": [region.code for region in chain] or [brand.region],
        "category": brand.category,
        "certs": list(dict.fromkeys(c.type for c in brand.certifications)),
        "awards": [f"{a.program}:{a.edition}" for a in brand.awards],
        "standards": list(dict.fromkeys(standard_slugs.get(s.key, "") for s in brand.standards)),
    }


@dataclass(frozen=True)
class Said:
    """A text a page shows, and whether it is in the page's language (else in the registry's)."""

    text: str | tuple[str, ...]
    native: bool = True


def _said(english, chinese, lang: str, default_lang: str) -> Said:
    if lang == default_lang:
        return Said(chinese)
    return Said(english, True) if english else Said(chinese, not chinese)


def brand_words(brand: Brand, lang: str, default_lang: str, standard_slugs: dict[str, str]) -> dict:
    """What a brand page says beyond its name and body, in `lang` where the twin gives it."""
    twin = brand.translations.get(lang) if lang != default_lang else None

    def said(english, chinese) -> Said:
        return _said(english if twin else "", chinese, lang, default_lang)

    licensees = {}
    for lic in brand.licensees:
        found = twin.licensees.get(licence_key(lic.license)) if twin else None
        licensees[lic.license] = {
            "name": said(found.name if found else "", lic.name),
            "products": said(found.products if found else (), lic.products),
        }
    gallery = []
    for image in brand.gallery:
        found = twin.images.get(image.src) if twin else None
        gallery.append(
            {
                "image": image,
                "alt": said(found.alt if found else "", image.alt),
                "caption": said(found.caption if found else "", image.caption),
            }
        )
    return {
        "owner": said(twin.owner if twin else "", brand.owner),
        "address": said(twin.address if twin else "", brand.contact.address),
        "issuers": {
            c.number: said(twin.issuers.get(c.number, "") if twin else "", c.issuer)
            for c in brand.certifications
        },
        "licensees": licensees,
        "gallery": gallery,
        "standard_rows": [
            {
                "standard": s,
                "slug": standard_slugs.get(s.key, ""),
                "kind": kind(s.code),
                "title": said(twin.standard_titles.get(s.key, "") if twin else "", s.title),
            }
            for s in brand.standards
        ],
    }


def standard_groups(standards: list[CitedStandard]) -> list[tuple[str, list[CitedStandard]]]:
    """The standards by kind, in KINDS order; unrecognised ones last (kind "")."""
    groups: dict[str, list[CitedStandard]] = {}
    for standard in standards:
        groups.setdefault(standard.kind, []).append(standard)
    return [(k, groups[k]) for k in (*KINDS, "") if k in groups]
