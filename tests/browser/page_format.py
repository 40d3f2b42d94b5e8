"""The page's number formatting (static/js/core/format.js), so tests can say what the page must show,
and the rendered equations they read it from."""

import re

SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def fmt(x, tex=False):
    """4 significant digits: 0.75136507 → "0.7514", 1.5 → "1.500"; below 0.001 or from 10 000 on
    4.386 × 10⁻⁴ (rendered from TeX, as the tests read it without spaces: 4.386×10-4)."""
    if x == 0:
        return "0"
    if 1e-3 <= abs(x) < 1e4:
        text = f"{x:#.4g}"
        if "e" not in text:
            return text.rstrip(".")
    mantissa, exponent = f"{x:.3e}".split("e")
    return f"{mantissa}×10{int(exponent)}" if tex else f"{mantissa} × 10{str(int(exponent)).translate(SUPERSCRIPT)}"


def shown_math(page):
    """The rendered equations of the Explanation panel as one string (no spaces, ASCII minus).
    KaTeX is fetched the first time an equation is shown: this waits for it first."""
    page.wait_for_function("() => window.katex !== undefined")
    texts = page.locator("#explanation .katex-html").all_inner_texts()
    return re.sub(r"\s+", "", "".join(texts)).replace("−", "-")
