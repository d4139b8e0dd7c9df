"""The definition format: what it refuses, and the declared comparison language (no eval)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from hub.actions.workflow_admin import shipped_definitions
from hub.workflow.definition import Comparison, Definition, FormSchema, check_form, holds


def _spec(steps: list[dict[str, Any]], fields: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"key": "x", "name": "x", "form": {"fields": fields or [{"key": "days", "label": "天数", "kind": "number"}]},
            "steps": steps}


A = {"key": "a", "name": "A", "approvers": [{"kind": "role", "role": "leader"}]}
B = {"key": "b", "name": "B", "approvers": [{"kind": "role", "role": "leader"}]}


@pytest.mark.parametrize("bad", [
    _spec([]),
    _spec([A, A]),
    _spec([{**A, "key": "end"}]),
    _spec([{**A, "approvers": [{"kind": "users"}]}]),
    _spec([{**A, "approvers": [{"kind": "position", "unit": "czj"}]}]),
    _spec([{**A, "branches": [{"when": [{"field": "days", "op": "gt", "value": 3}], "goto": "b"}]}, B]),
    _spec([A, {**B, "branches": [{"goto": "a"}]}]),
    _spec([{**A, "branches": [{"when": [{"field": "nope", "op": "gt", "value": 3}], "goto": "end"},
                              {"goto": "end"}]}]),
    _spec([{**A, "mode": "majority"}]),
    _spec([{**A, "quorum_percent": 0}]),
    {**_spec([A]), "title_field": "nope"},
    {**_spec([A]), "eval": "__import__('os')"},
])
def test_malformed_definitions_are_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Definition.model_validate(bad)


def test_branches_go_by_priority_with_a_default() -> None:
    spec = Definition.model_validate(_spec([{**A, "branches": [
        {"priority": 2, "goto": "end"},
        {"priority": 1, "when": [{"field": "days", "op": "ge", "value": 10}], "goto": "c"},
        {"priority": 0, "when": [{"field": "days", "op": "gt", "value": 3}], "goto": "b"}]}, B,
        {**B, "key": "c", "name": "C"}]))
    assert spec.next_after("a", {"days": 2}) == "end"
    assert spec.next_after("a", {"days": 12}) == "b"  # priority 0 is asked first
    assert spec.next_after("a", {}) == "end"
    assert spec.next_after("b", {}) == "c" and spec.next_after("c", {}) == "end"


@pytest.mark.parametrize(("op", "value", "form", "expected"), [
    ("gt", 3, {"f": 3.5}, True), ("gt", 3, {"f": "3"}, False), ("le", "2026-12-01", {"f": "2026-11-30"}, True),
    ("eq", "事假", {"f": "事假"}, True), ("ne", "事假", {"f": "病假"}, True), ("in", ["a", "b"], {"f": "b"}, True),
    ("not_in", ["a"], {"f": "a"}, False), ("empty", None, {}, True), ("not_empty", None, {"f": ""}, False),
    ("gt", 3, {}, False), ("lt", 3, {"f": "text"}, False), ("eq", 1, {"f": True}, False),
])
def test_the_comparison_language(op: str, value: Any, form: dict[str, Any], expected: bool) -> None:
    assert holds(Comparison(field="f", op=op, value=value), form) is expected


def test_form_values_are_cleaned_by_kind() -> None:
    schema = FormSchema.model_validate({"fields": [
        {"key": "amount", "label": "金额", "kind": "money", "required": True},
        {"key": "when", "label": "日期", "kind": "date"},
        {"key": "who", "label": "人员", "kind": "people", "multiple": True}]})
    values, errors = check_form(schema, {"amount": "12.50", "when": "2026-02-14", "who": ["a" * 24]})
    assert errors == [] and values == {"amount": "12.50", "when": "2026-02-14", "who": ["a" * 24]}
    _, errors = check_form(schema, {"amount": "12.505", "when": "14/02/2026", "who": ["x"]})
    assert len(errors) == 3
    _, errors = check_form(schema, {})
    assert errors == ["amount: required"]


def test_the_shipped_definitions_are_valid() -> None:
    assert {d.key for d in shipped_definitions()} == {
        "incoming", "outgoing", "leave", "signoff", "seal", "vehicle", "purchase", "duban", "licensing"}
