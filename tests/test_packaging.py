"""The README's install works with the pip a fresh Python 3.11 brings (23.2.1).

That pip compares a requirement's extra with a package's extras letter for letter:
trafilatura's jusText asks for `lxml[html_clean]`, lxml offers `html-clean`, and old pip
installs lxml without it, so HTML fails at run time. Every package that a current pip would
install for kabar must therefore be reached without matching extras by their normalised
names: `pyproject.toml` names such packages itself.
"""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

from conftest import REPO
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

_EXTRA = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")


def _wanted(req: Requirement, extras: set[str], literal: bool) -> bool:
    """Whether `req` applies when its package was asked for with `extras`."""
    if req.marker is None:
        return True
    named = _EXTRA.findall(str(req.marker))
    if not named:
        return req.marker.evaluate({"extra": ""})
    same = (lambda a, b: a == b) if literal else (lambda a, b: canonicalize_name(a) == canonicalize_name(b))
    return any(same(n, e) and req.marker.evaluate({"extra": n}) for n in named for e in extras)


def _closure(literal: bool) -> set[str]:
    """Installed distributions pip would install for kabar, comparing extras literally or not."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    todo = [Requirement(r) for r in project["dependencies"]]
    seen: dict[str, set[str]] = {}
    while todo:
        req = todo.pop()
        name = canonicalize_name(req.name)
        extras = set(req.extras)
        if name in seen and extras <= seen[name]:
            continue
        seen.setdefault(name, set()).update(extras)
        try:
            requires = metadata.requires(req.name) or []
        except metadata.PackageNotFoundError:  # not for this platform or Python
            continue
        asked = seen[name] | {""}
        todo += [r for r in map(Requirement, requires) if _wanted(r, asked, literal)]
    return set(seen)


def test_every_package_is_installed_by_a_pip_that_compares_extras_literally():
    missing = _closure(literal=False) - _closure(literal=True)
    assert not missing, f"declare these in pyproject.toml's dependencies: {sorted(missing)}"


def test_html_reading_needs_lxml_html_clean_and_it_is_declared():
    assert "lxml-html-clean" in _closure(literal=True)
