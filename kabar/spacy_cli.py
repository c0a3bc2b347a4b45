"""Import spaCy without its command line.

spaCy 3.7 and 3.8 import their whole command line (typer, requests, jinja2, weasel and every
subcommand) from `spacy/__init__.py`, only to offer `spacy.info`: 0.26 of the 0.68 s that
`import spacy` took here, paid by every kabar process that extracts (the command line, each
ingest, each web server). kabar never runs spaCy's command line while it extracts. Upstream
made the same import lazy (explosion/spaCy#12962); until the installed spaCy does,
`defer_spacy_cli()` does it from outside:

- it stands in for `spacy.cli.info` in `sys.modules` until spaCy's `__init__` takes `info`
  from it, at which point it steps aside, so that everything after (a later `import spacy.cli`,
  `spacy.cli.train` for `kabar train`) imports the real modules;
- `spacy.info` is a function that imports the real one when it is called.

It changes nothing unless spaCy's `__init__` holds that exact import and spaCy is not loaded yet.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path
from typing import Any

CLI_IMPORT = "from .cli.info import info"  # the line of spacy/__init__.py this is for
STAND_INS = ("spacy.cli", "spacy.cli.info")


def info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, imported when it is first called."""
    from spacy.cli.info import info as spacy_info

    return spacy_info(*args, **kwargs)


class _StandIn(types.ModuleType):
    """A module that gives spaCy's `__init__` its `info` and leaves `sys.modules` as it found it."""

    def __getattr__(self, name: str) -> Any:
        _step_aside()
        if name == "info":
            return info
        raise AttributeError(name)


def _step_aside() -> None:
    for name in STAND_INS:
        if isinstance(sys.modules.get(name), _StandIn):
            del sys.modules[name]


def _imports_cli_eagerly() -> bool:
    try:
        spec = importlib.util.find_spec("spacy")
    except (ImportError, ValueError):
        return False
    if spec is None or not spec.origin:
        return False
    try:
        source = Path(spec.origin).read_text(encoding="utf-8")
    except OSError:
        return False
    return any(line.strip().startswith(CLI_IMPORT) for line in source.splitlines())


def defer_spacy_cli() -> bool:
    """Make the next `import spacy` skip spaCy's command line; True if it will."""
    if "spacy" in sys.modules or any(name in sys.modules for name in STAND_INS):
        return False
    if not _imports_cli_eagerly():
        return False
    package = _StandIn("spacy.cli")
    package.__path__ = []  # a package to the import system, which looks no further
    sys.modules["spacy.cli"] = package
    sys.modules["spacy.cli.info"] = _StandIn("spacy.cli.info")
    return True
