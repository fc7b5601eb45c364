"""Shared fixtures: small projects written into a temporary folder."""

from __future__ import annotations

import io
import os
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import settings
from PIL import Image as PILImage

from brandsite.brand_registry.issues import errors, warnings

# Property tests are bounded and repeatable: the same examples on every run and
# machine ("ci", the default). HYPOTHESIS_PROFILE=explore searches harder, at random.
settings.register_profile(
    "ci", max_examples=100, deadline=timedelta(seconds=2), derandomize=True, database=None, print_blob=True
)
settings.register_profile("explore", max_examples=5_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REGISTRY = {
    "regions": [
        {"code": "650000", "name": "新疆维吾尔自治区", "name_en": "Xinjiang Uygur Autonomous Region"},
        {"code": "652800", "name": "巴音郭楞蒙古自治州", "name_en": "Bayingolin", "parent": "650000"},
        {"code": "652801", "name": "库尔勒市", "name_en": "Korla", "parent": "652800"},
    ],
    "categories": [{"id": "agricultural", "name": "农产品", "name_en": "Agricultural products"}],
    "certification_types": [
        {"id": "geographical-indication", "name": "地理标志产品", "name_en": "GI product"}
    ],
    "award_programs": [
        {
            "id": "regional-quality-award",
            "name": "自治区人民政府质量奖",
            "editions": [{"number": 5, "year": 2021}],
        }
    ],
}

BRAND = {
    "name": "库尔勒香梨",
    "category": "agricultural",
    "region": "652801",
    "owner": "库尔勒香梨协会",
    "summary": "库尔勒香梨，皮薄肉细。",
    "registered": "2019-05-20",
}


def png_bytes(size=(40, 30), mode="RGB") -> bytes:
    buffer = io.BytesIO()
    PILImage.new(mode, size, "green").save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes(size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "orange").save(buffer, "JPEG")
    return buffer.getvalue()


def front_matter(fields: dict, body: str = "正文。\n") -> str:
    dumped = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)
    return f"---\n{dumped}---\n{body}"


class Project:
    """A project folder with brands/, content/stories/ and content/images/."""

    def __init__(self, root: Path, write_registry: bool = True):
        self.root = root
        self.brands = root / "brands"
        self.content = root / "content"
        self.stories = self.content / "stories"
        for folder in (self.brands, self.stories, self.content / "images"):
            folder.mkdir(parents=True, exist_ok=True)
        if write_registry:
            self.registry(REGISTRY)

    def registry(self, data: dict | str) -> Path:
        text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        path = self.brands / "_registry.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    def brand(
        self, slug: str, text: str | None = None, files: dict | None = None, body: str = "正文。\n", **fields
    ) -> Path:
        bundle = self.brands / slug
        bundle.mkdir(parents=True, exist_ok=True)
        if text is None:
            text = front_matter({**BRAND, **fields}, body)
        (bundle / "index.md").write_text(textwrap.dedent(text), encoding="utf-8")
        for name, data in (files or {}).items():
            target = bundle / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return bundle / "index.md"

    def story(self, filename: str, body: str = "故事正文。\n", **fields) -> Path:
        meta = {"title": "一颗香梨的标准化之路", "date": "2024-04-02", **fields}
        path = self.stories / f"{filename}.md"
        path.write_text(front_matter(meta, body), encoding="utf-8")
        return path

    def paths(self):
        from brandsite.brand_registry import Paths

        return Paths.under(self.root)

    def load(self):
        from brandsite.brand_registry import load_site

        return load_site(self.paths())

    def messages(self) -> list[str]:
        """Every error, as printed: the English line, then the Chinese one."""
        _site, issues = self.load()
        return [str(issue) for issue in sorted(errors(issues))]

    def english(self) -> list[str]:
        """Every error's English line only, sorted as printed."""
        _site, issues = self.load()
        return [issue.english() for issue in sorted(errors(issues))]

    def warnings(self, as_of=None) -> list[str]:
        from brandsite.brand_registry import load_site

        _site, issues = load_site(self.paths(), as_of)
        return [str(issue) for issue in sorted(warnings(issues))]


@pytest.fixture
def project(tmp_path) -> Project:
    return Project(tmp_path)


# The sample site, built once per test run: `make html`, and `make publish` under a sub-path.
SUBPATH = "https://example.org/brands-site"


@pytest.fixture(scope="session")
def output(tmp_path_factory) -> Path:
    from sitebuild import ROOT, build

    out = tmp_path_factory.mktemp("root") / "output"
    result = build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def subpath_output(tmp_path_factory) -> Path:
    from sitebuild import ROOT, build

    out = tmp_path_factory.mktemp("subpath") / "output"
    result = build(ROOT, out, settings="publishconf.py", siteurl=SUBPATH)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def sample_site():
    """The project's own brands/ and content/, loaded and checked."""
    from sitebuild import ROOT

    from brandsite.brand_registry import Paths, load_site

    loaded, issues = load_site(Paths.under(ROOT))
    assert [str(i) for i in issues if i.severity == "error"] == []
    return loaded
