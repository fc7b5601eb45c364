"""Development settings: `make html`, `make devserver`, `make check`."""

from pathlib import Path

PROJECT_ROOT = str(Path(__file__).resolve().parent)

SITENAME = "新疆区域公共品牌名录"
SITENAME_EN = "Xinjiang Regional Public Brand Registry"
SITE_DESCRIPTION = "自治区区域公共品牌登记信息、质量认证、质量奖与授权使用企业的公开名录。"
SITE_DESCRIPTION_EN = (
    "The public registry of the autonomous region's regional public brands: "
    "certifications, quality awards and the enterprises licensed to use each mark."
)
AUTHOR = "自治区质量品牌促进中心"
SITEURL = ""
RELATIVE_URLS = True
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh"
# Languages of the interface: code -> (BCP 47 tag, the language's own name).
# The default language's pages sit at the root, the others under /<code>/.
LANGUAGES = {"zh": ("zh-CN", "中文"), "en": ("en", "English")}
# UI message catalogues: translations/<code>/LC_MESSAGES/messages.po (`make translations`).
TRANSLATIONS_PATH = str(Path(PROJECT_ROOT) / "translations")
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

# Where things are. Pelican resolves relative paths against this file's folder.
PATH = "content"
BRANDS_PATH = str(Path(PROJECT_ROOT) / "brands")
ARTICLE_PATHS = ["stories"]
PAGE_PATHS = ["pages"]
# content/images/ is copied as it is (documents), except its pictures: they are
# published only as thumbnails (originals may carry GPS positions and other EXIF).
STATIC_PATHS = ["images"]
THEME = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["story_reader", "site_i18n", "brand_pages", "registry_data"]

# The registry: brands shown first on the home page (empty: award winners first).
FEATURED_BRANDS = ["korla-fragrant-pear", "aksu-apple", "turpan-raisins"]
# The day licence and certificate validity is computed for (None: the build's day,
# or SOURCE_DATE_EPOCH). Pages also recompute it in the visitor's browser.
REGISTRY_AS_OF = None

# Images (plugins/thumbnails): every image a page shows is published as AVIF and
# WebP plus a JPEG (PNG when it has transparency) in these widths, never wider
# than the original. Derivatives are cached in THUMBNAIL_CACHE_PATH (relative
# to this folder; the THUMBNAIL_CACHE_PATH environment variable wins) and only
# made again when the original or a setting that shapes them changes.
THUMBNAILS = True  # False: publish originals unprocessed (previews only: they keep EXIF/GPS)
THUMBNAIL_WIDTHS = [320, 640, 960, 1280, 1920]
THUMBNAIL_QUALITY = {"avif": 75, "webp": 80, "jpeg": 80}
THUMBNAIL_AVIF_SPEED = 9  # libaom 0..10: higher is faster (9: same size as 8, twice as fast)
THUMBNAIL_WEBP_METHOD = 5  # libwebp 0..6: higher is slower and smaller (6: 3% below 5, twice as slow)
THUMBNAIL_OG_WIDTH = 1200  # the Open Graph JPEG of logos and covers
THUMBNAIL_CACHE_PATH = ".cache/images"
THUMBNAIL_WORKERS = 0  # processes; 0: one per core

# Stories are articles; URLs are folders so they stay stable and readable.
# `content/stories/<slug>.en.md` is the English translation of `<slug>.md`.
SLUGIFY_SOURCE = "basename"
ARTICLE_URL = "stories/{slug}/"
ARTICLE_SAVE_AS = "stories/{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/stories/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/stories/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
AUTHOR_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "search"]
SEARCH_SAVE_AS = "search/index.html"
SEARCH_URL = "search/"
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""

# Long lists are paginated, so that no page grows with the registry: the first
# page keeps the list's address, the next ones are <list>/page/2/, ... (a page
# size of 0 lists everything on one page).
BRANDS_PER_PAGE = 60  # the brand directory and each region, category and certification
DEFAULT_PAGINATION = 50  # stories, in the story lists below
PAGINATED_TEMPLATES = {"archives": None, "category": None, "tag": None}  # None: DEFAULT_PAGINATION
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
# The story lists: the archive, each category and each tag, at these (folder) URLs.
# plugins/site_i18n writes them page by page in every language, so Pelican must
# not write them itself: no "archives" in DIRECT_TEMPLATES, no *_SAVE_AS.
ARCHIVES_URL = "stories/"
CATEGORY_URL = "stories/category/{slug}/"
CATEGORY_SAVE_AS = ""
TAG_URL = "stories/tag/{slug}/"
TAG_SAVE_AS = ""

# Feeds need the site's absolute address, so they are part of production builds
# only (publishconf.py); a development build has relative links.
FEED_ALL_ATOM = None
REGISTRY_FEED_ATOM = None
CASES_FEED_ATOM = None  # publishconf.py: the exposed violation cases
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
# sitemap.xml needs absolute addresses too: production only (publishconf.py).
SITEMAP = False

# Every template escapes what editors write.
JINJA_ENVIRONMENT = {
    "autoescape": True,
    "extensions": ["jinja2.ext.i18n"],
    "trim_blocks": True,
    "lstrip_blocks": True,
}

# Compiled templates are cached in CACHE_PATH (keyed by the Jinja options above):
# rebuilds in `make devserver` skip most of the template work.
TEMPLATE_BYTECODE_CACHE = True
# Pages are rendered by forked copies of the build, one per core (RENDER_WORKERS = 0),
# when there are at least RENDER_PARALLEL_MIN of them to write at once.
RENDER_WORKERS = 0
RENDER_PARALLEL_MIN = 200
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
CACHE_PATH = ".cache/pelican"
DELETE_OUTPUT_DIRECTORY = False
# Files an operator keeps in output/ (a deploy checkout, a domain file, ACME
# challenges): brandsite.build.driver carries them over to each new output/. Top-level names.
OUTPUT_RETENTION = [".git", "CNAME", ".well-known"]
# Hidden files (.DS_Store, .htaccess) are never read nor published.
IGNORE_FILES = [".*"]
LOG_FILTER = []
# Markdown only (story_reader); docutils would also warn that it lacks Chinese.
READERS = {"rst": None, "html": None, "htm": None}
