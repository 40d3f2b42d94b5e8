"""Evaluates the numbers in an equation as the page writes it in TeX, with the usual precedence.

Every number the page shows is rounded, so a number stands for an interval: "0.7514" for
[0.75135, 0.75145], "4.386 \\times 10^{-4}" for 4.386 ± 0.0005 times 10⁻⁴; integers ("1", "2", the N of 1/N, the
100 of the leaky slope 1/100) are the formula's exact constants. An expression is evaluated in
interval arithmetic, so "as written" means: with the digits shown, each side of an "=" can be
the number on its right.
"""

import math
import re

FUNCTIONS = {
    r"\sigma": lambda x: 1 / (1 + math.exp(-x)) if x > -700 else 0.0,
    r"\tanh": math.tanh,
    r"\log": lambda x: math.log(x) if x > 0 else -math.inf,
    r"\exp": lambda x: math.exp(min(x, 700)),
    r"\sqrt": lambda x: math.sqrt(max(x, 0.0)),
    "ReLU": lambda x: max(x, 0.0),
    "LReLU": lambda x: x if x > 0 else 0.01 * x,
    "id": lambda x: x,
}
"""Every function the equations use; each is non-decreasing, so f([lo, hi]) = [f(lo), f(hi)]."""

IGNORED = {
    r"\,",
    r"\;",
    r"\!",
    r"\quad",
    r"\qquad",
    r"\big",
    r"\Big",
    r"\bigg",
    r"\Bigg",
    r"\left",
    r"\right",
    r"\textstyle",
    r"\displaystyle",
}
TOKEN = re.compile(r"\\[a-zA-Z]+|\\[,;!]|\d+(?:\.\d+)?|\.\d+|[-+*/^_(){}\[\]<>=]|\S")


class NotNumeric(ValueError):
    """The expression names a symbol (w, δ, ∂L/∂w…), so it is not a number to check."""


class Interval:
    def __init__(self, lo, hi=None):
        self.lo, self.hi = lo, lo if hi is None else hi

    def __add__(self, o):
        return Interval(self.lo + o.lo, self.hi + o.hi)

    def __sub__(self, o):
        return Interval(self.lo - o.hi, self.hi - o.lo)

    def __neg__(self):
        return Interval(-self.hi, -self.lo)

    def __mul__(self, o):
        products = [
            a * b for a in (self.lo, self.hi) for b in (o.lo, o.hi) if not (math.isinf(a) or math.isinf(b)) or (a and b)
        ]
        return Interval(min(products, default=0.0), max(products, default=0.0))

    def __truediv__(self, o):
        if o.lo <= 0 <= o.hi:
            return Interval(-math.inf, math.inf)
        return self * Interval(1 / o.hi, 1 / o.lo)

    def power(self, n):
        if n.lo != n.hi or n.lo != int(n.lo):
            raise ValueError("only integer powers are written")
        n = int(n.lo)
        if n < 0:
            return Interval(1.0) / self.power(Interval(-n))
        ends = [self.lo**n, self.hi**n]
        lo = 0.0 if n % 2 == 0 and self.lo <= 0 <= self.hi else min(ends)
        return Interval(lo, max(ends))

    def apply(self, f):
        return Interval(f(self.lo), f(self.hi))

    def meets(self, o, slack=1e-12):
        """True when the two intervals share a point (up to float rounding)."""
        scale = slack * max(1.0, abs(self.lo), abs(self.hi), abs(o.lo), abs(o.hi))
        return self.lo <= o.hi + scale and o.lo <= self.hi + scale

    def __repr__(self):
        return f"[{self.lo:.9g}, {self.hi:.9g}]"


def literal(text):
    """A number as shown: ± half a unit of its last decimal; an integer below 1000 is the formula's exact constant."""
    value = float(text)
    if "." not in text:
        return Interval(value) if len(text) < 4 else Interval(value - 0.5, value + 0.5)
    half = 0.5 * 10.0 ** -len(text.split(".")[1])
    return Interval(value - half, value + half)


