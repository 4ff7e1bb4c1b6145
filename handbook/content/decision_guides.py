"""Decision guides: the question graph is checked, numbered and rendered as questions and answers.

A guide starts at its first question. Every choice leads forward, to a later
question or to an answer, so every path ends in an answer and none loops.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import NamedTuple

from handbook.content.model import Answer, DecisionGuide, Question
from handbook.content.problems import Problem


def question_anchor(question_id: str) -> str:
    return f"question-{question_id}"


def answer_anchor(answer_id: str) -> str:
    return f"answer-{answer_id}"


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


class Step(NamedTuple):
    """One choice as a reader follows it: where it leads and what the link says."""

    label: str
    anchor: str
    text: str  # "question 2" or the answer's title
    is_answer: bool


def steps(meta: DecisionGuide, question: Question) -> list[Step]:
    number = {q.id: i + 1 for i, q in enumerate(meta.questions)}
    titles: dict[str, Answer] = {a.id: a for a in meta.answers}
    out = []
    for choice in question.choices:
        if choice.go in number:
            out.append(Step(choice.label, question_anchor(choice.go), f"question {number[choice.go]}", False))
        else:
            out.append(Step(choice.label, answer_anchor(choice.go), titles[choice.go].title, True))
    return out
