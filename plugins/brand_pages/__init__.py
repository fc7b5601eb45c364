"""Pelican plugin: brand pages, the directory, facet and award pages.

The registry is parsed and checked by `brand_registry`; this package only
wires it into Pelican and its templates.
"""

from jinja2 import pass_context
from pelican import signals

from .generator import BrandPagesGenerator
from .urls import url_for


@pass_context
def picture(context, image, main=False, sizes="100vw", class_="", alt=None):
    """Template global: the markup that shows a registry image."""
    return context["image_publisher"].markup(
        image, context["SITEURL"], main=main, sizes=sizes, class_=class_, alt=alt
    )


def configure(pelican) -> None:
    settings = pelican.settings
    if not settings["JINJA_ENVIRONMENT"].get("autoescape"):
        raise RuntimeError("JINJA_ENVIRONMENT must set autoescape=True: editors' text is untrusted")
    settings["JINJA_GLOBALS"] = {**settings["JINJA_GLOBALS"], "url_for": url_for, "picture": picture}


def install_translations(generator) -> None:
    env = generator.env
    if "jinja2.ext.InternationalizationExtension" in env.extensions and "gettext" not in env.globals:
        env.install_null_translations(newstyle=True)


def get_generators(pelican):
    return BrandPagesGenerator


def register():
    signals.initialized.connect(configure)
    signals.generator_init.connect(install_translations)
    signals.get_generators.connect(get_generators)
