"""Rule ``byline``: who wrote it ("By A and B", "by X, Reuters", "By X | Staff Writer",
the Daily Mail's flattened "By . X . PUBLISHED: ...") and end-of-story reporting credits.

Authors are names only; an agency or outlet after a comma is kept apart in ``agency`` and a
job description after ``|`` stays in the byline text. Credit lines ("X contributed
reporting.") leave the body and become :class:`~newsdoc.model.Credit` items.
"""

from __future__ import annotations

import regex

from newsdoc.model import Byline, Credit, Span
from newsdoc.state import BODY, BYLINE, CREDIT, Block, DocumentState
from newsdoc.text import normalize_space, time_limit

MAX_BLOCKS_TO_SEARCH = 4
MAX_BYLINE_WORDS = 16
MAX_NAME_WORDS = 6
CREDIT_WINDOW = 600  # a credit naming a dozen reporters runs to about 400 characters
_NAME_PARTICLES = frozenset(
    {"al", "bin", "da", "de", "del", "der", "di", "du", "la", "le", "van", "von"}
)

# (A mark after "By" is taken with the white space before it, "(?:\s*[:.])?\s+": the same
# lines as "\s*[:.]?\s+", whose two runs could split one long run of spaces every way.)
_BY_BLOCK = regex.compile(r"\s*(?:[Bb][Yy]|BY)(?:\s*[:.])?\s+(?P<names>\S[^\n]{0,200}?)\s*$")
# One horizontal space: plain, or a Unicode one (no-break U+00A0, thin...) pasted from a web page.
_SP = r"[\x20\u00a0\u2000-\u200a\u202f\u205f\u3000]"
# Daily Mail header flattened to one line: "By . Jane Doe . PUBLISHED: . 14:11 EST, ...",
# "By . Jane Doe . and John Roe . The story starts".
_BY_PREFIX = regex.compile(
    rf"\s*By{_SP}\.{_SP}(?P<names>[^.\n]{{2,120}}?(?:{_SP}\.{_SP}and{_SP}[^.\n]{{2,120}}?)?)"
    rf"{_SP}\.(?=\s|$)"
)
# "Jane Doe For Mailonline", "Jane Doe for the Daily Mail": the outlet is not a name.
_FOR_OUTLET = regex.compile(r"\s+(?:[Ff]or|FOR)\s+(?P<outlet>[^,]{2,60})$")
# "A, B and C"; capitals copy spells the joining word "AND".
_NAME_SPLIT = regex.compile(r"\s*(?:,\s*(?:and|AND)\s+|\s+(?:and|AND)\s+|\s*&\s*|,\s*)\s*")
_CREDIT = regex.compile(
    r"""(?:^|(?<=[.!?"”]\s{0,3}(?:--\s{1,3})?))
    (?P<credit>\((?:Additional\ )?(?:Reporting|Writing|Editing)\ by\b[^\n()]{1,300}\)
    | \((?:ADDITIONAL\ )?(?:REPORTING|WRITING|EDITING)\ BY\b[^\n()]{1,300}\)
    | [A-Z][^.!?\n]{0,400}?\b
        (?:contributed\ (?:reporting|to\ this\ (?:report|story|article))
        | (?:reporting|additional\ reporting|writing|editing)\ by
        | CONTRIBUTED\ (?:REPORTING|TO\ THIS\ (?:REPORT|STORY|ARTICLE))
        | (?:REPORTING|ADDITIONAL\ REPORTING|WRITING|EDITING)\ BY)
        \b[^\n]{0,200}?[.]?)
    \s*$""",
    regex.VERBOSE,
)
# Every credit holds one of these: the window is searched only when one occurs in it, and
# from the sentence holding the first of them.
# mixed case, then all-caps copy ("JANE DOE CONTRIBUTED REPORTING.")
_CREDIT_WORDS = (
    "contributed",
    "eporting by",
    "riting by",
    "diting by",
    "CONTRIBUTED",
    "EPORTING BY",
    "RITING BY",
    "DITING BY",
)
_JOB_WORDS = frozenset(
    {"staff", "writer", "reporter", "correspondent", "editor", "columnist", "contributor"}
)


