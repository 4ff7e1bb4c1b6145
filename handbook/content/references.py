"""References to other pages, found by their type: every field typed with a `Ref` marker (see fields.py).

Validation walks a page's front matter for the ids it names (`references`),
and the registry, the role views and `make new` learn which fields name roles
(`role_fields`), so a new field typed `RoleId` is checked with no other change.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from handbook.content.fields import Ref


def _marker(metadata: list[Any] | tuple[Any, ...]) -> Ref | None:
    return next((item for item in metadata if isinstance(item, Ref)), None)


def _refs(value: Any, annotation: Any, loc: tuple[str | int, ...], folder: str) -> Iterator[tuple[tuple[str | int, ...], str]]:
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *metadata = get_args(annotation)
        ref = _marker(metadata)
        if ref is not None and ref.folder == folder and isinstance(value, str):
            yield loc, value
        else:
            yield from _refs(value, base, loc, folder)
    elif origin in (Union, UnionType):
        for option in get_args(annotation):
            if option is not type(None) and value is not None:
                yield from _refs(value, option, loc, folder)
                return
    elif origin is list and isinstance(value, list):
        (item,) = get_args(annotation)
        for index, element in enumerate(value):
            yield from _refs(element, item, (*loc, index), folder)
    elif origin is dict and isinstance(value, dict):
        key_type, value_type = get_args(annotation)
        for key, element in value.items():
            yield from _refs(key, key_type, (*loc, key), folder)
            yield from _refs(element, value_type, (*loc, key), folder)
    elif isinstance(value, BaseModel):
        yield from references(value, folder, loc)


def references(meta: BaseModel, folder: str, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(location, id) of every value of `meta` typed as an id of a page in `folder` (a `Ref` marker), nested models included."""
    for name, info in type(meta).model_fields.items():
        value = getattr(meta, name)
        ref = _marker(info.metadata)
        if ref is not None:
            if ref.folder == folder and isinstance(value, str):
                yield (*loc, name), value
            continue
        yield from _refs(value, info.annotation, (*loc, name), folder)


def _names_refs(annotation: Any, folder: str) -> bool:
    if get_origin(annotation) is Annotated and (ref := _marker(get_args(annotation)[1:])) is not None:
        return ref.folder == folder
    args = get_args(annotation)
    if any(_names_refs(arg, folder) for arg in args):
        return True
    return isinstance(annotation, type) and issubclass(annotation, BaseModel) and bool(role_fields(annotation, folder))


def role_fields(model: type[BaseModel], folder: str = "roles") -> tuple[str, ...]:
    """The fields of a model whose values (or parts of them) are ids of pages in `folder`."""
    return tuple(
        name for name, info in model.model_fields.items()
        if ((ref := _marker(info.metadata)) is not None and ref.folder == folder) or _names_refs(info.annotation, folder)
    )
