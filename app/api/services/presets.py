"""The presets: their summaries, and one preset ready to post."""

from ...engine.presets import PRESETS, get_preset


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


def list_presets():
    return [_summary(name) for name in PRESETS]


def read_preset(name):
    """Preset ``name``, or None when there is none of that name."""
    return get_preset(name) if name in PRESETS else None


def names():
    return list(PRESETS)
