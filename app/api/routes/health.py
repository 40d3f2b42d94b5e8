from fastapi import APIRouter

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def read_health():
    """Liveness: answers while the server can serve requests (async: no thread-pool hop)."""
    return {"status": "ok"}
