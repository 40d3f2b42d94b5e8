"""The explainer's page, rendered by Jinja2 from templates/."""

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parents[3] / "templates")

router = APIRouter(tags=["pages"], include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def show_explainer(request: Request):
    """The explainer: step through forward, loss, backward and update with every number."""
    # Relative URLs: the page keeps working under a root path behind a reverse proxy.
    return TEMPLATES.TemplateResponse(request, "index.html", {"static_url": "static/"})


@router.head("/")
def head_explainer():
    """For uptime monitors that send HEAD: 200 with the page's content type, no body."""
    return Response(media_type="text/html")
