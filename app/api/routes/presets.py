"""Ready-to-post examples."""

from fastapi import APIRouter, HTTPException

from ...engine.presets import PRESETS, get_preset
from ..schemas_out import Preset, PresetSummary

router = APIRouter(prefix="/api/presets", tags=["presets"])


def _summary(name):
    preset = get_preset(name)
    layers = preset["network"]["layers"]
    return {
        "name": name,
        "title": preset["title"],
        "teaches": preset["teaches"],
        "widths": [len(layers[0]["weights"][0])] + [len(layer["weights"]) for layer in layers],
        "activations": [layer["activation"] for layer in layers],
        "textbook": preset.get("textbook"),
    }


# async: a few dict copies are cheaper than the thread-pool hop a plain def costs per request.
@router.get("", response_model=list[PresetSummary])
async def list_presets():
    """Every preset, with its title, what it teaches and its shape."""
    return [_summary(name) for name in PRESETS]


@router.get("/{name}", response_model=Preset, responses={404: {"description": "No preset of that name."}})
async def read_preset(name: str):
    """One preset, complete and ready to post to /api/step."""
    if name not in PRESETS:
        raise HTTPException(404, f"no preset named {name!r}; choose one of {', '.join(PRESETS)}")
    return get_preset(name)
