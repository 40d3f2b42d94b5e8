"""The OpenAPI document as generated clients need it: every 4xx declared by the routes themselves.

FastAPI adds a 422 answer (its ``HTTPValidationError``) to every operation that has a parameter.
The routes here declare their 422 where one can happen (``schemas/errors.py``), with the API's one
``Error`` model; an operation left with FastAPI's own 422 is one whose parameters cannot fail
validation (GET /api/presets/{name} takes any name and answers 404), so that 422 goes.
"""

FASTAPI_422 = "#/components/schemas/HTTPValidationError"


def _without_fastapi_422(document):
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            answer = operation.get("responses", {}).get("422", {})
            if answer.get("content", {}).get("application/json", {}).get("schema", {}).get("$ref") == FASTAPI_422:
                del operation["responses"]["422"]
    schemas = document.get("components", {}).get("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    return document


def use_declared_errors(app):
    """Make ``app.openapi()`` return FastAPI's document without the 422s no route declared."""
    generate = app.openapi
    app.openapi = lambda: _without_fastapi_422(generate())
