"""Language packs: the language-specific knowledge kabar uses, kept as data files.

A pack is a folder `kabar/lang/<code>/` with `pack.yaml` (settings and small
lists) and further data files (TSV, YAML) that stages read through the pack.
Code stays language-neutral; a new language is a new folder.
"""

from __future__ import annotations

import csv
import functools
import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kabar.errors import ConfigError
from kabar.lang.info import PackInfo
from kabar.lang.schema import SectionT, validate_section

PACKS_DIR = Path(__file__).parent


@dataclass(frozen=True)
class LanguagePack:
    code: str
    path: Path
    config: dict[str, Any] = field(hash=False, compare=False)

    def file(self, name: str) -> Path:
        return self.path / name

    def has(self, name: str) -> bool:
        return (self.path / name).exists()

    @functools.cache  # noqa: B019 - packs are few and live for the process
    def yaml(self, name: str) -> Any:
        path = self.file(name)
        if not path.exists():
            raise ConfigError(f"language pack '{self.code}' has no file {name} (looked in {path})")
        with path.open(encoding="utf-8") as fh:
            return load_yaml(fh)

    @functools.cache  # noqa: B019
    def tsv(self, name: str) -> list[dict[str, str]]:
        """Rows of a tab-separated file with a header; lines starting with '#' are comments."""
        path = self.file(name)
        if not path.exists():
            raise ConfigError(f"language pack '{self.code}' has no file {name} (looked in {path})")
        with path.open(encoding="utf-8") as fh:
            lines = [line for line in fh if line.strip() and not line.startswith("#")]
        return [
            {k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]

    @functools.cached_property
    def info(self) -> PackInfo:
        """`pack.yaml`, typed and validated (unknown keys refused)."""
        return validate_section(self.config, PackInfo, f"{self.code}/pack.yaml")

    @functools.cache  # noqa: B019
    def section(self, name: str, model: type[SectionT]) -> SectionT:
        """Pack file `name` (YAML) read into the typed section `model`, validated once."""
        return validate_section(self.yaml(name), model, f"{self.code}/{name}")

    @functools.cache  # noqa: B019
    def grammar(self, part: str) -> Any:
        """The pack's grammar for one part (`text`, `entities`, `quotes`, `events`, `dates`).

        Grammar is code in the pack: by default the module `kabar.lang.<code>.grammar.<part>`,
        whose `build(pack)` returns an object satisfying the part's protocol (declared beside
        the stage that uses it), so the stages stay free of any one language. A pack outside
        kabar names its own package in pack.yaml (`grammar: my_pack.grammar`)."""
        package = self.info.grammar or f"kabar.lang.{self.code}.grammar"
        module_name = f"{package}.{part}"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                raise ConfigError(
                    f"language pack '{self.code}' has no grammar for '{part}' ({module_name})"
                ) from None
            raise
        return module.build(self)


def available_languages() -> list[str]:
    return sorted(p.name for p in PACKS_DIR.iterdir() if (p / "pack.yaml").exists())


@functools.cache
def load_pack(code: str) -> LanguagePack:
    """The pack shipped in `kabar/lang/<code>/`."""
    path = PACKS_DIR / code
    if not (path / "pack.yaml").exists():
        known = ", ".join(available_languages()) or "none"
        raise ConfigError(f"no language pack for '{code}' (packs available: {known})")
    return load_pack_from(path)


# libyaml's parser where PyYAML has it: the pure-Python one took 1.4 s of the 3 s a pipeline took
# to load, paid again by every worker process (same constructor, so the same values)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(stream: Any) -> Any:
    """`yaml.safe_load`, through libyaml when PyYAML was built with it."""
    return yaml.load(stream, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader


def load_pack_from(path: str | Path) -> LanguagePack:
    """A pack in any folder holding a pack.yaml (a language kabar does not ship, or a variant)."""
    path = Path(path)
    try:
        with (path / "pack.yaml").open(encoding="utf-8") as fh:
            config = load_yaml(fh) or {}
    except OSError as exc:
        raise ConfigError(f"{path}: no readable pack.yaml ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path / 'pack.yaml'}: not valid YAML ({exc})") from None
    if not isinstance(config, dict):
        raise ConfigError(f"{path / 'pack.yaml'}: must be a mapping of settings")
    pack = LanguagePack(code=str(config.get("code") or path.name), path=path, config=config)
    _ = pack.info  # a malformed pack.yaml fails here, naming its file and key
    return pack
