from fastapi import APIRouter

router = APIRouter(tags=["health"])


@router.get("/healthz")
def read_health():
    """Liveness: answers while the server can serve requests."""
    return {"status": "ok"}
