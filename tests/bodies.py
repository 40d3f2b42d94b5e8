"""Request bodies built from the presets, for any test: ``from tests.bodies import preset_body``."""

from app.engine.presets import PRESETS, get_preset

STEP_FIELDS = ("network", "inputs", "targets", "loss", "optimizer")
PRESET_NAMES = list(PRESETS)


def preset_body(name, *fields):
    """The preset's fields a request needs, e.g. ``preset_body("mazur-2-2-2", "network", "inputs")``."""
    preset = get_preset(name)
    return {field: preset[field] for field in fields or STEP_FIELDS}
