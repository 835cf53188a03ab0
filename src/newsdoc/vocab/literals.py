"""The literal text every match of a pattern must contain, for a cheap ``in`` pre-test.

A boilerplate pattern is tried against nearly every line of every page, and most lines fail
it. When the pattern can only match a line holding some fixed text (``play now``,
``javascript``, ``/``), a substring test on the case-folded line rules most lines out for a
fraction of the cost of running the engine.

The reading of the pattern is deliberately conservative: only plain ASCII characters outside
every group, class and alternation, each not made optional by a quantifier, count. Whatever
the reader does not fully understand (top-level alternation, verbose mode, escapes such as
``\\x41`` that stand for characters) gives no literal at all, which only costs speed.
"""

from __future__ import annotations

import regex

# Escapes that match no literal text of their own (a class, an assertion or a control
# character) and that are followed by nothing belonging to them.
_PLAIN_ESCAPES = frozenset("bBdDsSwWmMAZzGntrfv")
_META = frozenset(".^$*+?{}[]\\|()")
# What a pattern compiled with any of these flags means is not what this reader assumes.
_UNSUPPORTED_FLAGS = regex.VERBOSE | regex.VERSION1 | regex.REVERSE
_QUANTIFIER = regex.compile(r"\{(\d*)(?:,(\d*))?\}")


class _UnsupportedError(Exception):
    """The pattern has a construct this reader does not handle."""


def required_literal(pattern: regex.Pattern[str]) -> str:
    """The longest text (case-folded) that every match of ``pattern`` contains, or ``""``.

    A line whose case-folded text lacks it cannot match, whatever the pattern's case flags:
    ``str.casefold`` maps every character at least as far as the engine's folding does.
    """
    if pattern.flags & _UNSUPPORTED_FLAGS:
        return ""
    try:
        runs = _literal_runs(pattern.pattern)
    except _UnsupportedError:
        return ""
    return max(runs, key=len, default="").casefold()


def _literal_runs(source: str) -> list[str]:
    """The runs of mandatory ASCII literal characters at the top level of ``source``."""
    runs: list[str] = []
    current: list[str] = []

    def close_run() -> None:
        if current:
            runs.append("".join(current))
            current.clear()

    index = 0
    while index < len(source):
        character = source[index]
        literal: str | None = None
        if character == "\\":
            following = source[index + 1 : index + 2]
            if following.isascii() and following.isalnum():
                if following not in _PLAIN_ESCAPES:
                    raise _UnsupportedError  # \x41, \p{L}, \N{...}, back references
                index += 2
            elif following.isascii() and following:
                literal = following  # \. \( \/: the character itself
                index += 2
            else:
                raise _UnsupportedError
        elif character == "|":
            raise _UnsupportedError  # top-level alternation: no text is common to every match
        elif character == "(":
            index = _group_end(source, index)
        elif character == "[":
            index = _class_end(source, index)
        elif character in _META:
            if character in "*+?{}":
                raise _UnsupportedError  # a quantifier with nothing before it
            index += 1  # . ^ $
        else:
            if character.isascii() and character.isprintable():
                literal = character  # other characters fold in ways not worth following
            index += 1
        repeat, index = _quantifier(source, index)
        if literal is None or repeat == "optional":
            close_run()
        elif repeat == "once":
            current.append(literal)
        else:
            # "a+", "a{2,5}": the text before it ends with one "a", the text after it starts
            # with one, but the run is not whole across it
            current.append(literal)
            close_run()
            current.append(literal)
    close_run()
    return runs


def _quantifier(source: str, index: int) -> tuple[str, int]:
    """How often the item before ``index`` repeats (``once``, ``optional``, ``repeated``: at
    least once), and the index after its quantifier."""
    mark = source[index : index + 1]
    if mark in ("*", "?"):
        repeat, index = "optional", index + 1
    elif mark == "+":
        repeat, index = "repeated", index + 1
    elif mark == "{":
        found = _QUANTIFIER.match(source, index)  # no time limit: a few characters of a pattern
        if found is None:
            raise _UnsupportedError  # a literal "{", or a fuzzy constraint
        low, high = found.group(1), found.group(2)
        if not low or int(low) == 0:
            repeat = "optional"
        elif int(low) == 1 and high is None:
            repeat = "once"  # {1}
        else:
            repeat = "repeated"
        index = found.end()
    else:
        return "once", index
    if source[index : index + 1] in ("?", "+"):
        index += 1  # lazy or possessive: the same repeats
    return repeat, index


def _group_end(source: str, index: int) -> int:
    """Index just past the group opening at ``index``."""
    depth = 0
    while index < len(source):
        character = source[index]
        if character == "\\":
            index += 2
            continue
        if character == "[":
            index = _class_end(source, index)
            continue
        if character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    raise _UnsupportedError


def _class_end(source: str, index: int) -> int:
    """Index just past the character class opening at ``index``."""
    index += 1
    if source[index : index + 1] == "^":
        index += 1
    if source[index : index + 1] == "]":
        index += 1  # a "]" first in a class is a literal
    while index < len(source):
        character = source[index]
        if character == "\\":
            index += 2
            continue
        if character == "[":
            raise _UnsupportedError  # a nested set or [:alpha:]
        if character == "]":
            return index + 1
        index += 1
    raise _UnsupportedError
