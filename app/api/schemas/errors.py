"""The error answers every API route documents: 400, 413 and the 422 list of FastAPI's shape."""

from pydantic import BaseModel


class ErrorItem(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class ErrorList(BaseModel):
    detail: list[ErrorItem]


class ErrorMessage(BaseModel):
    detail: str


ERROR_RESPONSES = {
    400: {"model": ErrorMessage, "description": "The body cannot be read (not UTF-8, or a bad content-length)."},
    413: {"model": ErrorMessage, "description": "The body is larger than max_body_bytes."},
    422: {"model": ErrorList, "description": "A field is missing, malformed, or breaks a limit."},
}
