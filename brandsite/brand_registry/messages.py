"""Every message an editor can see, in Chinese and English, in one catalogue.

Code names a message by its key and passes the values it needs:
`msg("not_a_date", value="2024-13-01")`. A value that is itself a Message
(a "did you mean" hint, an image problem inside a body error) is rendered in
the language of the message around it. Add new messages here, in both
languages: editors read the Chinese, the English keeps the logs greppable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Message:
    en: str
    zh: str = ""  # "" only for text that has no translation yet

    def __str__(self) -> str:
        return self.en


EMPTY = Message("", "")

# key: (English, 中文)
CATALOGUE: dict[str, tuple[str, str]] = {
    # -- values (fields.py) ---------------------------------------------------
    "required": ("is required", "必须填写"),
    "missing_field": (
        "is required; add it to the front matter",
        "必须填写，请在文件头（开头两行 --- 之间）加上这一项",
    ),
    "unknown_field": ("unknown field{hint}", "没有这个字段{hint}，请检查拼写"),
    "did_you_mean": (' (did you mean "{choice}"{label}?)', "（是不是 “{choice}”{label}？）"),
    "not_text": ("must be text", "必须是文字"),
    "not_text_bool": ("must be text (put it in quotes)", "必须是文字（请加上引号）"),
    "too_long": ("is {length} characters long; the limit is {limit}", "有 {length} 个字，最多 {limit} 个字"),
    "not_a_date": (
        '"{value}" is not a date; write it as YYYY-MM-DD',
        "“{value}” 不是有效日期，请写成 YYYY-MM-DD，例如 2024-05-20",
    ),
    "not_a_number": ('"{value}" is not a whole number', "“{value}” 不是整数"),
    "not_a_list": ("must be a list, e.g. [a, b]", "必须是列表，例如 [甲, 乙]"),
    "not_a_list_of_items": (
        "must be a list (each item on a line starting with '- ')",
        "必须是列表（每项单独一行，以 “- ” 开头）",
    ),
    "not_a_group": ("must be a group of 'field: value' lines", "必须是若干 “字段: 值” 行组成的一组"),
    "given_twice": ("is given twice; keep one", "写了两次，请只保留一个"),
    "not_one_of": ('"{value}" must be one of: {choices}', "“{value}” 必须是以下之一：{choices}"),
    "before": ("{value} is before {other} ({other_value})", "{value} 早于{other}（{other_value}）"),
    "after": ("{value} is after {other} ({other_value})", "{value} 晚于{other}（{other_value}）"),
    # -- reading files (frontmatter.py) ------------------------------------------
    "yaml_alias": (
        "YAML aliases (*name) are not allowed; write the value out",
        "不能使用 YAML 别名（*名称），请把内容完整写出来",
    ),
    "too_many_values": ("front matter has more than {limit} values", "文件头的内容超过 {limit} 项"),
    "too_deep": ("front matter is nested deeper than {limit} levels", "文件头的嵌套超过 {limit} 层"),
    "file_too_large": ("file is {size}; the limit is {limit}", "文件有 {size}，上限是 {limit}"),
    "file_grew": ("file is over the limit of {limit}", "文件超过了 {limit} 的上限"),
    "cannot_read": ("cannot read file: {reason}", "无法读取文件：{reason}"),
    "binary_file": ("file is binary, not text", "这是二进制文件，不是文本文件"),
    "not_utf8": (
        "file is not valid UTF-8 text; save it as UTF-8",
        "文件不是有效的 UTF-8 文本，请用 UTF-8 编码保存",
    ),
    "gbk_file": (
        'file is GBK (GB18030) text, not UTF-8; save it as UTF-8 (in Excel: "CSV UTF-8")',
        "文件是 GBK（GB18030）编码，不是 UTF-8；请另存为 UTF-8（Excel 中选“CSV UTF-8”）",
    ),
    "yaml_control_character": (
        "character U+{code} is not allowed in YAML; remove it",
        "YAML 中不能有控制字符 U+{code}，请删去",
    ),
    "yaml_syntax": (
        "YAML syntax error: {problem}",
        "YAML 格式错误：{problem}（常见原因：冒号后缺空格、缩进没对齐、括号或引号没有配对）",
    ),
    "yaml_unclosed": (
        "YAML syntax error: a {bracket} is not closed ({problem})",
        "YAML 格式错误：这里的 {bracket} 没有配对的结束符号",
    ),
    "yaml_unclosed_quote": (
        "YAML syntax error: a quote is not closed ({problem})",
        "YAML 格式错误：这里的引号没有配对",
    ),
    "yaml_colon_in_value": (
        "YAML syntax error: a value has a colon or the indentation is off ({problem})",
        "YAML 格式错误：值里有冒号（请给整个值加上引号），或这一行的缩进不对",
    ),
    "yaml_tab": (
        "YAML syntax error: a tab character; indent with spaces ({problem})",
        "YAML 格式错误：不能用 Tab 键缩进，请改用空格",
    ),
    "yaml_error": ("YAML error: {problem}", "YAML 错误：{problem}"),
    "no_opening_line": (
        "file must start with a '---' line opening the YAML front matter",
        "文件第一行必须是 “---”，文件头从这一行开始",
    ),
    "not_closed": ("front matter is not closed by a '---' line", "文件头没有用 “---” 行结束"),
    "front_matter_too_large": ("front matter is larger than {limit} KB", "文件头超过 {limit} KB"),
    "front_matter_not_mapping": (
        "front matter must be a list of 'field: value' lines",
        "文件头必须由 “字段: 值” 行组成",
    ),
    # -- brands (brand_file.py) ------------------------------------------------
    "bad_folder_slug": (
        'folder name "{slug}" must use only a-z, 0-9 and -',
        "文件夹名 “{slug}” 只能用小写字母 a-z、数字 0-9 和连字符 -",
    ),
    "not_in_registry": (
        '"{value}" is not in brands/_registry.yaml{hint}',
        "“{value}” 不在 brands/_registry.yaml 的{section}中{hint}",
    ),
    "gallery_item": (
        "must be a file name or src/alt/caption lines",
        "必须是图片文件名，或 src、alt、caption 几行",
    ),
    "twin_too_long": (
        "lists {count} items; index.md has {limit}: each item translates one of index.md's",
        "列了 {count} 项，而 index.md 只有 {limit} 项；每一项对应 index.md 中的一项",
    ),
    "twin_no_such": (
        '"{value}" is not in index.md (there: {known})',
        "“{value}” 不在 index.md 中（那里有：{known}）",
    ),
    "standard_shape": (
        '"{value}" does not look like a standard\'s code (e.g. GB/T 19859-2005, DB65/T 1234-2019, '
        "T/XJAS 001-2022, Q/XJHM 0001S-2020); check it",
        "“{value}” 不像标准编号（例如 GB/T 19859-2005、DB65/T 1234-2019、T/XJAS 001-2022、"
        "Q/XJHM 0001S-2020），请核对",
    ),
    "no_edition": (
        "{program} has no edition {number} (known: {known})",
        "{program} 没有第 {number} 届（已登记的届次：{known}）",
    ),
    "none": ("none", "无"),
    "unsafe_website": (
        '"{value}" must be a web address starting with https:// or http://',
        "“{value}” 必须是以 https:// 或 http:// 开头的网址",
    ),
    "bad_email": ('"{value}" is not an e-mail address', "“{value}” 不是有效的电子邮箱地址"),
    "image_is_url_in_bundle": (
        'image "{src}" must be a file of this folder, not a web address',
        "图片 “{src}” 必须是本文件夹中的文件，不能是网址",
    ),
    "image_is_url_in_content": (
        'image "{src}" must be a file under content/, not a web address',
        "图片 “{src}” 必须是 content/ 下的文件，不能是网址",
    ),
    "image_problem": ("image {problem}", "图片{problem}"),
    "unsafe_link": (
        'link "{url}" is not allowed: use an address starting with https://, http://, mailto: or tel:',
        "不允许使用链接 “{url}”：只能链接本站页面，或以 https://、http://、mailto:、tel: 开头的地址",
    ),
    "body_too_slow": (
        "takes over {seconds} seconds to render; close every [ bracket and split very long paragraphs",
        "正文排版超过 {seconds} 秒仍未完成；请检查没有配对的 [ 括号，或把很长的段落拆开",
    ),
    "body_too_deep": (
        "is nested more than {limit} levels deep (lists or quotes inside each other)",
        "列表或引用一层套一层，超过了 {limit} 层",
    ),
    "more_problems": ("and {count} more problems like these", "另有 {count} 处类似问题"),
    "needs_alt": (
        'image "{src}" needs alt text: ![what it shows]({src})',
        "图片 “{src}” 缺少替代文字，请写成 ![图片内容]({src})",
    ),
    # -- images (images.py) ------------------------------------------------------
    "not_a_file_name": ('"{name}" is not a file name', "“{name}” 不是有效的文件名"),
    "outside_folder": ('"{name}" lies outside the folder {folder}/', "“{name}” 在文件夹 {folder}/ 之外"),
    "outside_folder_link": (
        '"{name}" lies outside the folder {folder}/ (it is a link)',
        "“{name}” 在文件夹 {folder}/ 之外（它是一个链接）",
    ),
    "file_missing": ('file "{name}" does not exist', "文件 “{name}” 不存在"),
    "file_unreadable": ('file "{name}" cannot be read ({reason})', "文件 “{name}” 无法读取（{reason}）"),
    "not_a_regular_file": ('"{name}" is not a file', "“{name}” 不是文件"),
    "other_file_kind": (
        '"{src}" is {kind} file; use JPEG, PNG, WebP, GIF or AVIF',
        "“{src}” 是 {kind} 文件，请改用 JPEG、PNG、WebP、GIF 或 AVIF 格式",
    ),
    "image_name_mismatch": (
        '"{src}" is a {format} image; its name must end in {suffixes}',
        "“{src}” 是 {format} 图片，文件名必须以 {suffixes} 结尾",
    ),
    "empty_image": ('"{src}" is empty (0 bytes)', "“{src}” 是空文件（0 字节）"),
    "too_many_pixels": (
        '"{src}" is {width}x{height} pixels, over the limit of {limit} megapixels; scale it down',
        "“{src}” 有 {width}x{height} 像素，超过了 {limit} 百万像素的上限，请缩小后再用",
    ),
    "pixel_bomb": (
        '"{src}" is over the limit of {limit} megapixels; scale it down',
        "“{src}” 超过了 {limit} 百万像素的上限（可能是恶意的“解压炸弹”文件），请缩小后再用",
    ),
    "not_an_image": (
        '"{src}" is not an image (or its format is not supported)',
        "“{src}” 不是图片（或格式不受支持）",
    ),
    "damaged_image": ('"{src}" is damaged or truncated', "“{src}” 已损坏或不完整"),
    "too_thin": (
        '"{src}" is {width}x{height} pixels: too long and thin to show',
        "“{src}” 有 {width}x{height} 像素，过于细长，无法显示",
    ),
    # -- the registry file (registry_file.py) ----------------------------------
    "registry_not_mapping": ("must hold the lists {sections}", "必须包含这些列表：{sections}"),
    "not_region_code": (
        '"{value}" is not a six-digit GB/T 2260 code',
        "“{value}” 不是六位 GB/T 2260 行政区划代码",
    ),
    "edition_twice": ("edition {number} is listed twice", "第 {number} 届列了两次"),
    "unknown_parent": (
        'region {code} names parent "{parent}", which is not in the list',
        "地区 {code} 的上级 “{parent}” 不在地区列表中",
    ),
    "own_ancestor": ("region {code} is its own ancestor", "地区 {code} 的上级关系绕成了一个圈"),
    "bad_id": ('"{value}" may only use a-z, 0-9 and -', "“{value}” 只能用小写字母 a-z、数字 0-9 和连字符 -"),
    "listed_twice": ('"{value}" is listed twice', "“{value}” 列了两次"),
    # -- licensee lists (licensees.py) ------------------------------------------
    "bad_csv": ("is not valid CSV: {problem}", "不是有效的 CSV 文件：{problem}"),
    "empty_csv": ("is empty; the first line must be: {columns}", "文件是空的；第一行必须是：{columns}"),
    "csv_header": ("{problems}; expected: {columns}", "{problems}；第一行应为：{columns}"),
    "missing_columns": ("missing column(s) {columns}", "缺少列 {columns}"),
    "unknown_columns": ("unknown column(s) {columns}", "不认识的列 {columns}"),
    "row_too_long": (
        "row has {cells} cells; the header has {columns}",
        "这一行有 {cells} 格，表头只有 {columns} 列",
    ),
    "too_many_rows": (
        "has more than {limit} licensee rows; the limit is {limit}",
        "授权使用单位超过 {limit} 行，上限是 {limit} 行",
    ),
    # -- unified social credit codes (uscc.py) -------------------------------------
    "uscc_length": (
        '"{value}" has {length} characters; a unified social credit code has 18',
        "“{value}” 有 {length} 位；统一社会信用代码应为 18 位",
    ),
    "uscc_character": (
        '"{value}" contains "{char}"; a unified social credit code uses only 0-9 and '
        "the capitals A-H J-N P-R T U W X Y",
        "“{value}” 含有 “{char}”；统一社会信用代码只能由数字 0-9 和大写字母 A-H J-N P-R T U W X Y 组成",
    ),
    "uscc_check": (
        '"{value}" is not a valid unified social credit code: its last (check) character does '
        "not match the others; check it for a typo",
        "“{value}” 不是有效的统一社会信用代码：最后一位校验码与前 17 位不符，请核对是否抄错",
    ),
    # -- quality-award editions (award_file.py) --------------------------------------
    "not_award_file": (
        "an award list must be content/awards/<program>/<edition>.md",
        "质量奖名单文件应放在 content/awards/<奖项代码>/<届次>.md",
    ),
    "path_disagrees": (
        '"{value}" does not match the file\'s path {path}; the file must be {expected}',
        "“{value}” 与文件位置 {path} 不一致；这个文件应为 {expected}",
    ),
    "required_at_stage": ("is required when stage is {stage}", "阶段（stage）为 {stage} 时必须填写"),
    "individual_uscc": (
        "an individual has no unified social credit code: leave uscc out",
        "个人没有统一社会信用代码，请删去 uscc",
    ),
    "winner_twice": (
        '"{name}" is already in the list at line {line}',
        "“{name}” 已在第 {line} 行列出，同一届名单中不能重复",
    ),
    "notice_closed": (
        "the notice closed on {day} and there is no decision yet: add decision and set stage: awarded",
        "公示已于 {day} 结束，尚无授奖决定；请填写 decision 并把 stage 改为 awarded",
    ),
    "decision_in_notice": (
        "there is a decision: set stage: awarded",
        "已有授奖决定，请把 stage 改为 awarded",
    ),
    "decision_before_close": (
        "the decision is dated {date}, before the objection period ended ({day})",
        "授奖决定日期 {date} 早于异议受理截止日（{day}）",
    ),
    "award_not_in_list": (
        "{file} lists this edition and names no winner with brand: {slug}; "
        "add it to the winner there, or remove this entry",
        "{file} 是这一届的名单，其中没有 brand 为 {slug} 的获奖者；"
        "请在名单中为获奖者加上 brand: {slug}，或删去这一项",
    ),
    "recipient_not_in_list": (
        '"{value}" is not a winner of this brand in {file} (listed: {names})',
        "“{value}” 不是 {file} 中与本品牌关联的获奖者（名单中为：{names}）",
    ),
    # -- exposed violation cases (case_file.py) ------------------------------------
    "not_case_file": (
        "a case must be content/cases/<slug>.md (no folders)",
        "案件文件应直接放在 content/cases/ 下，命名为 <网址名>.md（不能再建文件夹）",
    ),
    "bad_case_slug": (
        "file name \"{slug}\" is the case's address: use only a-z, 0-9 and - (never a person's name)",
        "文件名 “{slug}” 就是案件的网址：只能用小写字母 a-z、数字 0-9 和连字符 -（不要用当事人姓名或拼音）",
    ),
    "id_number_in_case": (
        "a resident ID number ({value}) may not be published: remove it",
        "不能公布居民身份证号码（{value}），请删去",
    ),
    "mobile_in_case": (
        "a mobile phone number ({value}) may not be published: remove it",
        "不能公布手机号码（{value}），请删去",
    ),
    "case_ends_soon": (
        "the publication period ends on {day}, in {days} days: the case is taken down after it",
        "公示期将于 {day} 届满（还有 {days} 天），期满后案件将从本站撤下",
    ),
    "case_taken_down": (
        "the publication period ended on {day}: the case is no longer published; delete the file",
        "公示期已于 {day} 届满，案件已不再公布；请删除这个文件",
    ),
    # -- stories and pages (stories.py, pages.py) ----------------------------------
    "bad_slug": (
        'slug "{slug}" must use only a-z, 0-9 and -',
        "网址名 “{slug}” 只能用小写字母 a-z、数字 0-9 和连字符 -",
    ),
    "unknown_brand": ('"{value}" is not a brand in brands/{hint}', "“{value}” 不是 brands/ 中的品牌{hint}"),
    "lang_not_file_name": (
        '"{value}" does not match the file name "{name}"',
        "“{value}” 与文件名 “{name}” 表示的语言不一致",
    ),
    "not_true_false": ("must be true or false", "必须是 true 或 false"),
    "translation_shares": (
        "a translation takes its {field} from {original}: leave it out here",
        "译文的{field}沿用 {original}，请在这里删去",
    ),
    # -- the whole site (site.py) ----------------------------------------------
    "registry_missing": ("file is missing", "文件不存在"),
    "no_index": ("brand folder has no index.md", "品牌文件夹中没有 index.md"),
    "bundle_is_link": (
        "brand folder is a link; put the folder itself in brands/",
        "品牌文件夹是一个链接；请把文件夹本身放进 brands/",
    ),
    "link_to_folder": (
        "is a link to a folder; put the folder itself here",
        "这是指向文件夹的链接；请把文件夹本身放在这里",
    ),
    "link_outside": (
        "is a link to a file outside {folder}/; put the file itself here",
        "这是指向 {folder}/ 之外文件的链接；请把文件本身放在这里",
    ),
    "not_publishable": (
        '"{suffix}" files may not be published; allowed here: {allowed}',
        "不能发布 “{suffix}” 类型的文件；这里只允许：{allowed}",
    ),
    "slug_taken": ('"{slug}" is already used by {other}', "“{slug}” 已被 {other} 使用"),
    "licence_taken": (
        'licence number "{license}" is already used at {other}',
        "“{license}” 已在 {other} 用过，授权编号不能重复",
    ),
    # -- warnings: things that need attention soon (attention.py) ----------------
    "certification_expires_soon": (
        'certification "{number}" expires on {day}, {when}; renew it',
        "认证 “{number}” 将于 {day} 到期（{when}），请及时续期",
    ),
    "licence_expires_soon": (
        'licence "{license}" of {name} expires on {day}, {when}; renew it',
        "{name}的授权 “{license}” 将于 {day} 到期（{when}），请及时续期",
    ),
    "in_days": ("in {days} days", "还有 {days} 天"),
    "tomorrow": ("tomorrow", "明天"),
    "today": ("today", "就是今天"),
    "large_image": (
        '"{src}" is {size} MB; keep images under {limit} MB so that pages load fast',
        "“{src}” 有 {size} MB，图片请小于 {limit} MB，以免页面打开缓慢",
    ),
    "no_cover": (
        "brand has no cover image; add one (cover: photo.jpg) to show it in the directory",
        "品牌还没有封面图；请加上（cover: 照片.jpg），品牌目录中才有图片",
    ),
    "no_brand": (
        "story names no brand; add brands: [slug] to show it on the brand's page",
        "故事没有关联品牌；请加上 brands: [品牌网址名]，故事才会出现在品牌页上",
    ),
    # -- interface catalogues (site_i18n.catalogs) --------------------------------
    "catalogue_missing": (
        "file is missing: run `make translations`, then translate it",
        "文件不存在：请运行 make translations，然后翻译其中的条目",
    ),
    "catalogue_syntax": ("not a valid .po file: {problem}", "不是有效的 .po 文件：{problem}"),
    "catalogue_entry": ("{problem} (msgid {msgid})", "译文有误：{problem}（原文 {msgid}）"),
    # -- settings (brand_pages) ------------------------------------------------
    "featured_unknown": ('"{slug}" is not a brand in brands/', "“{slug}” 不是 brands/ 中的品牌"),
    "page_size": (
        "must be a whole number of items a page, not {value} (0: all on one page)",
        "须为每页条目数（整数），而不是 {value}（0 表示全部列在一页）",
    ),
    # -- summaries (brandsite.build.driver, brandsite.editor.check) -----------------------------------
    "content_errors": ("{count} content error(s):", "{count} 处内容错误："),
    "check_ok": (
        "OK: {brands} brands, {stories} stories, {licences} licences checked; {warnings} warning(s)",
        "检查通过：{brands} 个品牌、{stories} 篇故事、{licences} 条授权；{warnings} 个提醒",
    ),
    "check_failed": (
        "{errors} error(s), {warnings} warning(s). Fix the errors and run make check again.",
        "{errors} 个错误、{warnings} 个提醒。请改正错误后再运行 make check。",
    ),
    "built": ("Built {output}/", "已生成 {output}/"),
    "search_index_failed": (
        "The pages are up to date, but the search index could not be made (see above).",
        "页面已更新，但搜索索引没能生成（见上文）。",
    ),
    "build_unchanged": (
        "Nothing changed since the last build: {output}/ is up to date "
        "(make check shows the warnings; --force rebuilds).",
        "自上次构建以来没有改动，{output}/ 已是最新（提醒请看 make check；--force 可强制重建）。",
    ),
    "build_failed": (
        "Build failed: {output}/ was left as it was.",
        "构建失败：{output}/ 保持原样，没有改动。",
    ),
    "build_interrupted": (
        "Build interrupted: {output}/ was left as it was.",
        "构建被中断：{output}/ 保持原样，没有改动。",
    ),
    "built_then_interrupted": ("Built {output}/, then interrupted.", "已生成 {output}/，随后被中断。"),
    "build_busy": (
        "Not built: another build is writing in {folder}; wait for it to finish.",
        "未构建：另一个构建正在 {folder} 中写入，请等它完成。",
    ),
    "settings_unreadable": (
        "Cannot read the settings {file}: {problem}",
        "无法读取设置文件 {file}：{problem}",
    ),
    "build_stopped": (
        "Stopped: warnings are errors in this build (see above).",
        "已停止：本次构建把警告当作错误处理（见上文）。",
    ),
    # -- scaffolding (brandsite.editor.scaffold) -------------------------------------------
    "scaffold_bad_slug": (
        '"{slug}" cannot be a slug: use lower-case a-z, 0-9 and -, e.g. korla-pear',
        "“{slug}” 不能用作网址名：只能用小写字母 a-z、数字 0-9 和连字符 -，例如 korla-pear",
    ),
    "scaffold_exists": (
        "{path} already exists; choose another slug or edit it",
        "{path} 已经存在；请换一个网址名，或直接修改它",
    ),
    "scaffold_created": (
        "Created {path}. Fill in the fields marked required, then run make check.",
        "已创建 {path}。请填写标有“必填”的字段，然后运行 make check。",
    ),
}

# Plain words for the fields editors write, shown in the Chinese line.
FIELD_LABELS = {
    "name": "名称",
    "name_en": "英文名称",
    "category": "类别",
    "region": "地区",
    "owner": "品牌持有单位",
    "summary": "简介",
    "status": "状态",
    "registered": "登记日期",
    "updated": "更新日期",
    "logo": "标志",
    "cover": "封面图",
    "gallery": "图集",
    "src": "图片文件",
    "alt": "替代文字",
    "caption": "图片说明",
    "certifications": "认证",
    "type": "类型",
    "number": "编号",
    "issuer": "发证机构",
    "issued": "发证日期",
    "expires": "有效期至",
    "standards": "标准",
    "code": "代码",
    "title": "标题",
    "awards": "质量奖",
    "program": "奖项",
    "edition": "届次",
    "recipient": "获奖单位",
    "licensees": "授权使用单位",
    "license": "授权编号",
    "valid_from": "授权起始日",
    "valid_to": "授权截止日",
    "products": "产品",
    "uscc": "统一社会信用代码",
    "contact": "联系方式",
    "website": "网站",
    "phone": "电话",
    "email": "电子邮箱",
    "address": "地址",
    "tags": "标签",
    "body": "正文",
    "date": "日期",
    "modified": "修改日期",
    "brands": "相关品牌",
    "lang": "语言",
    "slug": "网址名",
    "header": "表头",
    "regions": "地区列表",
    "categories": "类别列表",
    "certification_types": "认证类型列表",
    "award_programs": "质量奖列表",
    "editions": "届次",
    "year": "年份",
    "parent": "上级地区",
    "id": "代码",
    "author": "作者",
    "translation": "译文",
    "stage": "阶段",
    "notice": "公示",
    "published": "公示日期",
    "objections_until": "异议受理截止日",
    "office": "受理机构",
    "decision": "授奖决定",
    "document": "文号",
    "winners": "名单",
    "tier": "奖别",
    "kind": "类型",
    "industry": "行业",
    "brand": "品牌",
    "citation": "获奖理由",
    "decided": "处罚决定日期",
    "authority": "处罚机关",
    "party": "当事人",
    "party_kind": "当事人类型",
    "violations": "违法行为",
    "legal_basis": "处罚依据",
    "penalty": "处罚内容",
    "unpublish_after": "公示期满日",
    "FEATURED_BRANDS": "首页推荐品牌",
    "BRANDS_PER_PAGE": "每页品牌数",
    "DEFAULT_PAGINATION": "每页故事数",
}
_FIELD_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def msg(key: str, **values) -> Message:
    """The catalogue's message `key` with `values` filled in, in both languages."""
    en, zh = CATALOGUE[key]
    return Message(en.format(**_rendered(values, "en")), zh.format(**_rendered(values, "zh")))


def label(field: str) -> Message:
    """A field's name as editors write it (en) and in plain Chinese (zh)."""
    return Message(field, field_label_zh(field))


def field_label_zh(field: str) -> str:
    """ "licensees[3].valid_to" -> "授权使用单位第 3 项 · 授权截止日"."""
    words: list[str] = []
    for name, index in _FIELD_PART.findall(field):
        if index:
            words[-1:] = [f"{words[-1] if words else ''}第 {index} 项"]
        else:
            words.append(FIELD_LABELS.get(name, name))
    return " · ".join(words)


def joined(messages: list[Message], en_separator: str = "; ", zh_separator: str = "；") -> Message:
    return Message(en_separator.join(m.en for m in messages), zh_separator.join(m.zh for m in messages))


def _rendered(values: dict, lang: str) -> dict:
    return {
        name: getattr(value, lang) if isinstance(value, Message) else value for name, value in values.items()
    }
