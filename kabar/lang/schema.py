"""Typed sections of a language pack: each pack file is read into a validated model.

A stage declares the shape of the files it reads as a `PackSection` subclass, with
its defaults there and nowhere else. Unknown keys are refused, so a typo in a pack
file is an error that names the file and the key, not a silently ignored setting.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from kabar.errors import ConfigError


class PackSection(BaseModel):
    """Base of every typed pack section: unknown keys refused, values frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


SectionT = TypeVar("SectionT", bound=PackSection)


def validate_section(data: Any, model: type[SectionT], where: str) -> SectionT:
    """`data` (parsed YAML or rows) as `model`; ConfigError naming `where` and the key."""
    if data is None:
        data = {}
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            key = ".".join(str(part) for part in error["loc"]) or "(top level)"
            problems.append(f"{key}: {error['msg']}")
        raise ConfigError(f"language pack file {where}: " + "; ".join(problems)) from None
