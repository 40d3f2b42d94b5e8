"""Liveness for monitors and load balancers."""

from fastapi import APIRouter, Response

from ..schemas.health import Health

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, operation_id="health")
async def read_health():
    """Liveness: answers while the server can serve requests (async: no thread-pool hop)."""
    return {"status": "ok"}


@router.head("/healthz", include_in_schema=False)
async def head_health():
    """The same for monitors that send HEAD: 200, no body."""
    return Response()
