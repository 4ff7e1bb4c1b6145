"""The rules of the plays: a template holds its block, an exercise's steps add up, a decision guide leads forward."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass

from handbook.content import frontmatter
from handbook.content.catalog import Entry
from handbook.content.markdown import heading, scan
from handbook.content.model import DecisionGuide, Exercise, Template
from handbook.content.problems import Problem

TEMPLATE_HEADING = "The template"
LANGUAGE = "markdown"


# How messages name a reference to any page ("unknown page 'x'").
PAGE_WORD = "page"


def play_problems(entry: Entry, doc: frontmatter.Parsed, path: str, check: Callable[..., None], pages: set[str]) -> list[Problem]:
    """Cross-field rules of templates, exercises and decision guides."""
    meta, uri = entry.meta, entry.src_uri
    where = "use folder/id of an existing page, e.g. practices/team-charter"
    if isinstance(meta, Template):
        for index, ref in enumerate(meta.used_in):
            check(uri, ("used_in", index), ref, pages, PAGE_WORD, where)
        problem = block_problem(entry.body, doc.body_line, path)
        return [problem] if problem else []
    if isinstance(meta, Exercise):
        return timing_problems(meta, doc.line_of, path)
    if isinstance(meta, DecisionGuide):
        for index, answer in enumerate(meta.answers):
            for number, ref in enumerate(answer.see):
                check(uri, ("answers", index, "see", number), ref, pages, PAGE_WORD, where)
        return guide_problems(meta, doc.line_of, path)
    return []


# --- a template's block ------------------------------------------------------


@dataclass(frozen=True)
class Block:
    text: str  # the template, ending with one newline
    line: int  # 0-based line of the opening fence in the body


def _is_section(text: str) -> bool:
    found = heading(text)
    return found is not None and found[0] <= 2


def find_block(body: str) -> Block | str:
    """The ```markdown block under a template page's `## The template`, or what is wrong with the body."""
    lines = list(scan(body))
    start = next((line.index for line in lines if line.kind == "prose" and line.text.rstrip() == f"## {TEMPLATE_HEADING}"), None)
    if start is None:
        return f"no '## {TEMPLATE_HEADING}' section: add it, with the template in a ```{LANGUAGE} fenced block"
    for line in lines[start + 1 :]:
        if line.kind == "prose" and _is_section(line.text):
            break
        if line.kind != "open":
            continue
        info = line.info.split()
        if not info or info[0] != LANGUAGE:
            return f"the block under '## {TEMPLATE_HEADING}' must be fenced as ```{LANGUAGE} so it can be downloaded"
        inside = []
        for later in lines[line.index + 1 :]:
            if later.kind == "close":
                break
            inside.append(_dedent(later.text, line.indent))
        else:
            return f"the ```{LANGUAGE} block under '## {TEMPLATE_HEADING}' is not closed: end it with a {line.fence} line"
        text = "\n".join(inside).strip("\n")
        if not text:
            return f"the ```{LANGUAGE} block under '## {TEMPLATE_HEADING}' is empty: write the template in it"
        return Block(text + "\n", line.index)
    return f"'## {TEMPLATE_HEADING}' holds no ```{LANGUAGE} fenced block: put the template in one"


def _dedent(line: str, indent: int) -> str:
    # CommonMark removes up to the opening fence's indentation from each content line.
    stripped = len(line) - len(line.lstrip(" "))
    return line[min(indent, stripped) :]


def block_problem(body: str, body_line: int, path: str) -> Problem | None:
    found = find_block(body)
    if isinstance(found, Block):
        return None
    start = next((line.index for line in scan(body) if line.kind == "prose" and line.text.rstrip() == f"## {TEMPLATE_HEADING}"), 0)
    return Problem(path, body_line + start, "body", found)


# --- an exercise's timing ------------------------------------------------------


def timing_problems(meta: Exercise, line_of: Callable[[tuple[str, ...]], int], path: str) -> list[Problem]:
    total = sum(step.minutes for step in meta.timing)
    if total == meta.duration_minutes:
        return []
    return [
        Problem(path, line_of(("timing",)), "timing",
                f"the steps add up to {total} minutes but duration_minutes is {meta.duration_minutes}: make them agree")
    ]


# --- a decision guide's paths ----------------------------------------------------


def guide_problems(meta: DecisionGuide, line_of: Callable[[tuple[str | int, ...]], int], path: str) -> list[Problem]:
    """Ids unique, every choice leading forward to a known id, every question and answer reachable."""
    problems: list[Problem] = []
    position = {q.id: i for i, q in enumerate(meta.questions)}
    answers = {a.id for a in meta.answers}
    seen: set[str] = set()
    for kind, items in (("questions", meta.questions), ("answers", meta.answers)):
        for i, item in enumerate(items):
            if item.id in seen:
                problems.append(Problem(path, line_of((kind, i, "id")), f"{kind}.{i}.id", f"'{item.id}' is already the id of another question or answer"))
            seen.add(item.id)
    reached: set[str] = {meta.questions[0].id}
    targets = sorted(seen)
    for i, question in enumerate(meta.questions):
        labels: set[str] = set()
        for j, choice in enumerate(question.choices):
            where = ("questions", i, "choices", j)
            name = f"questions.{i}.choices.{j}"
            if choice.label.casefold() in labels:
                problems.append(Problem(path, line_of((*where, "label")), f"{name}.label", f"'{choice.label}' is offered twice in this question"))
            labels.add(choice.label.casefold())
            if choice.go in position:
                if position[choice.go] <= i:
                    problems.append(Problem(path, line_of((*where, "go")), f"{name}.go",
                                            f"'{choice.go}' is not a later question: choices only lead forward; reorder the questions"))
            elif choice.go not in answers:
                close = difflib.get_close_matches(choice.go, targets, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                problems.append(Problem(path, line_of((*where, "go")), f"{name}.go", f"unknown question or answer '{choice.go}'{hint}"))
                continue
            reached.add(choice.go)
    for kind, items in (("questions", meta.questions), ("answers", meta.answers)):
        for i, item in enumerate(items):
            if item.id not in reached:
                what = "question" if kind == "questions" else "answer"
                problems.append(Problem(path, line_of((kind, i, "id")), f"{kind}.{i}.id",
                                        f"{what} '{item.id}' is never reached: point a choice at it or remove it"))
    return problems
