"""The page's number formatting (static/js/format.js), so tests can say what the page must show."""

import re


def fmt(x, tex=False):
    """0.75136507 → "0.7514"; tiny or huge numbers 4.386e-4 (in equations 4.386⋅10-4)."""
    if x != 0 and (abs(x) < 5e-4 or abs(x) >= 1e5):
        mantissa, exponent = f"{x:.3e}".split("e")
        return f"{mantissa}⋅10{int(exponent)}" if tex else f"{mantissa}e{int(exponent):+d}"
    text = f"{x:.4f}"
    return text[1:] if re.fullmatch(r"-0\.0+", text) else text
