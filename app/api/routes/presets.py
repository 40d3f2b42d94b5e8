"""Ready-to-post examples."""

from fastapi import APIRouter, HTTPException

from ..schemas.presets import Preset, PresetSummary
from ..services import presets as service

router = APIRouter(prefix="/api/presets", tags=["presets"])


# async: a few dict copies are cheaper than the thread-pool hop a plain def costs per request.
@router.get("", response_model=list[PresetSummary])
async def list_presets():
    """Every preset, with its title, what it teaches and its shape."""
    return service.list_presets()


@router.get("/{name}", response_model=Preset, responses={404: {"description": "No preset of that name."}})
async def read_preset(name: str):
    """One preset, complete and ready to post to /api/step."""
    preset = service.read_preset(name)
    if preset is None:
        raise HTTPException(404, f"no preset named {name!r}; choose one of {', '.join(service.names())}")
    return preset
