"""Turn engine and limit errors into 422 answers shaped like FastAPI's own validation errors."""

from fastapi import Request
from fastapi.responses import JSONResponse

from ..engine import NetworkError


class LimitError(NetworkError):
    """A request larger than a configured limit; the message names the setting."""


def error_body(path, message, kind="value_error"):
    return {"detail": [{"loc": ["body", *path], "msg": message, "type": kind}]}


async def engine_error_handler(request: Request, exc: ValueError) -> JSONResponse:
    kind = "limit_exceeded" if isinstance(exc, LimitError) else "value_error"
    return JSONResponse(error_body(getattr(exc, "path", ()), str(exc), kind), status_code=422)


async def validation_error_handler(request: Request, exc) -> JSONResponse:
    """FastAPI's 422, without echoing the input back (it may hold NaN, which JSON cannot carry)."""
    detail = [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors()]
    return JSONResponse({"detail": detail}, status_code=422)