def _split_authors(state: DocumentState, names: str) -> tuple[tuple[str, ...], str | None]:
    """Split "A, B and C, Reuters" into names and an agency."""
    # normalize_space first: "Jane\u00a0Doe" pasted from a web page is "Jane Doe".
    names = normalize_space(names.split("|")[0]).replace(" . ", " ").rstrip(".,;")
    parts = [
        part.strip(" .")
        for part in _NAME_SPLIT.split(names, timeout=time_limit(names))
        if part.strip(" .")
    ]
    agencies = {agency.casefold() for agency in state.vocab.agencies}
    agency = None
    if parts and (parts[-1].casefold() in agencies or parts[-1].casefold() == "reuter"):
        # "by X, Reuters"; "By . Associated Press ." names the agency alone.
        agency = parts.pop()
    if parts:
        last = parts[-1]
        outlet = _FOR_OUTLET.search(last, timeout=time_limit(last))
        if outlet is not None:
            agency = agency or outlet.group("outlet")
            parts[-1] = parts[-1][: outlet.start()]
    people = [p for p in parts if not any(w.lower() in _JOB_WORDS for w in p.split())]
    # "By . Daily Mail Reporter ." names no person: the desk itself is the author.
    kept = people or parts
    return tuple(part.title() if part.isupper() else part for part in kept), agency


def _drop_separator(state: DocumentState, block: Block) -> None:
    """The " -- " that set the credit off the story ("... area. -- CNN's X contributed")."""
    text = state.text_of(block)
    if not text.rstrip().endswith(("--", "—", "–")):
        return
    kept = text.rstrip("-—– ")
    dash = len(kept)
    while text[dash].isspace():
        dash += 1
    state.remove(block.start + dash, block.end, "boilerplate", "separator")
    state.trim_end(block, block.start + len(kept))


def _find_credit(state: DocumentState) -> None:
    for block in reversed(state.blocks):
        if block.role != BODY:
            continue
        text = state.text_of(block)
        window = max(0, len(text) - CREDIT_WINDOW)
        found = [at for word in _CREDIT_WORDS if (at := text.find(word, window)) >= 0]
        if not found:
            return
        # No sentence end lies between a credit's start and its words, so none can start
        # before the last one ahead of the first credit word: the lazy sentence is not tried
        # at each of the window's positions.
        first = min(found)
        search_from = max(window, *(text.rfind(mark, window, first) + 1 for mark in ".!?\n"))
        match = _CREDIT.search(text, search_from, timeout=time_limit(text))
        if match is None:
            return
        start = block.start + match.start("credit")
        credit_text = normalize_space(match.group("credit"))
        state.credits.append(Credit(credit_text, Span(start, block.start + match.end("credit"))))
        if start <= block.start:
            block.role = CREDIT
        else:
            state.trim_end(block, start)
            _drop_separator(state, block)
            state.blocks.insert(
                state.blocks.index(block) + 1,
                type(block)(start, block.start + match.end("credit"), CREDIT),
            )
        return


def _looks_like_name(name: str) -> bool:
    """ "Jane Doe", "JANE DOE", "Ludwig van Beethoven"; not "early 2005 the net could"."""
    words = name.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or not words[0][0].isupper():
        return False
    return all(word[0].isupper() or word in _NAME_PARTICLES for word in words)


def find_byline(state: DocumentState) -> None:
    """Find the byline among the first body blocks, then the credit line at the end."""
    for _index, block in state.leading_body_blocks(MAX_BLOCKS_TO_SEARCH):
        text = state.text_of(block)
        whole = _BY_BLOCK.match(text)  # no time limit: anchored, names of 200 characters at most
        if whole is not None and len(text.split()) <= MAX_BYLINE_WORDS:
            authors, agency = _split_authors(state, whole.group("names"))
            if (authors or agency) and all(_looks_like_name(name) for name in authors):
                block.role = BYLINE
                state.byline = Byline(authors, normalize_space(text), block.span, agency)
                break
        prefix = _BY_PREFIX.match(text)  # no time limit: anchored, bounded repeats
        if prefix is not None:
            authors, agency = _split_authors(state, prefix.group("names"))
            end = block.start + prefix.end()
            state.byline = Byline(
                authors, normalize_space(text[: prefix.end()]), Span(block.start, end), agency
            )
            state.trim_start(block, end)
            break
    _find_credit(state)
