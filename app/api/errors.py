"""Turn engine and limit errors into 422 answers shaped like FastAPI's own validation errors."""

from fastapi import Request
from fastapi.responses import JSONResponse

from ..engine.network import LimitError

__all__ = ["LimitError", "engine_error_handler", "listed_errors", "validation_error_handler"]


def error_body(path, message, kind="value_error"):
    return {"detail": [{"loc": ["body", *path], "msg": message, "type": kind}]}


async def engine_error_handler(request: Request, exc: ValueError) -> JSONResponse:
    kind = "limit_exceeded" if isinstance(exc, LimitError) else "value_error"
    return JSONResponse(error_body(getattr(exc, "path", ()), str(exc), kind), status_code=422)


MAX_LISTED_ERRORS = 20
"""Most validation errors one 422 lists; the rest are counted in a last item (a crafted body can
hold a hundred thousand unknown fields, and listing each would make a 15 MB answer)."""


def listed_errors(errors):
    """FastAPI's error items without the input echoed back (it may hold NaN, which JSON cannot
    carry), at most ``MAX_LISTED_ERRORS`` of them and then one saying how many more there are."""
    detail = [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in errors[:MAX_LISTED_ERRORS]]
    if len(errors) > MAX_LISTED_ERRORS:
        more = len(errors) - MAX_LISTED_ERRORS
        detail.append({"loc": ["body"], "msg": f"and {more} more errors not listed", "type": "too_many_errors"})
    return detail


async def validation_error_handler(request: Request, exc) -> JSONResponse:
    """FastAPI's 422, its errors listed by ``listed_errors``."""
    return JSONResponse({"detail": listed_errors(exc.errors())}, status_code=422)
