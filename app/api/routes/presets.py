"""Ready-to-post examples."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path
from fastapi.responses import JSONResponse

from ..schemas.errors import NOT_FOUND
from ..schemas.presets import Preset, PresetSummary
from ..services import presets as service

router = APIRouter(prefix="/api/presets", tags=["presets"])


# async: a few dict copies are cheaper than the thread-pool hop a plain def costs per request.
@router.get("", response_model=list[PresetSummary], response_model_exclude_none=True, operation_id="listPresets")
async def list_presets():
    """Every preset, with its title, what it teaches and its shape (and its textbook names, as the preset has them)."""
    return service.list_presets()


@router.get("/{name}", response_model=Preset, operation_id="getPreset", responses=NOT_FOUND)
async def read_preset(name: Annotated[str, Path(examples=["mazur-2-2-2"])]):
    """One preset, complete and ready to post to /api/step."""
    preset = service.read_preset(name)
    if preset is None:
        raise HTTPException(404, f"no preset named {name!r}; choose one of {', '.join(service.names())}")
    return JSONResponse(preset)  # as the engine wrote it: the defaults it left out stay out
