"""Build the Pagefind full-text search index of a built site (the last build step).

    python -m brandsite.build.search_index output

Writes `<site>/pagefind/`: the index, Pagefind's scripts and its default UI.
Pages opt in with `data-pagefind-body`; one index is built per page language
(<html lang>). The extended Pagefind binary is required: the standard one
does not segment Chinese, so `香梨` would find nothing.

Pagefind 1.5.2 writes some things in random order (the languages of its entry
file, the values inside filter files); `normalise` sorts them, so the same site
always gives the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import cbor2

BUNDLE = "pagefind"
PRECOMPRESS_PLUGIN = "pelican.plugins.precompress"
LAYOUT = "1.5.2"  # the index layout `normalise` knows (pinned in requirements.txt)
SIGNATURE = b"pagefind_dcd"  # starts every decompressed index file


class SearchIndexError(Exception):
    pass


def pagefind_binary() -> Path:
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:
        raise SearchIndexError(
            "the pagefind[extended] package is missing: install requirements.txt (make html does)"
        ) from None
    return Path(get_executable())


def build_index(site: Path, bundle: Path | None = None) -> dict[str, int]:
    """Index `site` into `bundle` (`site/pagefind` by default); return the pages per language."""
    bundle = bundle or site / BUNDLE
    command = [str(pagefind_binary()), "--site", str(site), "--output-path", str(bundle.resolve())]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind failed:\n{result.stdout}{result.stderr}".rstrip())
    counts = normalise(bundle)
    if not sum(counts.values()):
        raise SearchIndexError("no page was indexed: pages to search need data-pagefind-body")
    return counts


def normalise(bundle: Path) -> dict[str, int]:
    """Sort what Pagefind leaves in random order; return the pages per language."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    if entry.get("version") != LAYOUT:
        raise SearchIndexError(f"Pagefind {entry.get('version')} is not {LAYOUT}: check normalise()")
    for lang, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read_chunk(meta_path)  # [version, pages, index chunks, filters, sorts, meta fields]
        filters = []
        for name, chunk in meta[3]:
            path = bundle / "filter" / f"{chunk}.pf_filter"
            key, values = read_chunk(path)  # [filter name, [[value, [page numbers]], ...]]
            path.unlink()
            filters.append(
                [
                    name,
                    write_chunk(
                        bundle / "filter",
                        "",
                        lang,
                        [key, sorted(values)],
                        ".pf_filter",
                        len(chunk) - len(lang) - 1,
                    ),
                ]
            )
        meta[3] = sorted(filters)
        meta_path.unlink()
        info["hash"] = write_chunk(
            bundle, "pagefind.", lang, meta, ".pf_meta", len(info["hash"]) - len(lang) - 1
        )
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return {lang: info.get("page_count", 0) for lang, info in entry["languages"].items()}


def read_chunk(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise SearchIndexError(f"{path.name} is not a Pagefind index file")
    return cbor2.loads(data[len(SIGNATURE) :])


def write_chunk(folder: Path, prefix: str, lang: str, value, suffix: str, digits: int) -> str:
    """Write an index file named, as Pagefind names them, by a hash of its content."""
    data = SIGNATURE + cbor2.dumps(value)
    name = f"{lang}_{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{prefix}{name}{suffix}").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return name


def precompress(bundle: Path, settings: dict) -> None:
    """Give the bundle's text files their .gz/.br twins, as pelican-precompress
    gave the pages (it ran inside Pelican, before the index existed)."""
    if PRECOMPRESS_PLUGIN not in settings.get("PLUGINS", []):
        return
    from pelican.plugins.precompress import compress_files

    compress_files(SimpleNamespace(settings={**settings, "OUTPUT_PATH": str(bundle)}))


def describe(counts: dict[str, int]) -> str:
    return ", ".join(f"{lang} {n} pages" for lang, n in counts.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    args = parser.parse_args(argv)
    try:
        counts = build_index(args.site)
    except SearchIndexError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Search index: {describe(counts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
