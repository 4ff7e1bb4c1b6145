"""The "Review due" page: pages whose last review is older than the configured age, by owner."""

from __future__ import annotations

from handbook.content.catalog import Catalog, Entry
from handbook.content.settings import Freshness
from handbook.pages.render import render_file

REVIEW_DUE = "review-due.md"


def overdue(catalog: Catalog, freshness: Freshness) -> list[Entry]:
    """Pages due for review, oldest review first."""
    due = [entry for entry in catalog.entries.values() if freshness.is_due(entry.meta.reviewed)]
    return sorted(due, key=lambda e: (e.meta.reviewed, e.title.casefold()))


def overdue_warnings(catalog: Catalog, freshness: Freshness) -> list[str]:
    return [
        f"{catalog.docs_label}/{entry.src_uri}:{entry.line_of('reviewed')}: reviewed: last reviewed {entry.meta.reviewed.isoformat()}, "
        f"{freshness.age(entry.meta.reviewed)} days ago (pages are due after {freshness.after_days}): "
        f"check it against its sources, then set reviewed to the day of that review"
        for entry in overdue(catalog, freshness)
    ]


TITLE = "Review due"


def review_summary(freshness: Freshness) -> str:
    return f"Pages whose last review is more than {freshness.after_days} days old, grouped by the role that owns them."


def review_due_page(catalog: Catalog, freshness: Freshness) -> str:
    roles = catalog.by_stem("role")
    groups: dict[str, list[Entry]] = {}
    for entry in overdue(catalog, freshness):
        groups.setdefault(entry.meta.owner, []).append(entry)
    owners = sorted(groups, key=lambda owner: roles[owner].title.casefold() if owner in roles else owner)
    summary = review_summary(freshness)
    return render_file(
        "review_due.md.j2",
        here=REVIEW_DUE,
        summary=summary,
        freshness=freshness,
        groups=[(roles.get(owner), owner, groups[owner]) for owner in owners],
    )
