"""Decision guides: the question graph is checked, numbered and rendered as questions and answers.

A guide starts at its first question. Every choice leads forward, to a later
question or to an answer, so every path ends in an answer and none loops.
"""

from __future__ import annotations

from typing import NamedTuple

from handbook.content.model import Answer, DecisionGuide, Question


def question_anchor(question_id: str) -> str:
    return f"question-{question_id}"


def answer_anchor(answer_id: str) -> str:
    return f"answer-{answer_id}"


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
