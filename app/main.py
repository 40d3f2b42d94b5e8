"""Builds the ASGI app: routers, error handlers, middleware, static files and pages."""

from pathlib import Path

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import GZipMiddleware

from .api.body_limit import BodyLimit
from .api.errors import engine_error_handler, validation_error_handler
from .api.openapi import use_declared_errors
from .api.routes import backprop, catalog, datasets, docs, graph, health, pages, presets, train
from .api.security import add_security
from .engine import NetworkError
from .settings import get_settings

ROOT = Path(__file__).resolve().parent.parent


class RootPath:
    """Serve under ``settings.root_path`` behind a reverse proxy: every request's ``root_path``
    is set to it, so routes match with or without the prefix and links and OpenAPI carry it.
    (What FastAPI's ``root_path`` argument did before it was deprecated.)"""

    def __init__(self, app, root_path):
        self.app, self.root_path = app, root_path

    async def __call__(self, scope, receive, send):
        if scope["type"] in ("http", "websocket"):
            scope["root_path"] = self.root_path
        await self.app(scope, receive, send)


def create_app(settings=None):
    settings = settings or get_settings()
    app = FastAPI(
        title="Backprop Lab",
        summary="Backpropagation, one real step at a time: forward, loss, backward, update.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings  # what every route reads (app/api/limits.py: app_settings)
    app.add_exception_handler(NetworkError, engine_error_handler)
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    routers = (backprop, presets, train, datasets, graph, catalog, health, docs, pages)
    for module in routers:
        app.include_router(module.router)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    if settings.root_path:
        app.add_middleware(RootPath, root_path=settings.root_path)
    add_security(app, settings)
    use_declared_errors(app)
    static = ROOT / "static"
    if static.is_dir():
        # Compressed when the browser accepts it: the page's JS + CSS go out as ~1/3 of their size.
        app.mount("/static", GZipMiddleware(StaticFiles(directory=static), minimum_size=1024), name="static")
    return app


app = create_app()
