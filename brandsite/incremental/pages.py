"""Pages of the previous build that can stand for this build's, unrendered.

A page's key is a digest of everything it is rendered from: what every page
shares (see `inputs`) and what its template receives (see `gathered`).
When the key is the one the previous build recorded for the same page, and the
file in the previous output is still the one it wrote (same size, mtime and
inode), that file is hard-linked into the new output instead of rendering the
page again. Anything else is rendered: a page is never stale.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable, Mapping
from pathlib import Path

from jinja2 import Template

from .gathered import Fingerprints, Parsed, Unknown, page_fingerprint, template_names
from .inputs import Inputs
from .record import output_stamp
from .stamps import digest

SETTING = "_INCREMENTAL_PAGES"  # the settings key under which a build hands its PageReuse to plugins
Entry = list  # [key, size, mtime_ns, inode]
Group = list  # [key, facts, number of files]


class PageReuse:
    def __init__(
        self,
        inputs: Inputs,
        previous_output: Path | None,
        previous_pages: dict[str, Entry],
        output: Path,
        previous_groups: dict[str, Group] | None = None,
        previous_templates: Parsed | None = None,
    ):
        self.inputs = inputs
        self.previous_output = previous_output
        self.previous_pages = previous_pages
        self.previous_groups = previous_groups or {}
        self.output = output
        self._previous, self._output = str(previous_output), str(output)
        self.site = inputs.site_digest()
        self.keys: dict[str, str] = {}  # this build's pages that have one
        self.groups: dict[str, Group] = {}
        self.reused = 0
        self.linked: dict[str, tuple] = {}  # name -> (size, mtime_ns, inode) of a page linked
        self._open: tuple[int, int] | None = None  # see _folders
        from .identities import identities  # Pelican's classes: not for a build with nothing to do

        self.fingerprints = Fingerprints(identities(inputs))
        self.names: dict[str, tuple[str, ...]] = {}  # template -> the names it reads, sorted
        self.parsed: Parsed = {}  # the names of each template this build read (Record.templates)
        self.previous_templates = previous_templates or {}
        self.unknown: dict[str, str] = {}  # template -> why a page of it has no key

    def page_key(
        self,
        name: str,
        template: Template,
        own: Mapping[str, object],
        shared: Callable[[str], object],
        extra: object,
        made_from: dict | None = None,
    ) -> str | None:
        """The key of page `name`, rendered from `template` with the page's `own` values
        and, for the names it does not hold, what `shared` gives (the context many pages
        share); `made_from`: the values the caller makes the page's others of. None
        when a value is of a kind not known (the page is always rendered)."""
        template_name = template.name or ""
        try:
            names = self.names.get(template_name)
            if names is None:
                names = self.names[template_name] = tuple(
                    sorted(
                        template_names(
                            template.environment, template_name, self.parsed, self.previous_templates
                        )
                    )
                )
            fingerprint = page_fingerprint(self.fingerprints, names, own, shared, made_from)
        except Unknown as exc:
            self.unknown[template_name] = str(exc)
            return None
        return digest(self.site, name, template_name, fingerprint, extra)

    def key(self, name: str, kind: str, files: list[str], extra: object = None) -> str:
        """The key of a file made of `files` alone (and what every page shares)."""
        return digest(self.site, name, kind, self.inputs.files_digest(files), extra)

    def source_key(self, kind: str, source: Path | str) -> str | None:
        """The key of what is made of one input file alone (`kind`: "article", say), or
        None when the scan did not see the file."""
        path = self.inputs.stamp_name(source)
        if path is None:
            return None
        return digest(self.site, kind, self.inputs.files_digest([path]))

    def reuse(self, name: str, key: str | None) -> bool:
        """Link the previous build's page in place of rendering it, if it is still right."""
        if key is None:
            return False
        self.keys[name] = key
        entry = self.previous_pages.get(name)
        if self.previous_output is None or not entry or entry[0] != key:
            return False
        if not self._link(name, entry):
            return False
        self.reused += 1
        return True

    def _link(self, name: str, entry: Entry) -> bool:
        try:
            previous, output = self._folders()
            info = os.stat(name, dir_fd=previous)
            stamp = output_stamp(info)
            if list(stamp) != list(entry[1:]):
                return False
            try:
                os.link(name, name, src_dir_fd=previous, dst_dir_fd=output)
            except FileNotFoundError:  # its folder is new (most exist: see spare)
                os.makedirs(os.path.dirname(os.path.join(self._output, name)), exist_ok=True)
                os.link(name, name, src_dir_fd=previous, dst_dir_fd=output)
        except OSError:
            return False
        self.linked[name] = stamp
        return True

    def _folders(self) -> tuple[int, int]:
        """The previous output and this one, open: a path from there is looked up in a
        third of the time (10,000 pages a build, each a stat and a link)."""
        if self._open is None:
            previous = os.open(self._previous, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.makedirs(self._output, exist_ok=True)
                output = os.open(self._output, os.O_RDONLY | os.O_DIRECTORY)
            except OSError:
                os.close(previous)
                raise
            self._open = (previous, output)
            weakref.finalize(self, _close, self._open)
        return self._open

    # -- what a forked copy of the build added (site_i18n.writer.write_beside) --

    def mark(self) -> tuple:
        """Where this build's records stand now, for `since`."""
        return (
            len(self.keys),
            len(self.groups),
            self.reused,
            set(self.parsed),
            set(self.unknown),
            len(self.linked),
        )

    def since(self, mark: tuple) -> dict:
        """What was recorded after `mark` (of pages written once each)."""
        keys, groups, reused, parsed, unknown, linked = mark
        return {
            "keys": dict(list(self.keys.items())[keys:]),
            "linked": dict(list(self.linked.items())[linked:]),
            "groups": dict(list(self.groups.items())[groups:]),
            "reused": self.reused - reused,
            "parsed": {name: self.parsed[name] for name in self.parsed.keys() - parsed},
            "unknown": {name: self.unknown[name] for name in self.unknown.keys() - unknown},
        }

    def add(self, records: dict) -> None:
        """Take in what `since` said another process recorded."""
        self.keys.update(records["keys"])
        self.linked.update(records["linked"])
        self.groups.update(records["groups"])
        self.reused += records["reused"]
        self.parsed.update(records["parsed"])
        self.unknown.update(records["unknown"])

    # -- groups: files made together (the open data), reused all or none ----

    def group_key(self, group: str, files: list[str], extra: object = None) -> str:
        return digest(self.site, "group", group, self.inputs.files_digest(files), extra)

    def reuse_group(self, group: str, key: str) -> dict | None:
        """Link every file the previous build made for `group` under the same key, and
        return the facts it recorded with them; None (nothing linked): make them again."""
        previous = self.previous_groups.get(group)
        if self.previous_output is None or not previous or previous[0] != key:
            return None
        names = [name for name, entry in self.previous_pages.items() if entry[0] == key]
        linked = []
        for name in names if len(names) == previous[2] else ():
            if not self._link(name, self.previous_pages[name]):
                break
            linked.append(name)
        if not names or len(linked) != len(names):
            for name in linked:
                (self.output / name).unlink()
                del self.linked[name]
            return None
        self.record_group(group, key, names, previous[1])
        return previous[1]

    def record_group(self, group: str, key: str, names: list[str], facts: dict) -> None:
        """This build made `names` for `group`; `facts` (JSON) are what it learnt making them."""
        names = set(names)
        self.groups[group] = [key, facts, len(names)]
        for name in names:
            self.keys[name] = key

    def manifest(
        self, folder: Path | None = None, stamps: dict[str, tuple] | None = None
    ) -> dict[str, Entry]:
        """Each keyed page with the stamp of the file now standing for it (in `folder`,
        where the output was moved, if it was; `stamps`: (size, mtime_ns, inode) by name,
        as unchanged.keep_unchanged found them, else each is read)."""
        folder = folder or self.output
        stamps = stamps or {}
        pages: dict[str, Entry] = {}
        for name, key in sorted(self.keys.items()):
            stamp = stamps.get(name)
            if stamp is None:
                try:
                    info = (folder / name).stat()
                except OSError:
                    continue
                stamp = output_stamp(info)
            pages[name] = [key, *stamp]
        return pages


def _close(folders: tuple[int, ...]) -> None:
    for folder in folders:
        os.close(folder)
