"""The content model: every field editors write, declared once.

Validation (brand_file, licensees, stories) reads its limits, choices and
required fields from here; brand.schema.json (schema.py), the field tables of
docs/content-model.md (editor/model_docs.py) and the scaffold templates (checked
by tests/brand_registry/test_content_model.py) follow it too. A declaration is
data: what a field is, never how it is checked beyond that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

# What a field holds. "id": an id (or code) of the `registry` section of
# brands/_registry.yaml; "image": a file of the bundle (of content/ for stories);
# "texts": a list of texts (one text is a list of one); "items": a list of groups
# whose fields `items` declares; "images": a list of file names or such groups;
# "group": one such group; "choice": one of `choices`; "slug": a-z, 0-9 and -;
# "uscc": a unified social credit code (uscc.py).
KINDS = (
    "text",
    "date",
    "integer",
    "id",
    "image",
    "texts",
    "items",
    "images",
    "group",
    "choice",
    "slug",
    "boolean",
    "uscc",
)
NO_FIELDS: MappingProxyType = MappingProxyType({})


@dataclass(frozen=True)
class Field:
    """One field: its kind, limits, and what it means in Chinese and English."""

    name: str
    kind: str
    zh: str
    en: str
    required: bool = False
    default: str = ""
    max_length: int | None = None  # None: fields.MAX_TEXT
    choices: tuple[str, ...] = ()
    registry: str = ""  # kind "id": the section of brands/_registry.yaml
    items: Group = field(default_factory=lambda: NO_FIELDS)
    published: bool = True  # in the open-data record (brand.schema.json)
    schema: dict[str, Any] = field(default_factory=dict)  # what the record's schema adds


Group = MappingProxyType[str, Field]  # name -> Field, in the order editors write them


def group(*fields: Field) -> Group:
    """Fields by name, in declaration order (read-only)."""
    return MappingProxyType({f.name: f for f in fields})


def required(fields: Group) -> tuple[str, ...]:
    """The names of the required fields, in order."""
    return tuple(name for name, f in fields.items() if f.required)


GALLERY = group(
    Field("src", "image", "图片文件", "image file", required=True),
    Field("alt", "text", "替代文字：写清图片里有什么", "alt text: what the picture shows"),
    Field("caption", "text", "图片说明", "caption"),
)

CERTIFICATION = group(
    Field("type", "id", "认证类型", "certification type", required=True, registry="certification_types"),
    Field(
        "number", "text", "证书编号，加引号", "certificate number, in quotes", required=True, max_length=100
    ),
    Field("issuer", "text", "发证机构", "issuer", required=True, max_length=200),
    Field("issued", "date", "发证日期", "date issued", required=True),
    Field("expires", "date", "有效期至", "expires on"),
)

STANDARD = group(
    Field("code", "text", "标准编号", "code", required=True, max_length=100),
    Field("title", "text", "标准名称", "title", max_length=300),
)

AWARD = group(
    Field("program", "id", "奖项", "award program", required=True, registry="award_programs"),
    Field("edition", "integer", "届次", "edition", required=True, schema={"minimum": 1}),
    Field("recipient", "text", "获奖单位", "the enterprise that won", max_length=200),
)

LICENSEE = group(
    Field("name", "text", "企业名称", "enterprise", required=True, max_length=200, schema={"minLength": 1}),
    Field(
        "license",
        "text",
        "授权编号，全库唯一，加引号",
        "licence number, unique in the registry",
        required=True,
        max_length=100,
        schema={
            "minLength": 1,
            "description": "Unique across the registry (compared without spaces, full-width forms or case)",
        },
    ),
    Field("valid_from", "date", "授权起始日", "valid from", required=True),
    Field("valid_to", "date", "授权截止日", "valid to", required=True),
    Field("products", "texts", "授权产品", "products"),
    Field(
        "uscc",
        "uscc",
        "企业的统一社会信用代码",
        "the enterprise's unified social credit code",
        published=False,
    ),
)
# The header the messages suggest for licensees.csv; optional columns may follow it.
CSV_HEADER = ("name", "license", "valid_from", "valid_to", "products")
CSV_SEPARATORS = ";；、"  # between the products of one cell

CONTACT = group(
    Field(
        "website",
        "text",
        "网站，以 https:// 或 http:// 开头",
        "website, starting with https:// or http://",
        max_length=500,
    ),
    Field("phone", "text", "电话，加引号", "phone, in quotes", max_length=50),
    Field("email", "text", "电子邮箱", "e-mail", max_length=200),
    Field("address", "text", "地址", "address", max_length=300),
)

SUMMARY_MAX = 200

BRAND = group(
    Field(
        "name", "text", "品牌名称", "the brand's name", required=True, max_length=200, schema={"minLength": 1}
    ),
    Field("name_en", "text", "英文名称", "English name", max_length=200),
    Field("category", "id", "类别", "category", required=True, registry="categories"),
    Field("region", "id", "地区代码，加引号", "region code in quotes", required=True, registry="regions"),
    Field(
        "owner",
        "text",
        "品牌持有单位",
        "the body that holds the brand",
        required=True,
        max_length=200,
        schema={"minLength": 1, "description": "The body that holds the brand"},
    ),
    Field("summary", "text", "一句话介绍", "one sentence", required=True, max_length=SUMMARY_MAX),
    Field(
        "status",
        "choice",
        "状态",
        "status",
        default="active",
        choices=("active", "suspended", "revoked"),
        schema={"description": "Licences of a brand that is not active are not valid"},
    ),
    Field("registered", "date", "登记日期", "date it entered the registry", required=True),
    Field("updated", "date", "更新日期", "date of the last change"),
    Field("logo", "image", "标志，正方形 PNG", "logo, a square PNG"),
    Field("cover", "image", "封面图，横图", "cover, landscape"),
    Field("gallery", "images", "图集", "photo gallery", items=GALLERY, published=False),
    Field("certifications", "items", "认证", "certifications", items=CERTIFICATION),
    Field("standards", "items", "执行标准", "standards", items=STANDARD),
    Field("awards", "items", "质量奖", "quality awards", items=AWARD),
    Field(
        "licensees",
        "items",
        "授权使用单位",
        "licensees",
        items=LICENSEE,
        schema={"description": "Enterprises licensed to use the mark, by licence number"},
    ),
    Field("contact", "group", "联系方式", "contact", items=CONTACT),
    Field("tags", "texts", "标签", "tags"),
)

# index.en.md: the English twin of a brand's index.md (and its body). Each item of its
# lists translates the item of index.md that its first field names (src, number, code,
# license), or without it the item at the same position; never more items than there.
TRANSLATED_GALLERY = group(
    Field("src", "text", "所译图片的文件名；不写则按顺序对应", "the picture it translates; else by position"),
    Field("alt", "text", "英文替代文字", "alt text in English"),
    Field("caption", "text", "英文图片说明", "caption in English"),
)
TRANSLATED_CERTIFICATION = group(
    Field(
        "number",
        "text",
        "所译认证的证书编号；不写则按顺序对应",
        "certificate number of the one it translates; else by position",
        max_length=100,
    ),
    Field("issuer", "text", "发证机构的英文名称", "issuer in English", max_length=200),
)
TRANSLATED_STANDARD = group(
    Field(
        "code",
        "text",
        "所译标准的编号；不写则按顺序对应",
        "code of the standard it translates; else by position",
        max_length=100,
    ),
    Field("title", "text", "标准的英文名称", "title in English", max_length=300),
)
TRANSLATED_LICENSEE = group(
    Field(
        "license",
        "text",
        "所译单位的授权编号；不写则按顺序对应",
        "licence number of the licensee it translates; else by position",
        max_length=100,
    ),
    Field("name", "text", "企业的英文名称", "enterprise in English", max_length=200),
    Field("products", "texts", "授权产品的英文名称", "products in English"),
)
TRANSLATED_CONTACT = group(Field("address", "text", "英文地址", "address in English", max_length=300))
TRANSLATION = group(
    Field("name", "text", "品牌的英文名称", "the brand's name in English", required=True, max_length=200),
    Field("summary", "text", "英文的一句话介绍", "one sentence in English", max_length=SUMMARY_MAX * 3),
    Field(
        "owner", "text", "品牌持有单位的英文名称", "the body that holds the brand, in English", max_length=200
    ),
    Field("gallery", "items", "图集的英文说明", "the gallery's texts in English", items=TRANSLATED_GALLERY),
    Field(
        "certifications",
        "items",
        "认证的英文",
        "the certifications' texts in English",
        items=TRANSLATED_CERTIFICATION,
    ),
    Field(
        "standards", "items", "标准的英文名称", "the standards' titles in English", items=TRANSLATED_STANDARD
    ),
    Field("licensees", "items", "授权使用单位的英文", "the licensees in English", items=TRANSLATED_LICENSEE),
    Field("contact", "group", "联系方式的英文", "contact details in English", items=TRANSLATED_CONTACT),
)

STORY = group(
    Field("title", "text", "标题", "title", required=True, max_length=300),
    Field("date", "date", "发布日期", "date", required=True),
    Field("modified", "date", "修改日期", "date of the last change"),
    Field("category", "text", "栏目", "category", max_length=100),
    Field("brands", "texts", "相关品牌的网址名", "slugs of the brands it is about"),
    Field("tags", "texts", "标签", "tags"),
    Field("summary", "text", "一句话摘要", "one-sentence summary", max_length=1000),
    Field("cover", "image", "封面图，content/ 下的文件", "cover, a file under content/"),
    Field(
        "lang",
        "choice",
        "语言，英文故事写 en",
        "language, en for a story in English",
        default="zh",
        choices=("zh", "en"),
    ),
    Field("status", "choice", "发布状态", "publication status", choices=("published", "draft", "hidden")),
    Field("slug", "slug", "网址名，默认为文件名", "slug, the file name unless given"),
    Field("translation", "boolean", "是另一篇故事的译文", "is a translation of another story"),
    Field("author", "text", "作者", "author", max_length=100),
)
# content/awards/<program>/<edition>.md: the official list of one edition of an award.
NOTICE = group(
    Field("published", "date", "公示发布日期", "day the notice was published", required=True),
    Field(
        "objections_until", "date", "受理异议的最后一天", "last day objections are accepted", required=True
    ),
    Field(
        "office", "text", "受理异议的机构", "the office that takes objections", required=True, max_length=200
    ),
    Field("phone", "text", "联系电话，加引号", "phone, in quotes", max_length=50),
    Field("address", "text", "通信地址", "postal address", max_length=300),
    Field("email", "text", "电子邮箱", "e-mail", max_length=200),
)
DECISION = group(
    Field(
        "document", "text", "授奖决定文号", "number of the decision document", required=True, max_length=100
    ),
    Field("date", "date", "授奖决定日期", "date of the decision", required=True),
)
WINNER = group(
    Field("name", "text", "获奖单位或个人名称", "name of the winner", required=True, max_length=200),
    Field(
        "tier",
        "choice",
        "奖别：质量奖或提名奖",
        "tier: the award or a nomination",
        default="award",
        choices=("award", "nomination"),
    ),
    Field(
        "kind",
        "choice",
        "组织或个人",
        "an organization or an individual",
        default="organization",
        choices=("organization", "individual"),
    ),
    Field("region", "id", "地区代码，加引号", "region code in quotes", required=True, registry="regions"),
    Field("industry", "text", "所属行业", "industry", max_length=100),
    Field("brand", "slug", "登记品牌的网址名", "slug of a registry brand"),
    Field(
        "uscc", "uscc", "组织的统一社会信用代码（个人不填）", "the organization's USCC (none for individuals)"
    ),
    Field("citation", "text", "一句话获奖理由", "one-sentence citation", max_length=500),
)
AWARD_EDITION = group(
    Field("program", "id", "奖项", "award program", required=True, registry="award_programs"),
    Field(
        "edition",
        "integer",
        "届次，须在 _registry.yaml 中登记",
        "edition, listed in _registry.yaml",
        required=True,
    ),
    Field(
        "stage",
        "choice",
        "阶段：拟授奖名单公示或已授奖",
        "stage: proposed list under notice, or awarded",
        required=True,
        choices=("notice", "awarded"),
    ),
    Field("notice", "group", "公示", "public notice", items=NOTICE),
    Field("decision", "group", "授奖决定", "award decision", items=DECISION),
    Field("winners", "items", "名单", "the list of winners", required=True, items=WINNER),
)

# content/cases/<slug>.md: a quality violation made public (曝光), until its period ends.
CASE = group(
    Field("title", "text", "案件标题", "title of the case", required=True, max_length=300),
    Field("date", "date", "在本站发布的日期", "day it is published on the site", required=True),
    Field("decided", "date", "行政处罚决定日期", "date of the penalty decision", required=True),
    Field("authority", "text", "作出处罚的机关", "the authority that decided", required=True, max_length=200),
    Field("document", "text", "处罚决定书文号", "number of the decision document", max_length=100),
    Field(
        "party",
        "text",
        "当事人；个人只公布姓氏加“某”",
        "the party; an individual's name is published masked",
        required=True,
        max_length=200,
    ),
    Field(
        "party_kind",
        "choice",
        "当事人类型：单位或个人",
        "the party is an organization or an individual",
        required=True,
        choices=("organization", "individual"),
    ),
    Field("region", "id", "地区代码，加引号", "region code in quotes", required=True, registry="regions"),
    Field("violations", "texts", "违法行为", "what the party did wrong", required=True),
    Field("legal_basis", "texts", "处罚依据", "legal basis"),
    Field("penalty", "text", "处罚内容", "the penalty", required=True, max_length=1000),
    Field("brands", "texts", "被冒用标志的品牌网址名", "slugs of the brands whose mark was misused"),
    Field(
        "unpublish_after",
        "date",
        "公示期满日：此日之后撤下",
        "last day of the publication period: taken down after it",
        required=True,
    ),
)

# content/pages/: the same rules as a story's, fewer fields.
PAGE = group(
    *(STORY[name] for name in ("title", "slug", "lang", "translation", "status", "summary", "modified"))
)
