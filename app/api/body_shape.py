"""A cheap look at a JSON body's shape, before pydantic pays for it: refuse what cannot be valid.

pydantic builds every value of a body before a route can count them, and words one error per
unknown field: a 1–2 MB body of 70,000 rows, 20,000 layers or 150,000 unknown fields cost a worker
0.1–0.6 s to refuse. This pass walks the body's bytes guided by the request model and stops at the
first thing no valid body has:

- an object with more unknown fields than a 422 lists (``MAX_LISTED_ERRORS``);
- a list longer than its limit in the settings (rows ≤ ``max_samples``, layers ≤ ``max_layers``,
  a layer's rows and columns ≤ ``max_neurons``, …), or wider than its columns' limit in total;
- a list or object where a number or a name belongs, or text where a number belongs (worded by
  pydantic itself), nested or long values under unknown fields beyond ``SKIP_BUDGET`` values.

It never parses a number: a matrix of numbers is measured with a few byte counts (C speed), a
string is skipped with ``bytes.find``. What it lets through has lists within the limits, so
pydantic's cost is that of a body a valid request could send. Malformed JSON is left to pydantic
to word. ``check_body`` is a plain function of (bytes, shape, settings): a WebSocket message or any
new route checks its JSON the same way (``shape_of(Model)``).
"""

import contextlib
import json
import re
import types
import typing
from dataclasses import dataclass
from functools import lru_cache

from annotated_types import MaxLen
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from .errors import MAX_LISTED_ERRORS, body_location, worded

SMALL_BODY_BYTES = 4096
"""Bodies up to this size go straight to pydantic: refusing the worst of them (~340 unknown
fields) costs ~1 ms, and an honest step (~0.6 kB) pays nothing for this pass."""

SKIP_BUDGET = 2000
"""Most JSON values walked one by one in places no valid body has them (under unknown fields, or
where pydantic cannot word the mistake): valid bodies walk none."""

ESCAPED_QUOTE_LOOPS = 64
"""Escaped quotes skipped one ``find`` at a time in one string before a regex skips the rest."""


@dataclass(frozen=True)
class Limit:
    setting: str | None  # the setting that bounds the list; None: the schema's own max_length
    noun: str
    extra: int = 0  # allowed = the setting + extra (widths: one more than layers)

    def allowed(self, settings):
        return self.extra + (getattr(settings, self.setting) if self.setting else 0)

    def words(self, settings):
        value = self.allowed(settings)
        return f"the limit {self.setting} is {getattr(settings, self.setting)}" if self.setting else f"at most {value}"


@dataclass(frozen=True)
class Leaf:
    kind: str  # "number", "string" or "other" (bool, null, …)


@dataclass(frozen=True)
class Array:
    item: object
    limit: Limit


@dataclass(frozen=True)
class Object:
    fields: dict


ROWS, COLUMNS = Limit("max_samples", "rows"), Limit("max_neurons", "columns")
NEURONS = Limit("max_neurons", "rows")
LAYERS = Limit("max_layers", "layers")
LIST_LIMITS = {
    "inputs": (ROWS, COLUMNS),
    "targets": (ROWS, COLUMNS),
    "test_inputs": (ROWS, COLUMNS),
    "test_targets": (ROWS, COLUMNS),
    "layers": (LAYERS,),
    "weights": (NEURONS, COLUMNS),
    "biases": (Limit("max_neurons", "items"),),
    "gradients": (LAYERS,),
    "velocity": (LAYERS,),
    "m": (LAYERS,),
    "v": (LAYERS,),
    "widths": (Limit("max_layers", "widths (layers + 1)", extra=1),),
    "activations": (LAYERS,),
}
"""Field name → the limit of each level of its lists (a matrix: rows, then columns). A list field
not named here takes its schema's max_length, else ``max_samples`` (the broadest list limit)."""


@lru_cache
def shape_of(model):
    """The shape of ``model``'s JSON: objects with their fields, lists with their limits, leaves."""
    return _shape(model, None, ())


