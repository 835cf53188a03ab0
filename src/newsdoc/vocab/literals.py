"""The literal text every match of a pattern must contain, for a cheap ``in`` pre-test.

A boilerplate pattern is tried against nearly every line of every page, and most lines fail
it. When the pattern can only match a line holding some fixed text (``play now``,
``javascript``, ``/``), a substring test on the case-folded line rules most lines out for a
fraction of the cost of running the engine.

The reading of the pattern is deliberately conservative: only plain ASCII characters outside
every group, class and alternation, each not made optional by a quantifier, count. Whatever
the reader does not fully understand (top-level alternation, verbose mode, escapes such as
``\\x41`` that stand for characters) gives no literal at all, which only costs speed.

:func:`longest_match` reads a pattern the same careful way for the most characters one match
can span: a page-long line is not tried against a pattern that cannot match that much.
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
# Flags that let one pattern character match several line characters ("ß" as "ss") or that
# change how the pattern reads: the width reader gives up on them.
_UNSUPPORTED_WIDTH_FLAGS = regex.VERBOSE | regex.VERSION1 | regex.FULLCASE
# Escapes that match no character (assertions) and escapes that match exactly one.
_ZERO_WIDTH_ESCAPES = frozenset("bBmMAZzG")
_ONE_CHARACTER_ESCAPES = frozenset("dDsSwWntrfv")
# Group openings whose content is matched in place; look-arounds match no characters.
_CAPTURING_OPENINGS = ("(?:", "(?>", "(?P<", "(?<")
_LOOK_AROUND_OPENINGS = ("(?=", "(?!", "(?<=", "(?<!")


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


def longest_match(pattern: regex.Pattern[str]) -> int | None:
    """The most characters a match of ``pattern`` can span, or None (unbounded, or not read).

    A line longer than this cannot match the pattern as a whole. Whatever the reader does not
    fully understand (inline flags, conditionals, escapes such as ``\\x41``, fuzzy
    constraints, full case folding) gives None, so the pattern is always tried.
    """
    if pattern.flags & _UNSUPPORTED_WIDTH_FLAGS:
        return None
    source = pattern.pattern
    try:
        width, end = _alternation_width(source, 0)
    except _UnsupportedError:
        return None
    if end != len(source):
        return None  # an unbalanced ")": the engine would not have compiled it
    return width


def _alternation_width(source: str, index: int) -> tuple[int | None, int]:
    """The widest branch of the alternation starting at ``index`` (None: unbounded), and the
    index of the ``)`` that closes it (or the end of ``source``)."""
    widest: int | None = 0
    branch: int | None = 0
    while index < len(source) and source[index] != ")":
        character = source[index]
        if character == "|":
            widest = _wider(widest, branch)
            branch = 0
            index += 1
            continue
        item, index = _item_width(source, index)
        count, index = _repeat_count(source, index)
        if item == 0 or count == 0:
            continue  # an assertion, or an item repeated no times: no characters
        if item is None or count is None or branch is None:
            branch = None
        else:
            branch += item * count
    return _wider(widest, branch), index


def _wider(first: int | None, second: int | None) -> int | None:
    return None if first is None or second is None else max(first, second)


def _item_width(source: str, index: int) -> tuple[int | None, int]:
    """The width of the single item (character, escape, class or group) at ``index``, and the
    index after it."""
    character = source[index]
    if character == "\\":
        following = source[index + 1 : index + 2]
        if following in _ZERO_WIDTH_ESCAPES:
            return 0, index + 2
        if following in _ONE_CHARACTER_ESCAPES:
            return 1, index + 2
        if following.isascii() and following and not following.isalnum():
            return 1, index + 2  # \. \( \/: the character itself
        raise _UnsupportedError  # \x41, \p{L}, \N{...}, \X, back references
    if character == "[":
        return 1, _class_end(source, index)
    if character == "(":
        if source.startswith(_LOOK_AROUND_OPENINGS, index):
            return 0, _group_end(source, index)
        if source.startswith(_CAPTURING_OPENINGS, index):
            if source.startswith(("(?P<", "(?<"), index):
                name_end = source.find(">", index)
                if name_end < 0:
                    raise _UnsupportedError
                index = name_end + 1  # past the group's name
            else:
                index += 3
        elif source.startswith("(?", index):
            raise _UnsupportedError  # inline flags, comments, conditionals, branch reset
        else:
            index += 1
        width, index = _alternation_width(source, index)
        if index >= len(source):
            raise _UnsupportedError  # an unclosed group
        return width, index + 1
    if character in "^$":
        return 0, index + 1
    if character in "*+?{}|)":
        raise _UnsupportedError  # a quantifier with nothing before it, or a literal "{"
    return 1, index + 1  # ".", or a character standing for itself


def _repeat_count(source: str, index: int) -> tuple[int | None, int]:
    """How often, at most, the item before ``index`` repeats (None: without limit), and the
    index after its quantifier."""
    mark = source[index : index + 1]
    count: int | None
    if mark == "?":
        count, index = 1, index + 1
    elif mark in ("*", "+"):
        count, index = None, index + 1
    elif mark == "{":
        found = _QUANTIFIER.match(source, index)  # no time limit: a few characters of a pattern
        if found is None:
            raise _UnsupportedError  # a literal "{", or a fuzzy constraint
        low, high = found.group(1), found.group(2)
        if high is None:
            if not low:
                raise _UnsupportedError  # "{}" is literal text
            count = int(low)
        else:
            count = int(high) if high else None  # "{2,}", "{,}": without limit
        index = found.end()
    else:
        return 1, index
    if source[index : index + 1] in ("?", "+"):
        index += 1  # lazy or possessive: the same repeats
    return count, index
