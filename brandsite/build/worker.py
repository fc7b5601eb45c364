"""A warm build process for the preview server.

    python -m brandsite.build.worker SETTINGS OUTPUT

Imports Pelican, the settings and the plugins once, then, for every line read
on stdin, forks a child that runs one atomic `brandsite.build.driver` and exits: each
build starts from the same fresh state without paying for Python's start-up
and imports again. Between builds, the worker decodes the checked brands and
stories the last build kept, which the next build takes as they are. The
build's output goes to stdout, followed by a line `DONE <exit status>`. The
preview server starts a new worker when plugins, tools or settings change, since
a fork keeps the modules it was started with.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import sys
import traceback
from pathlib import Path

DONE = "\x1edevserver-build-done"


def warm_up(settings_file: str) -> dict:
    """Import everything a build imports, so that forked children start warm; the settings."""
    from pelican.plugins._utils import load_plugins  # imports pelican, and with it Pelican
    from pelican.settings import read_settings

    from brandsite.brand_registry.settings_file import siblings_importable

    with siblings_importable(Path(settings_file)):
        settings = read_settings(settings_file)
    load_plugins(settings)
    importlib.import_module("pelican.generators")
    from brandsite.build.driver import fewer_collections

    fewer_collections()  # forked builds inherit it
    return settings


def preload(settings: dict) -> None:
    """Decode the checked brands and stories the last build kept, here, between builds: the
    next build, forked from this process, finds them decoded (brand_registry.checked)."""
    from brandsite.brand_registry import checked
    from brandsite.brand_registry.settings_file import site_paths

    checked.preload(site_paths(settings).cache)
    gc.freeze()  # never scanned again, in this process or the builds it forks


def build_in_child(settings_file: str, output: Path) -> int:
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            from brandsite.build.driver import build

            code = build(settings_file, output, search_later=True)  # pages first, then search
        except BaseException:
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def main(argv: list[str] | None = None) -> int:
    settings_file, output = (argv or sys.argv[1:])[:2]
    settings = None
    with contextlib.suppress(Exception):
        settings = warm_up(settings_file)
        preload(settings)
    for _request in sys.stdin:
        code = build_in_child(settings_file, Path(output))
        print(f"{DONE} {code}", flush=True)
        if settings is not None:
            with contextlib.suppress(Exception):  # a build without it is slower, not wrong
                preload(settings)
    return 0


if __name__ == "__main__":
    sys.stderr = sys.stdout  # one ordered stream for the preview server
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
