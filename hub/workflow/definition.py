"""The process definition format: a typed form, steps, who acts, and branches in a small declared language."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

FieldKind = Literal["text", "number", "money", "date", "daterange", "choice", "people", "units", "attachments",
                    "datetime"]
_KEY = r"^[a-z][a-z0-9_]{0,39}$"
END = "end"
# Processes about a subject whose steps carry the subject's own data (收文: numbers, 批示, 传阅): started and
# decided only through the subject's actions (hub/actions/documents*.py), never the generic endpoints or cards.
SUBJECT_DEFINITIONS = frozenset({"incoming", "outgoing", "licensing"})
# On those processes, these only come through the subject's own acts (its page carries the step's data).
SUBJECT_OPS = frozenset({"approve", "reject", "return", "add_sign", "transfer", "withdraw", "retrieve"})


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FormField(Strict):
    """One input of the start form; `kind` decides the widget and how a value is checked."""

    key: Annotated[str, Field(pattern=_KEY)]
    label: Annotated[str, Field(min_length=1, max_length=40)]
    kind: FieldKind
    required: bool = False
    options: list[str] = Field(default_factory=list, description="choice: the allowed values")
    multiple: bool = Field(default=False, description="choice, people, units: more than one value")
    max_length: Annotated[int, Field(ge=1, le=20000)] = 2000
    minimum: float | None = None
    maximum: float | None = None
    help: str = ""
    workdays_of: str | None = Field(default=None, description="number: the working days (调休 included) of this "
                                    "daterange; the server fills it, or checks a typed one (half days) against it")


class FormSchema(Strict):
    fields: list[FormField] = Field(default_factory=list)


Op = Literal["eq", "ne", "gt", "ge", "lt", "le", "in", "not_in", "empty", "not_empty"]
Scalar = str | float | bool


class Comparison(Strict):
    """`form[field] op value`: numbers compare as numbers, dates as ISO dates, others as text."""

    field: Annotated[str, Field(pattern=_KEY)]
    op: Op
    value: Scalar | list[Scalar] | None = None


class Branch(Strict):
    """Taken when every comparison holds (no comparisons: the default). Lower priority first."""

    priority: int = 0
    when: list[Comparison] = Field(default_factory=list)
    goto: Annotated[str, Field(pattern=_KEY)] = Field(description="a later step's key, or 'end'")


ApproverKind = Literal["users", "role", "unit_head", "position", "initiator_unit_head",
                       "initiator_unit_supervisor", "chosen"]


class Approvers(Strict):
    """Who acts on a step; a step may list several rules, their people are merged in order."""

    kind: ApproverKind
    users: list[str] = Field(default_factory=list, description="users: usernames")
    role: str | None = Field(default=None, description="role: e.g. sys_admin, leader")
    unit: str | None = Field(default=None, description="unit_head, position: the unit's code")
    position: str | None = Field(default=None, description="position: the 岗位 name inside the unit")

    @model_validator(mode="after")
    def _complete(self) -> Approvers:
        if self.kind == "users" and not self.users:
            raise ValueError("users: list at least one username")
        if self.kind == "role" and not self.role:
            raise ValueError("role: name the role")
        if self.kind in ("unit_head", "position") and not self.unit:
            raise ValueError(f"{self.kind}: name the unit code")
        if self.kind == "position" and not self.position:
            raise ValueError("position: name the 岗位")
        return self


class Limit(Strict):
    amount: Annotated[int, Field(ge=1, le=1000)]
    unit: Literal["workdays", "workhours"] = "workdays"


Mode = Literal["sequential", "all", "any"]  # 依次, 会签, 或签


class Chase(Strict):
    """Automatic 催办 of a step's holders: every `every_hours` office hours after the step opens, `count` times;
    then, if still undone, one escalation to the holder's unit head (or, for a head, the unit's 分管领导)."""

    every_hours: Annotated[float, Field(gt=0, le=400)]
    count: Annotated[int, Field(ge=1, le=20)] = 3
    escalate: Literal["head", "supervisor", "none"] = "head"


class Step(Strict):
    key: Annotated[str, Field(pattern=_KEY)]
    name: Annotated[str, Field(min_length=1, max_length=40)]
    mode: Mode = "any"
    approvers: list[Approvers] = Field(min_length=1)
    quorum_percent: Annotated[int, Field(ge=1, le=100)] = Field(
        default=100, description="会签: share of approvals that decides the step")
    one_rejection: Literal["rejects", "counts"] = Field(
        default="rejects", description="会签: one 不同意 rejects the step, or only counts against the quorum")
    opinion: Literal["optional", "required", "on_reject"] = "on_reject"
    when_nobody: Literal["skip", "admin", "refuse"] = "refuse"
    when_initiator: Literal["keep", "skip"] = "keep"
    skip_approved_before: bool = True
    limit: Limit | None = None
    chase: Chase | None = None
    branches: list[Branch] = Field(default_factory=list, description="empty: the next step in the list, or end")

    @property
    def chooses(self) -> bool:
        return any(a.kind == "chosen" for a in self.approvers)


class Definition(Strict):
    """A process as data: validated here, stored versioned, and published by administrators."""

    key: Annotated[str, Field(pattern=_KEY)]
    name: Annotated[str, Field(min_length=1, max_length=40)]
    description: str = ""
    title_field: str | None = Field(default=None, description="a text field that titles each instance")
    card_unit: str | None = Field(default=None, max_length=40, description="the code of the unit whose channel gets "
                                  "each instance's card; default: the initiator's unit (a start may name a channel)")
    card: bool = Field(default=True, description="post a live process card to a channel; off where the subject "
                       "has its own page and notices (a busy 行政审批 window would flood its channel)")
    form: FormSchema = Field(default_factory=FormSchema)
    steps: list[Step] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Definition:
        keys = [s.key for s in self.steps]
        if len(set(keys)) != len(keys) or END in keys:
            raise ValueError("step keys must be unique and not 'end'")
        fields = {f.key: f for f in self.form.fields}
        if len(fields) != len(self.form.fields):
            raise ValueError("form field keys must be unique")
        if self.title_field is not None and self.title_field not in fields:
            raise ValueError("title_field: no such form field")
        for f in self.form.fields:
            if f.workdays_of is not None and (f.kind != "number" or f.workdays_of not in fields
                                              or fields[f.workdays_of].kind != "daterange"):
                raise ValueError(f"{f.key}: workdays_of names a daterange field, on a number field")
        for i, step in enumerate(self.steps):
            later = set(keys[i + 1:]) | {END}
            for branch in step.branches:
                if branch.goto not in later:
                    raise ValueError(f"step {step.key}: a branch may only go to a later step or end")
                for cmp in branch.when:
                    if cmp.field not in fields:
                        raise ValueError(f"step {step.key}: branch compares unknown field {cmp.field}")
            if step.branches and not any(not b.when for b in step.branches):
                raise ValueError(f"step {step.key}: branches need a default (a branch with no conditions)")
        return self

    def step(self, key: str) -> Step:
        for s in self.steps:
            if s.key == key:
                return s
        raise KeyError(key)

    def next_after(self, key: str, form: dict[str, Any]) -> str:
        """The branch target after a step is approved: first matching branch by priority, else the next step."""
        step = self.step(key)
        for branch in sorted(step.branches, key=lambda b: b.priority):
            if all(holds(c, form) for c in branch.when):
                return branch.goto
        index = self.steps.index(step)
        return self.steps[index + 1].key if index + 1 < len(self.steps) else END


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _ordered(left: Any, right: Any) -> tuple[Any, Any] | None:
    a, b = _number(left), _number(right)
    if a is not None and b is not None:
        return a, b
    if isinstance(left, str) and isinstance(right, str):
        return left, right  # ISO dates order as text
    return None


def holds(cmp: Comparison, form: dict[str, Any]) -> bool:
    """Evaluate one comparison; a missing value or mismatched types make order comparisons false."""
    value = form.get(cmp.field)
    if cmp.op == "empty":
        return value in (None, "", [])
    if cmp.op == "not_empty":
        return value not in (None, "", [])
    if cmp.op in ("in", "not_in"):
        options = cmp.value if isinstance(cmp.value, list) else [cmp.value]
        inside = any(_same(value, o) for o in options)
        return inside if cmp.op == "in" else not inside
    if cmp.op == "eq":
        return _same(value, cmp.value)
    if cmp.op == "ne":
        return not _same(value, cmp.value)
    pair = _ordered(value, cmp.value)
    if pair is None:
        return False
    a, b = pair
    return bool({"gt": a > b, "ge": a >= b, "lt": a < b, "le": a <= b}[cmp.op])


def _same(left: Any, right: Any) -> bool:
    if isinstance(left, bool) != isinstance(right, bool):
        return False  # True is not 1 in a form
    a, b = _number(left), _number(right)
    if a is not None and b is not None:
        return a == b
    return bool(left == right)


_MONEY = re.compile(r"^-?\d{1,13}(\.\d{1,2})?$")
_OBJECT_ID = re.compile(r"^[0-9a-f]{24}$")


def check_form(schema: FormSchema, data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Clean form values against the schema. Returns (values, errors); texts to classify are values' strings."""
    errors: list[str] = []
    out: dict[str, Any] = {}
    known = {f.key for f in schema.fields}
    for extra in sorted(set(data) - known):
        errors.append(f"{extra}: not a field of this form")
    for f in schema.fields:
        raw = data.get(f.key)
        if raw in (None, "", []):
            if f.required:
                errors.append(f"{f.key}: required")
            continue
        try:
            out[f.key] = _clean(f, raw)
        except ValueError as exc:
            errors.append(f"{f.key}: {exc}")
    return out, errors