class Parser:
    def __init__(self, tex):
        self.tokens = [t for t in TOKEN.findall(tex) if t not in IGNORED]
        self.i = 0

    def peek(self, k=0):
        return self.tokens[self.i + k] if self.i + k < len(self.tokens) else None

    def take(self, expected=None):
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            raise ValueError(f"expected {expected!r}, found {token!r} in {' '.join(self.tokens)}")
        self.i += 1
        return token

    def parse(self):
        value = self.expr()
        if self.peek() is not None:
            raise NotNumeric(f"cannot read {self.peek()!r}")
        return value

    def expr(self):
        value = self.term()
        while self.peek() in ("+", "-"):
            value = value + self.term() if self.take() == "+" else value - self.term()
        return value

    def term(self):
        value = self.unary()
        while True:
            if self.peek() in (r"\cdot", r"\times", "*"):
                self.take()
                value = value * self.unary()
            elif self.peek() == "/":
                self.take()
                value = value / self.unary()
            elif self.starts_primary():
                value = value * self.power()  # juxtaposition: σ(z)(1 − σ(z)), 0.01·𝟙[z ≤ 0]
            else:
                return value

    def starts_primary(self):
        token = self.peek()
        if token is None:
            return False
        return (
            token in ("(", "[", r"\frac", r"\tfrac", r"\dfrac", r"\mathbb", r"\mathrm", r"\sqrt")
            or token in FUNCTIONS
            or bool(re.match(r"[\d.]", token))
        )

    def unary(self):
        if self.peek() == "-":
            self.take()
            return -self.unary()
        if self.peek() == "+":
            self.take()
        return self.power()

    def power(self):
        value = self.primary()
        if self.peek() == "^":
            self.take()
            value = value.power(self.group())
        return value

    def group(self):
        if self.peek() == "{":
            self.take()
            value = self.expr()
            self.take("}")
            return value
        token = self.take()
        if not re.fullmatch(r"\d", token):
            raise NotNumeric(token)
        return Interval(float(token))

    def primary(self):
        token = self.peek()
        if token is None:
            raise ValueError("the expression ends too early")
        if re.match(r"[\d.]", token):
            return literal(self.take())
        if token in ("(", "["):
            self.take()
            value = self.expr()
            self.take(")" if token == "(" else "]")
            return value
        if token == "{":
            return self.group()
        if token in (r"\frac", r"\tfrac", r"\dfrac"):
            self.take()
            top = self.group()
            return top / self.group()
        if token == r"\mathbb":
            return self.indicator()
        if token == r"\mathrm":
            self.take()
            self.take("{")
            name = ""
            while self.peek() not in ("}", None):
                name += self.take()
            self.take("}")
            if name not in FUNCTIONS:
                raise NotNumeric(name)
            return self.call(FUNCTIONS[name])
        if token in FUNCTIONS:
            self.take()
            return self.call(FUNCTIONS[token])
        raise NotNumeric(token)

    def call(self, f):
        exponent = None
        if self.peek() == "^":  # \tanh^2(z) is (tanh z)²
            self.take()
            exponent = self.group()
        if self.peek() == "{":
            argument = self.group()
        else:
            self.take("(")
            argument = self.expr()
            self.take(")")
        value = argument.apply(f)
        return value.power(exponent) if exponent is not None else value

    def indicator(self):
        """𝟙[z > 0] and 𝟙[z ≤ 0]: 1 where the condition holds, 0 where not; [0, 1] where z may be either."""
        self.take(r"\mathbb")
        self.take("{")
        self.take("1")
        self.take("}")
        self.take("[")
        left = self.expr()
        op = self.take()
        right = self.expr()
        self.take("]")
        d = left - right
        holds = {">": (d.lo > 0, d.hi > 0), r"\le": (d.lo <= 0, d.hi <= 0)}[op]
        return Interval(1.0) if all(holds) else Interval(0.0) if not any(holds) else Interval(0.0, 1.0)


def evaluate(tex):
    """The interval an expression written in TeX can stand for; NotNumeric if it names a symbol."""
    return Parser(tex).parse()


def top_level_split(tex, separator):
    """Splits at `separator` outside braces, brackets and parentheses."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(tex):
        c = tex[i]
        if c in "{[(":
            depth += 1
        elif c in "}])":
            depth -= 1
        elif depth == 0 and tex.startswith(separator, i):
            parts.append(tex[start:i])
            start = i + len(separator)
            i = start
            continue
        i += 1
    parts.append(tex[start:])
    return parts


def chains(tex):
    """Each "a = b = c" of an equation (split at its top-level commas), its sides in order."""
    tex = re.sub(r"\\text\{[^}]*\}", "", tex).replace(":=", "=")
    return [top_level_split(segment, "=") for segment in top_level_split(tex, ",")]


def check(tex):
    """Every side of every chain that is a number must be the chain's last number, to the digits shown.

    Returns how many equalities were checked; raises AssertionError naming the first one that fails.
    """
    checked = 0
    for sides in chains(tex):
        values = []
        for side in sides:
            try:
                values.append((side.strip(), evaluate(side)))
            except NotNumeric:
                continue
        if len(values) < 2:
            continue
        shown, result = values[-1]
        for side, value in values[:-1]:
            assert value.meets(result), f"{side} evaluates to {value}, but the page shows {shown} in {tex}"
            checked += 1
    return checked
