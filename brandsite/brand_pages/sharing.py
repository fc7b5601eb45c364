"""What search engines and link previews read: share images and JSON-LD.

Pure helpers: they take the model and ready-made URLs, and know nothing of
Pelican. JSON-LD is written with `jsonsafe.dumps`, so a `</script>` in an
editor's text cannot end the script element.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from brandsite.brand_registry.jsonsafe import dumps
from brandsite.brand_registry.model import BASE_LANG, Brand, Registry

DEFAULT_SHARE_IMAGE = ("images/share.png", 1200, 630)  # under the theme's static folder


@dataclass(frozen=True)
class ShareImage:
    """The picture a link preview shows; `path` is relative to the site root."""

    path: str
    width: int
    height: int
    alt: str = ""

    @property
    def card(self) -> str:
        """The Twitter card that suits the picture's shape."""
        wide = self.width >= 600 and self.width >= 1.3 * self.height
        return "summary_large_image" if wide else "summary"


def json_ld(data: dict) -> Markup:
    """A <script type="application/ld+json"> element holding `data`."""
    return Markup('<script type="application/ld+json">') + Markup(dumps(data)) + Markup("</script>")


def brand_graph(
    brand: Brand,
    registry: Registry,
    page_url: str,
    logo_url: str | None = None,
    image_url: str | None = None,
    lang: str = BASE_LANG,
) -> dict:
    """schema.org: the Brand, and the Organization that owns it (Organization.brand).

    In another language the twin's texts (index.<lang>.md) where it gives them."""
    brand_id, owner_id = f"{page_url}#brand", f"{page_url}#owner"
    twin = brand.translations.get(lang) if lang != BASE_LANG else None
    name = brand.name_in(lang)
    node = {
        "@type": "Brand",
        "@id": brand_id,
        "name": name,
        "description": (twin.summary if twin else "") or brand.summary,
        "url": page_url,
    }
    other = brand.name if name != brand.name else brand.name_en
    if other:
        node["alternateName"] = other
    if logo_url:
        node["logo"] = logo_url
    if image_url:
        node["image"] = image_url
    if brand.tags:
        node["keywords"] = ", ".join(brand.tags)
    owner_name = (twin.owner if twin else "") or brand.owner
    owner = {"@type": "Organization", "@id": owner_id, "name": owner_name, "brand": {"@id": brand_id}}
    contact = brand.contact
    for key, value in (
        ("url", contact.website),
        ("telephone", contact.phone),
        ("email", contact.email),
        ("address", (twin.address if twin else "") or contact.address),
    ):
        if value:
            owner[key] = value
    region = registry.regions.get(brand.region)
    if region:
        owner["areaServed"] = {"@type": "AdministrativeArea", "name": region.name_in(lang)}
    return {"@context": "https://schema.org", "@graph": [node, owner]}


def article_data(
    *,
    headline: str,
    url: str,
    published: str,
    modified: str | None,
    description: str,
    lang: str,
    author: str,
    publisher: str,
    image_url: str | None = None,
    about: list[tuple[str, str]] = (),
) -> dict:
    """schema.org Article for a story; `about` is (name, page URL) of its brands."""
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": headline,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": published,
        "dateModified": modified or published,
        "inLanguage": lang,
        "author": {"@type": "Organization", "name": author},
        "publisher": {"@type": "Organization", "name": publisher},
    }
    if description:
        data["description"] = description
    if image_url:
        data["image"] = [image_url]
    if about:
        data["about"] = [
            {"@type": "Brand", "@id": f"{link}#brand", "name": name, "url": link} for name, link in about
        ]
    return data
