"""A reader of regular-expression syntax for the linearity check (``regex_safety``).

It reads the syntax the package's patterns use, for both engines (``re`` and ``regex``):
literals, escapes, classes (nested ones too), groups of every kind, look-arounds, conditionals
(read as their alternatives), flags, and every quantifier (lazy and possessive ones read as
plain ones: they can only take paths away). Character tests are kept as their source text, to
be compiled alone by the engine they come from.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

_ZERO_WIDTH_ESCAPES = frozenset("bBAZzmMG")
_FLAG_LETTERS = frozenset("aiLmsuxfbeprVw0123456789")
_QUANTIFIER = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")


@attrs.frozen
class Atom:
    """One character test, by its source text."""

    source: str


@attrs.frozen
class Seq:
    """Items one after another."""

    items: tuple[Any, ...]


@attrs.frozen
class Alt:
    """Alternatives."""

    options: tuple[Any, ...]


@attrs.frozen
class Repeat:
    """``body{low,high}``; ``high`` None is unbounded."""

    body: Any
    low: int
    high: int | None


@attrs.frozen
class Look:
    """A look-ahead or look-behind: zero width on the main path."""

    body: Any


@attrs.frozen
class Test:
    """A zero-width test that can fail (``^``, ``$``, ``\\b``): nothing to match, not free."""

    kind: str = ""  # "start" for ``^`` and ``\\A``


@attrs.frozen
class BackReference:
    """A back-reference: its text is known only at match time."""


EMPTY = Seq(())
TEST = Test()
START = Test("start")


class UnsupportedPatternError(ValueError):
    """The pattern uses syntax this check does not read."""


class _Reader:
    """A recursive-descent reader of the pattern syntax the package uses (both engines)."""

    def __init__(self, pattern: str, verbose: bool) -> None:
        self.text = pattern
        self.at = 0
        self.verbose = verbose

    def peek(self, length: int = 1) -> str:
        return self.text[self.at : self.at + length]

    def skip_space(self) -> None:
        while self.verbose and self.at < len(self.text):
            character = self.text[self.at]
            if character.isspace():
                self.at += 1
            elif character == "#":
                end = self.text.find("\n", self.at)
                self.at = len(self.text) if end < 0 else end + 1
            else:
                return

    def alternation(self) -> Any:
        options = [self.sequence()]
        while self.peek() == "|":
            self.at += 1
            options.append(self.sequence())
        return options[0] if len(options) == 1 else Alt(tuple(options))

    def sequence(self) -> Any:
        items = []
        while True:
            self.skip_space()
            if self.at >= len(self.text) or self.peek() in "|)":
                break
            item = self.repeat(self.item())
            items.append(item)
        return items[0] if len(items) == 1 else Seq(tuple(items))

    def repeat(self, item: Any) -> Any:
        while True:
            self.skip_space()
            character = self.peek()
            if character in ("*", "+", "?"):
                self.at += 1
                low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[character]
            elif character == "{":
                found = _QUANTIFIER.match(self.text, self.at)
                if found is None or (found[1] == "" and found[2] is None):
                    return item  # a literal brace
                self.at = found.end()
                low = int(found[1] or 0)
                high = low if found[2] is None else (int(found[3]) if found[3] else None)
            else:
                return item
            if self.peek() in ("?", "+"):
                self.at += 1  # lazy or possessive: the same paths
            item = Repeat(item, low, high)

    def item(self) -> Any:
        character = self.peek()
        if character == "(":
            return self.group()
        if character == "[":
            return Atom(self.character_class())
        if character == "\\":
            return self.escape()
        self.at += 1
        if character == "^":
            return START
        if character == "$":
            return TEST
        return Atom(character)

    def escape(self) -> Any:
        start = self.at
        self.at += 2
        letter = self.text[start + 1 : start + 2]
        if letter in _ZERO_WIDTH_ESCAPES:
            return START if letter == "A" else TEST
        if letter.isdigit() and letter != "0":
            return BackReference()
        if letter in "pPN" and self.peek() == "{":
            self.at = self.text.index("}", self.at) + 1
        elif letter in "pP":
            self.at += 1  # \pL
        elif letter == "x":
            self.at += 2
        elif letter == "u":
            self.at += 4
        elif letter == "U":
            self.at += 8
        elif letter == "0":
            while self.peek().isdigit() and self.at < start + 4:
                self.at += 1
        elif letter == "g":
            return BackReference()
        return Atom(self.text[start : self.at])

    def character_class(self) -> str:
        start = self.at
        self.at += 1
        if self.peek() == "^":
            self.at += 1
        if self.peek() == "]":
            self.at += 1
        depth = 1
        while depth:
            if self.at >= len(self.text):
                raise UnsupportedPatternError("unterminated character class")
            character = self.text[self.at]
            if character == "\\":
                self.at += 2
                if self.text[self.at - 1] in "pPN" and self.peek() == "{":
                    self.at = self.text.index("}", self.at) + 1
                continue
            if self.text.startswith("[:", self.at):
                self.at = self.text.index(":]", self.at) + 2
                continue
            if character == "[":
                depth += 1  # a nested set (regex V1)
            elif character == "]":
                depth -= 1
            self.at += 1
        return self.text[start : self.at]

    def group(self) -> Any:
        self.at += 1
        look = False
        if self.peek() == "?":
            self.at += 1
            marker = self.peek()
            if marker == "#":
                self.at = self.text.index(")", self.at) + 1
                return EMPTY
            if marker in (":", ">", "|"):
                self.at += 1
            elif marker == "(":
                # a conditional, (?(name)yes|no): read as the alternatives yes|no
                self.at = self.text.index(")", self.at) + 1
            elif marker in ("=", "!"):
                self.at += 1
                look = True
            elif marker == "<" and self.peek(2) in ("<=", "<!"):
                self.at += 2
                look = True
            elif (marker == "P" and self.peek(2) == "P<") or marker == "<":
                self.at = self.text.index(">", self.at) + 1
            elif marker == "P" and self.peek(2) in ("P=", "P>"):
                raise UnsupportedPatternError("named back-reference or call")
            else:
                flags = self.at
                while self.peek() in _FLAG_LETTERS or self.peek() == "-":
                    self.at += 1
                if "x" in self.text[flags : self.at].split("-")[0]:
                    self.verbose = True
                if self.peek() == ")":
                    self.at += 1
                    return EMPTY  # global flags
                if self.peek() != ":":
                    raise UnsupportedPatternError(f"group syntax at {flags}")
                self.at += 1
        body = self.alternation()
        if self.peek() != ")":
            raise UnsupportedPatternError(f"unbalanced parenthesis at {self.at}")
        self.at += 1
        return Look(body) if look else body


def read(pattern: str, verbose: bool = False) -> Any:
    """The syntax tree of ``pattern``."""
    reader = _Reader(pattern, verbose)
    tree = reader.alternation()
    if reader.at != len(pattern):
        raise UnsupportedPatternError(f"unbalanced parenthesis at {reader.at}")
    return tree
