"""The base of every front-matter model: unknown keys refused, types strict, values frozen."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    # Docstrings under fields become descriptions in the exported JSON Schema (editor hover text).
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, use_attribute_docstrings=True)