def _shape(annotation, name, metadata, level=0):
    """``level``: how many lists of the field ``name`` enclose this one (a matrix's rows are at 1)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _shape(annotation.__origin__, name, (*metadata, *annotation.__metadata__), level)
    if origin in (typing.Union, types.UnionType):
        members = [_shape(a, name, metadata, level) for a in typing.get_args(annotation) if a is not type(None)]
        if len(members) == 1:
            return members[0]
        if all(isinstance(m, Object) for m in members):  # a tagged union: any member's fields
            return Object({k: v for m in members for k, v in m.fields.items()})
        return Leaf("other")
    if origin is list:
        limits = LIST_LIMITS.get(name, ())
        limit = limits[level] if level < len(limits) else _schema_limit(metadata)
        return Array(_shape(typing.get_args(annotation)[0], name, (), level + 1), limit)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Object({k: _shape(f.annotation, k, tuple(f.metadata)) for k, f in annotation.model_fields.items()})
    if annotation in (float, int):
        return Leaf("number")
    if annotation is str or (origin is typing.Literal and all(isinstance(a, str) for a in typing.get_args(annotation))):
        return Leaf("string")
    return Leaf("other")


def _schema_limit(metadata):
    """The list's own max_length (Field or annotated-types), else the broadest list limit."""
    flat = [inner for m in metadata for inner in (m.metadata if isinstance(m, FieldInfo) else [m])]
    lengths = [m.max_length for m in flat if isinstance(m, MaxLen)]
    return Limit(None, "items", extra=min(lengths)) if lengths else Limit("max_samples", "items")


class Refused(Exception):
    """The body cannot be valid: ``errors`` (locations inside the body), and whether more were left unsaid."""

    def __init__(self, errors, more=False):
        super().__init__(errors)
        self.errors, self.more = errors, more


class _Malformed(Exception):
    """Not JSON as this pass reads it: pydantic words it."""


def check_body(data, model, settings):
    """Raise ``Refused`` when the JSON ``data`` cannot be a valid ``model`` within ``settings``."""
    walk = _Walk(data, model, settings)
    # Malformed JSON is pydantic's to word: the part walked so far was within the limits.
    with contextlib.suppress(_Malformed, IndexError, UnicodeDecodeError):
        walk.value(walk.space(0), shape_of(model), ())


