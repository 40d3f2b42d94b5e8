from fastapi import APIRouter, Response

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def read_health():
    """Liveness: answers while the server can serve requests (async: no thread-pool hop)."""
    return {"status": "ok"}


@router.head("/healthz", include_in_schema=False)
async def head_health():
    """The same for monitors that send HEAD: 200, no body."""
    return Response()
