"""The interactive API reference at /docs: Swagger UI served from this server, no inline script."""

from html import escape

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)

PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Backprop Lab — API</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="{root}/static/vendor/swagger-ui/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui" data-openapi-url="{root}/openapi.json"></div>
  <script src="{root}/static/vendor/swagger-ui/swagger-ui-bundle.js"></script>
  <script src="{root}/static/docs/init.js"></script>
</body>
</html>
"""


@router.get("/docs", response_class=HTMLResponse)
def read_docs(request: Request):
    """Swagger UI for /openapi.json; its start-up code lives in static/docs/init.js."""
    root = escape(request.scope.get("root_path", "").rstrip("/"), quote=True)
    return HTMLResponse(PAGE.format(root=root))