WHITESPACE = b" \t\n\r"
_SPACE = re.compile(rb"[ \t\n\r]*")
_BARE = re.compile(rb"[^ \t\n\r\[\]{},:\"]+")
_MATRIX_END = re.compile(rb"\][ \t\n\r]*\]")
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]")
"""Deleted from a matrix's bytes, a flat one leaves [] once per row (a regex for nesting took twice as long)."""
_STRING_REST = re.compile(rb'[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
OPEN_OBJECT, OPEN_LIST, QUOTE, COMMA, COLON = b'{[",:'
EXTRA = "Extra inputs are not permitted"  # pydantic's words for an unknown field


class _Walk:
    def __init__(self, data, model, settings):
        self.data, self.model, self.settings = data, model, settings
        self.unknown = []  # extra_forbidden errors found so far
        self.budget = SKIP_BUDGET

    def space(self, i):
        return _SPACE.match(self.data, i).end() if self.data[i] in WHITESPACE else i

    def value(self, i, shape, loc):
        """Walk the value at ``i`` (no space before it) as ``shape``; return the index after it."""
        c = self.data[i]
        if isinstance(shape, Object) and c == OPEN_OBJECT:
            return self.object(i, shape, loc)
        if isinstance(shape, Array) and c == OPEN_LIST:
            return self.array(i, shape, loc)
        container = c in (OPEN_OBJECT, OPEN_LIST)
        if container or (c == QUOTE and shape == Leaf("number")):
            self.mismatch(i, loc)  # a container of the other kind, or where a leaf belongs
        return self.skip(i, loc)

    def object(self, i, shape, loc):
        data = self.data
        i = self.space(i + 1)
        if data[i] == ord("}"):
            return i + 1
        while True:
            if data[i] != QUOTE:
                raise _Malformed
            end = self.string_end(i)
            key = _key(data[i + 1 : end - 1])
            i = self.space(end)
            if data[i] != COLON:
                raise _Malformed
            i = self.space(i + 1)
            if key in shape.fields:
                i = self.value(i, shape.fields[key], (*loc, key))
            else:
                self.unknown.append({"loc": (*loc, key), "msg": EXTRA, "type": "extra_forbidden"})
                if len(self.unknown) > MAX_LISTED_ERRORS:
                    raise Refused(self.unknown[:MAX_LISTED_ERRORS], more=True)
                i = self.skip(i, (*loc, key))
            i = self.space(i)
            if data[i] == COMMA:
                i = self.space(i + 1)
            elif data[i] == ord("}"):
                return i + 1
            else:
                raise _Malformed

    def array(self, i, shape, loc):
        if isinstance(shape.item, Array) and shape.item.item == Leaf("number"):
            end = self.number_matrix(i, shape, loc)
            if end is not None:
                return end
        elif shape.item == Leaf("number"):
            end = self.number_row(i, shape.limit, loc)
            if end is not None:
                return end
        data, allowed, count = self.data, shape.limit.allowed(self.settings), 0
        i = self.space(i + 1)
        if data[i] == ord("]"):
            return i + 1
        while True:
            if count == allowed:
                self.refuse(loc, f"has more than {allowed} {shape.limit.noun}; {shape.limit.words(self.settings)}")
            i = self.space(self.value(i, shape.item, (*loc, count)))
            count += 1
            if data[i] == COMMA:
                i = self.space(i + 1)
            elif data[i] == ord("]"):
                return i + 1
            else:
                raise _Malformed

    def number_row(self, i, limit, loc):
        """A flat list of numbers measured by byte counts; None when it holds anything else."""
        data = self.data
        end = data.find(b"]", i)
        if end < 0 or any(data.find(c, i + 1, end) >= 0 for c in (b"[", b"{", b'"')):
            return None
        items, allowed = data.count(b",", i, end) + (self.space(i + 1) != end), limit.allowed(self.settings)
        if items > allowed:
            # pydantic stops a list at its first bad item: name it when it is one of the first ones
            cut = i + 1
            for _ in range(allowed + 1):
                cut = data.find(b",", cut) + 1
            error = _pydantic_error(self.model, loc, data[i : cut - 1].decode() + "]", within=True)
            if error is not None:
                raise Refused([*self.unknown, error][:MAX_LISTED_ERRORS])
            self.refuse(loc, f"has {items} {limit.noun}; {limit.words(self.settings)}")
        return end + 1

    def number_matrix(self, i, shape, loc):
        """A list of flat lists of numbers measured by byte counts; None when it holds anything else."""
        data, settings = self.data, self.settings
        found = _MATRIX_END.search(data, i)
        if found is None:
            return None
        end = found.end()
        if data.find(b"{", i, end) >= 0 or data.find(b'"', i, end) >= 0:
            return None
        opens, closes = data.count(b"[", i, end), data.count(b"]", i, end)
        if opens != closes or opens < 2 or data[self.space(i + 1)] != OPEN_LIST:
            return None
        rows, items = opens - 1, data.count(b",", i, end) + 1  # commas: within rows and between them
        row_limit, column_limit = shape.limit, shape.item.limit
        over_rows = rows > row_limit.allowed(settings)
        over_columns = items > rows * column_limit.allowed(settings)
        if not (over_rows or over_columns):
            return end
        if data[i + 1 : end - 1].translate(None, _NOT_BRACKETS) != b"[]" * rows:
            return None  # a list inside a row: walked item by item, where pydantic words it
        if over_rows:
            self.refuse(loc, f"has {rows} {row_limit.noun}; {row_limit.words(settings)}")
        start = i + 1
        for row in range(rows):  # some row is too wide: find the first
            start = data.find(b"[", start)
            stop = data.find(b"]", start)
            width = data.count(b",", start, stop) + 1
            if width > column_limit.allowed(settings):
                self.refuse((*loc, row), f"has {width} {column_limit.noun}; {column_limit.words(settings)}")
            start = stop
        return end

    def skip(self, i, loc):
        """Skip any JSON value, one token at a time within the budget; return the index after it."""
        data, depth = self.data, 0
        while True:
            self.budget -= 1
            if self.budget < 0:
                raise Refused((self.unknown or [_too_large(loc)])[:MAX_LISTED_ERRORS])
            c = data[i]
            if c in (OPEN_OBJECT, OPEN_LIST):
                depth, i = depth + 1, i + 1
            elif c in b"]}":
                depth, i = depth - 1, i + 1
            elif c == QUOTE:
                i = self.string_end(i)
            elif c in b",:" and depth > 0:
                i += 1
            else:
                found = _BARE.match(data, i)
                if found is None:
                    raise _Malformed
                i = found.end()
            if depth == 0:
                return i
            if depth < 0:
                raise _Malformed
            i = self.space(i)

    def string_end(self, i):
        """The index after the string that opens at ``i``, found with ``bytes.find``."""
        data, start = self.data, i + 1
        for _ in range(ESCAPED_QUOTE_LOOPS):
            k = data.find(b'"', start)
            if k < 0:
                raise _Malformed
            if data[k - 1] != ord("\\") or _backslashes_before(data, k, i) % 2 == 0:
                return k + 1
            start = k + 1
        found = _STRING_REST.match(data, start)
        if found is None:
            raise _Malformed
        return found.end()

    def mismatch(self, i, loc):
        """A list or object where a number or a name belongs, or text where a number does: refused
        with pydantic's own words for it, when pydantic has them for this place."""
        stand_in = {OPEN_OBJECT: "{}", OPEN_LIST: "[]"}.get(self.data[i], '"x"')
        error = _pydantic_error(self.model, loc, stand_in)
        if error is not None:
            raise Refused([*self.unknown, error][:MAX_LISTED_ERRORS])

    def refuse(self, loc, message):
        raise Refused([*self.unknown, {"loc": loc, "msg": message, "type": "limit_exceeded"}][:MAX_LISTED_ERRORS])


def _backslashes_before(data, k, floor):
    """How many backslashes run back from ``k - 1`` (not past ``floor``), counted in C."""
    window = 16
    while True:
        start = max(floor, k - window)
        run = k - start - len(data[start:k].rstrip(b"\\"))
        if run < k - start or start == floor:
            return run
        window *= 4


def _key(raw):
    return json.loads(b'"' + raw + b'"') if b"\\" in raw else raw.decode()


def _too_large(loc):
    return {
        "loc": loc,
        "msg": f"is nested or long beyond anything this place takes (more than {SKIP_BUDGET} values)",
        "type": "too_large",
    }


def _pydantic_error(model, loc, stand_in, within=False):
    """pydantic's error for ``stand_in`` (a little JSON) at ``loc`` of an otherwise empty body — or,
    ``within``, its first error inside it — or None."""
    text = stand_in
    for part in reversed(loc):
        text = f"[{text}]" if isinstance(part, int) else f"{{{json.dumps(part)}: {text}}}"
    at = [0 if isinstance(part, int) else part for part in loc]
    try:
        model.model_validate_json(text)
    except ValidationError as error:
        for item in error.errors(include_url=False, include_context=False, include_input=False):
            where = body_location(list(item["loc"]))
            if where == at or (within and where[: len(at)] == at):
                return {"loc": (*loc, *where[len(at) :]), "msg": worded(item), "type": item["type"]}
    return None