def _clean(f: FormField, raw: Any) -> Any:
    if f.kind == "text":
        if not isinstance(raw, str) or len(raw) > f.max_length:
            raise ValueError(f"text of at most {f.max_length} characters")
        return raw.strip()
    if f.kind in ("number", "money"):
        num = _number(raw)
        if num is None or not num.is_finite() or (f.kind == "money" and not _MONEY.match(str(raw))):
            raise ValueError("a number" if f.kind == "number" else "an amount with at most 2 decimals")
        if (f.minimum is not None and num < Decimal(str(f.minimum))) or \
                (f.maximum is not None and num > Decimal(str(f.maximum))):
            raise ValueError(f"between {f.minimum} and {f.maximum}")
        return str(num) if f.kind == "money" else float(num)
    if f.kind == "date":
        return _date(raw)
    if f.kind == "datetime":
        return _datetime(raw)
    if f.kind == "daterange":
        if not isinstance(raw, list) or len(raw) != 2:
            raise ValueError("two dates [start, end]")
        start, end = _date(raw[0]), _date(raw[1])
        if end < start:
            raise ValueError("the range ends before it starts")
        return [start, end]
    if f.kind == "choice":
        values = raw if isinstance(raw, list) and f.multiple else [raw]
        if not all(isinstance(v, str) and v in f.options for v in values):
            raise ValueError("not one of the options")
        return values if f.multiple else values[0]
    # people, units, attachments: ids (people and units are checked to exist by the action)
    values = raw if isinstance(raw, list) else [raw]
    if not f.multiple and f.kind != "attachments" and len(values) != 1:
        raise ValueError("exactly one")
    if len(values) > 50 or not all(isinstance(v, str) and _OBJECT_ID.match(v) for v in values):
        raise ValueError("ids")
    return values if (f.multiple or f.kind == "attachments") else values[0]


_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$")


def _datetime(raw: Any) -> str:
    """Beijing wall-clock time to the minute, "YYYY-MM-DD HH:MM": what a form means by a departure time."""
    if not isinstance(raw, str) or not _DATETIME.match(raw):
        raise ValueError("a time YYYY-MM-DD HH:MM")
    try:
        return datetime.fromisoformat(raw.replace(" ", "T")).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        raise ValueError("a time YYYY-MM-DD HH:MM") from None


def _date(raw: Any) -> str:
    if not isinstance(raw, str):
        raise ValueError("an ISO date YYYY-MM-DD")
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        raise ValueError("an ISO date YYYY-MM-DD") from None
