"""Security headers on every response, and the CORS policy, both from the settings.

The Content-Security-Policy lets pages run only scripts served by this server (no inline
script, no eval), and lets only the server itself and ``settings.frame_ancestors`` embed them.
"""

from fastapi import Request
from fastapi.responses import JSONResponse
from starlette.middleware.cors import CORSMiddleware


def content_security_policy(frame_ancestors):
    """The CSP: everything from this server only; styles may be inline (SVG and Swagger UI set them)."""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors " + " ".join(["'self'", *frame_ancestors]),
        ]
    )


def security_headers(settings):
    """The headers every response gets, as (name, value) byte pairs."""
    headers = {
        "content-security-policy": content_security_policy(settings.frame_ancestors),
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
    }
    if not settings.frame_ancestors:  # for browsers that predate frame-ancestors
        headers["x-frame-options"] = "SAMEORIGIN"
    return [(name.encode(), value.encode()) for name, value in headers.items()]


class SecurityHeaders:
    """Pure ASGI middleware: append the security headers to the start of every HTTP response."""

    def __init__(self, app, headers):
        self.app = app
        self.headers = headers

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), *self.headers]
            await send(message)

        return await self.app(scope, receive, send_with_headers)


async def internal_error_handler(request: Request, exc: Exception) -> JSONResponse:
    """A 500 is sent outside every middleware: give it a JSON detail and the headers here."""
    headers = dict((name.decode(), value.decode()) for name, value in request.app.state.security_headers)
    return JSONResponse({"detail": "internal server error"}, status_code=500, headers=headers)


def add_security(app, settings):
    """Register CORS (only when origins are configured) and the security headers, outermost."""
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["content-type"],
            max_age=600,
        )
    app.state.security_headers = security_headers(settings)
    app.add_middleware(SecurityHeaders, headers=app.state.security_headers)
    app.add_exception_handler(Exception, internal_error_handler)
