"""Turn engine and limit errors into 422 answers shaped like FastAPI's own validation errors."""

from fastapi import Request
from fastapi.responses import JSONResponse

from ..engine import NetworkError
from ..engine.optimizers import OPTIMIZERS


class LimitError(NetworkError):
    """A request larger than a server setting allows; the message names the setting. Answered
    like the engine's own errors (a 422 naming the field) with type ``limit_exceeded``."""


def error_body(path, message, kind="value_error"):
    return {"detail": [{"loc": ["body", *path], "msg": message, "type": kind}]}


async def engine_error_handler(request: Request, exc: ValueError) -> JSONResponse:
    kind = "limit_exceeded" if isinstance(exc, LimitError) else "value_error"
    return JSONResponse(error_body(getattr(exc, "path", ()), str(exc), kind), status_code=422)


MAX_LISTED_ERRORS = 20
"""Most validation errors one 422 lists; the rest are counted in a last item (a crafted body can
hold a hundred thousand unknown fields, and listing each would make a 15 MB answer)."""

TAGGED_UNIONS = {"optimizer": tuple(OPTIMIZERS)}
"""The request's tagged unions: field → the names its ``name`` may take."""

UNION_TAGS = {(field, tag) for field, tags in TAGGED_UNIONS.items() for tag in tags}
"""(field, tag) pairs pydantic puts in a location inside a tagged union ("optimizer", "sgd",
"learning_rate"): the tag names which member was checked, not a key of the body, so it goes."""


def is_json(content_type):
    """``application/json``, with or without parameters such as ``charset``."""
    return content_type is not None and content_type.split(";", 1)[0].strip().lower() == "application/json"


def body_location(loc):
    """The location as keys and indexes of the body: without a tagged union's tag."""
    return [part for i, part in enumerate(loc) if i == 0 or (loc[i - 1], part) not in UNION_TAGS]


def worded(error):
    """pydantic's message, except where it speaks of its internals: a tagged union without its tag."""
    field = error["loc"][-1] if error["loc"] else None
    if error["type"] == "union_tag_not_found" and field in TAGGED_UNIONS:
        return f'needs a "name": one of {", ".join(TAGGED_UNIONS[field])}'
    return error["msg"]


def listed_errors(errors):
    """FastAPI's error items without the input echoed back (it may hold NaN, which JSON cannot
    carry), at most ``MAX_LISTED_ERRORS`` of them and then one saying how many more there are."""
    detail = [{"loc": body_location(e["loc"]), "msg": worded(e), "type": e["type"]} for e in errors[:MAX_LISTED_ERRORS]]
    if len(errors) > MAX_LISTED_ERRORS:
        more = len(errors) - MAX_LISTED_ERRORS
        detail.append({"loc": ["body"], "msg": f"and {more} more errors not listed", "type": "too_many_errors"})
    return detail


def not_json_hint(content_type):
    """What to say when a JSON body came without the JSON content type (curl -d sends a form's)."""
    said = f"this request's Content-Type is {content_type!r}" if content_type else "this request has no Content-Type"
    return (
        f"must be JSON sent with the header Content-Type: application/json; {said} "
        "(curl: -H 'content-type: application/json')"
    )


async def validation_error_handler(request: Request, exc) -> JSONResponse:
    """FastAPI's 422, its errors listed by ``listed_errors``; a body refused for its content type says so."""
    detail = listed_errors(exc.errors())
    content_type = request.headers.get("content-type")
    if not is_json(content_type):
        for item in detail:
            if item["loc"] == ["body"] and item["type"] in ("model_attributes_type", "dict_type"):
                item["msg"] = not_json_hint(content_type)
    return JSONResponse({"detail": detail}, status_code=422)
