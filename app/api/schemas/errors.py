"""The one error answer of the API, and which operations declare which status codes.

Every 4xx is ``{"detail": …}``: a sentence where the request as a whole is refused (400, 404, 413),
or the list of what is wrong, each item naming its place (422, FastAPI's shape).
"""

from pydantic import BaseModel, Field


class ErrorItem(BaseModel):
    """One thing wrong with a request."""

    loc: list[str | int] = Field(
        description='Where: "body", "query" or "path", then the keys and indexes, e.g. ["body", "inputs", 0, 1].'
    )
    msg: str = Field(description="What is wrong, in words a learner can act on.")
    type: str = Field(description="pydantic's error type, value_error (the engine) or limit_exceeded (a setting).")


class Error(BaseModel):
    """Every 4xx answer."""

    detail: str | list[ErrorItem] = Field(
        description="A sentence (400, 404, 413), or the list of what is wrong with the request (422)."
    )


def _declared(status, description):
    return {status: {"model": Error, "description": description}}


BAD_BODY = {
    **_declared(400, "The body cannot be read (not UTF-8, or a bad content-length)."),
    **_declared(413, "The body is larger than max_body_bytes."),
}
"""What an operation that takes a JSON body can answer before reading it."""

INVALID = _declared(422, "A field is missing, malformed, or breaks a limit.")
"""What an operation answers when its body, path or query fails validation or the engine's checks."""

NOT_FOUND = _declared(404, "Nothing of that name.")

BODY_RESPONSES = {**BAD_BODY, **INVALID}
"""The errors of an operation with a JSON body."""
