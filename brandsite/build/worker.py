"""A warm build process for the preview server.

    python -m brandsite.build.worker SETTINGS OUTPUT

Imports Pelican, the settings and the plugins once, then, for every line read
on stdin, forks a child that runs one atomic `brandsite.build.driver` and exits: each
build starts from the same fresh state without paying for Python's start-up
and imports again. The build's output goes to stdout, followed by a line
`DONE <exit status>`. The preview server starts a new worker when plugins,
tools or settings change, since a fork keeps the modules it was started with.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
import traceback
from pathlib import Path

DONE = "\x1edevserver-build-done"


def warm_up(settings_file: str) -> None:
    """Import everything a build imports, so that forked children start warm."""
    from pelican.plugins._utils import load_plugins  # imports pelican, and with it Pelican
    from pelican.settings import read_settings

    from brandsite.brand_registry.settings_file import siblings_importable

    with siblings_importable(Path(settings_file)):
        settings = read_settings(settings_file)
    load_plugins(settings)
    importlib.import_module("pelican.generators")
    from brandsite.build.driver import fewer_collections

    fewer_collections()  # forked builds inherit it


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
    with contextlib.suppress(Exception):
        warm_up(settings_file)
    for _request in sys.stdin:
        code = build_in_child(settings_file, Path(output))
        print(f"{DONE} {code}", flush=True)
    return 0


if __name__ == "__main__":
    sys.stderr = sys.stdout  # one ordered stream for the preview server
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
