"""A route class whose JSON body pydantic-core validates straight from the request's bytes.

For an endpoint ``(body: Model, settings: SettingsDep)`` FastAPI's own request path — parse the
content type, ``json.loads``, validate the dict, solve the settings dependency — cost ~60 µs per
request on top of a ~120 µs no-op (in-process), a fifth of a small /api/step; this path, ~5 µs. A
well-formed request takes the short way: one ``Model.model_validate_json(bytes)``, the settings
from ``app_settings``, the endpoint. Any other request (another content type, a body that fails
validation, dependency overrides in place) goes through FastAPI's handler unchanged, so every
error keeps FastAPI's exact status, shape and wording, and the OpenAPI schema is FastAPI's own —
except a body with more errors than a 422 lists (``MAX_LISTED_ERRORS``): its 422 is made from
this validation, as FastAPI would word it, instead of validating it all again.

Before either path, a JSON body over ``SMALL_BODY_BYTES`` has its shape checked against the model
and the settings' limits (body_shape.py), on every route of this class, fast path or not: a body
no valid request could send is refused before anything parses it.
"""

import inspect

from fastapi import routing as fastapi_routing
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.responses import Response

from .body_shape import SMALL_BODY_BYTES, Refused, check_body
from .errors import MAX_LISTED_ERRORS, is_json, listed_errors
from .limits import app_settings


class JSONBodyRoute(APIRoute):
    """An ``APIRoute`` with a fast path for ``(body: Model, settings: SettingsDep)`` endpoints.

    Endpoints of any other shape are served by FastAPI's handler alone.
    """

    def get_route_handler(self):
        standard = super().get_route_handler()
        route = _effective(self)
        model = _body_model(route)
        names = _body_and_settings_names(route)
        handler = standard if names is None else _fast_handler(route, names, standard)
        return handler if model is None else _shape_checked(handler, model)


def _shape_checked(handler, model):
    """``handler`` behind the shape check of a JSON body too large to be refused cheaply by pydantic."""

    async def checked(request):
        if not request.app.dependency_overrides and is_json(request.headers.get("content-type")):
            data = await request.body()
            if len(data) > SMALL_BODY_BYTES:
                try:
                    check_body(data, model, request.app.state.settings)
                except Refused as refused:
                    return _refusal(refused)
        return await handler(request)

    return checked


def _refusal(refused):
    """The 422 of a body refused by its shape, shaped and capped as every other 422."""
    detail = listed_errors([{**e, "loc": ("body", *e["loc"])} for e in refused.errors])
    if refused.more:
        detail.append({"loc": ["body"], "msg": "and more errors not listed", "type": "too_many_errors"})
    return JSONResponse({"detail": detail}, status_code=422)


def _fast_handler(route, names, standard):
    """Validate a well-formed JSON body from its bytes and call the endpoint; anything else: ``standard``."""
    model, endpoint = route.body_field.field_info.annotation, route.dependant.call
    body_name, settings_name = names

    async def handler(request):
        if request.app.dependency_overrides or not is_json(request.headers.get("content-type")):
            return await standard(request)
        try:
            body = model.model_validate_json(await request.body())
        except ValidationError as error:
            if error.error_count() <= MAX_LISTED_ERRORS:
                return await standard(request)  # FastAPI validates again and words the 422
            raise _many_errors(error) from None  # validating again would list them all twice
        response = await endpoint(**{body_name: body, settings_name: await app_settings(request)})
        if not isinstance(response, Response):
            raise TypeError(f"{endpoint.__name__} must return a Response on the fast path, not {type(response)}")
        return response

    return handler


def _many_errors(error):
    """FastAPI's ``RequestValidationError`` for a body that failed with many errors, from this
    validation: the same items FastAPI would make (``loc`` under ``body``), no input echoed."""
    errors = error.errors(include_url=False, include_context=False, include_input=False)
    return RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in errors])


def _effective(route):
    """The route as included in the app, dependencies of ``include_router(dependencies=…)`` and all.

    FastAPI (0.16x) builds each included route's handler inside a context describing that
    inclusion, as its own ``APIRoute.get_route_handler`` reads it; older versions copied the route.
    """
    context_var = getattr(fastapi_routing, "_effective_route_context_var", None)
    context = context_var.get() if context_var is not None else None
    return context if context is not None and getattr(context, "original_route", None) is route else route


def _body_model(route):
    """The route's body model, when its body is one pydantic model; else None."""
    model = route.body_field.field_info.annotation if route.body_field else None
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _body_and_settings_names(route):
    """The endpoint's (body, settings) parameter names when the fast path can serve it, else None."""
    dependant = route.dependant
    others = (dependant.path_params, dependant.query_params, dependant.header_params, dependant.cookie_params)
    special = (
        dependant.request_param_name,
        dependant.websocket_param_name,
        dependant.http_connection_param_name,
        dependant.response_param_name,
        dependant.background_tasks_param_name,
        dependant.security_scopes_param_name,
    )
    if any(others) or any(special) or route.dependencies or len(dependant.body_params) != 1:
        return None
    if len(dependant.dependencies) != 1 or dependant.dependencies[0].call is not app_settings:
        return None
    model = route.body_field.field_info.annotation if route.body_field else None
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return None
    if not inspect.iscoroutinefunction(dependant.call):
        return None
    return dependant.body_params[0].name, dependant.dependencies[0].name
