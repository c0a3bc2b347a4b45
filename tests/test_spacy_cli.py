"""kabar.spacy_cli: spaCy imported after kabar leaves its command line unloaded until it is used."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_importing_spacy_after_kabar_skips_its_command_line() -> None:
    out = _run(
        """
        import sys
        import kabar, spacy
        from spacy.language import Language
        loaded = sorted(m for m in sys.modules if m.startswith("spacy.cli"))
        print(loaded, "typer" in sys.modules, callable(spacy.info))
        """
    )
    assert out == "[] False True"


def test_spacy_command_line_still_imports_when_asked_for() -> None:
    # what `kabar train` uses, after the pipeline has imported spaCy
    out = _run(
        """
        import kabar, spacy
        import spacy.cli
        from spacy.cli.train import train
        from spacy.cli.info import info
        print(callable(train), callable(spacy.cli.setup_cli), info is spacy.cli.info)
        print(sorted(spacy.info()) [:1])
        """
    )
    assert out.splitlines() == ["True True True", "['location']"]


def test_nothing_changes_when_spacy_was_imported_first() -> None:
    out = _run(
        """
        import sys
        import spacy, kabar
        from kabar.spacy_cli import defer_spacy_cli
        print("spacy.cli" in sys.modules, defer_spacy_cli())
        """
    )
    assert out == "True False"


@pytest.mark.parametrize("line", ["from .cli.info import info  # noqa: F401", "    from .cli.info import info"])
def test_only_the_known_import_line_is_deferred(line: str, tmp_path, monkeypatch) -> None:
    from kabar import spacy_cli

    fake = tmp_path / "spacy" / "__init__.py"
    fake.parent.mkdir()
    fake.write_text(f"x = 1\n{line}\n", encoding="utf-8")
    other = tmp_path / "other" / "spacy" / "__init__.py"
    other.parent.mkdir(parents=True)
    other.write_text("def info():\n    return {}\n", encoding="utf-8")

    class Spec:
        origin = str(fake)

    monkeypatch.setattr(spacy_cli.importlib.util, "find_spec", lambda name: Spec)
    assert spacy_cli._imports_cli_eagerly()
    Spec.origin = str(other)
    assert not spacy_cli._imports_cli_eagerly()
