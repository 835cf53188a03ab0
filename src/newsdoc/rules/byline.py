"""Rule ``byline``: who wrote it ("By A and B", "by X, Reuters", "By X | Staff Writer",
the Daily Mail's flattened "By . X . PUBLISHED: ...") and end-of-story reporting credits.

Authors are names only; an agency or outlet after a comma or ``|`` is kept apart in
``agency`` and a job description ("By X, Staff Writer", "By X | Contributing Editor") stays in
the byline text only (its words are a vocabulary, ``job_words.txt``). Credit lines ("X
contributed reporting.") leave the body and become :class:`~newsdoc.model.Credit` items.

Web pages write bylines in more forms: "Written by X - 4 Comments", "Posted by X", "// By X"
(the comment count and the separators are not names), "by X @handle" and "by X (reporting)
and Y (photography)" (handles and roles are not names), a one-word handle ("by jdoe", on pages
only), and on pages a name line with its job title after it, "Jane Doe Science
correspondent". A date in a byline line ("Posted on <date> by X", "By X // <date>") is taken
by the ``dates`` rule, which runs first; on a page the header's first dozen lines are searched.
"""

from __future__ import annotations

import regex

from newsdoc.model import Byline, Credit, Span
from newsdoc.state import BODY, BYLINE, CREDIT, Block, DocumentState
from newsdoc.text import normalize_space, time_limit

MAX_BLOCKS_TO_SEARCH = 4
PAGE_BLOCKS_TO_SEARCH = 12  # on a page, the header above the story holds more lines
MAX_JOB_WORDS = 4  # "Science correspondent", "Senior Political Editor"
MAX_BYLINE_WORDS = 16
MAX_NAME_WORDS = 6
CREDIT_WINDOW = 600  # a credit naming a dozen reporters runs to about 400 characters
_NAME_PARTICLES = frozenset(
    {"al", "bin", "da", "de", "del", "der", "di", "du", "la", "le", "van", "von"}
)

_BY_BLOCK = regex.compile(
    r"\s*(?:(?://|[|•·–—-])\s*)?(?:(?:Written|Posted|Words|Story)\s+)?"
    r"(?:[Bb][Yy]|BY)(?:\s*[:.])?\s+(?P<names>\S[^\n]{0,200}?)\s*$"
)
# What follows the names on a web byline: "- 4 Comments", "| 12 comments", "@handle",
# "(reporting)".
_COMMENT_COUNT = regex.compile(r"\s+[|•·–—-]\s+\d{1,6}\s+[Cc]omments?\s*$")
_HANDLE = regex.compile(r"\s*@\w{1,40}")
_ROLE = regex.compile(r"(?<!\s)\s*\((?:[a-z][a-z ]{1,30})\)")
# A one-word handle after "by" on a page: "by jdoe", "by web_editor".
_ONE_HANDLE = regex.compile(r"[\w.-]{2,30}")
_INITIAL = regex.compile(r"[A-Z]\.")
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


def _web_names(names: str) -> str:
    """The names of a web byline without comment counts, handles and roles."""
    for pattern in (_COMMENT_COUNT, _HANDLE, _ROLE):
        if pattern is _COMMENT_COUNT or "@" in names or "(" in names:
            names = pattern.sub("", names, timeout=time_limit(names))
    return names


def _before_date(state: DocumentState, names: str) -> str:
    """ "Jane Doe March 18 at 3:57 PM": the names end where a date or a number begins."""
    words = names.split(" ")
    for position, word in enumerate(words):
        if position and word[:1].isdigit():
            if words[position - 1].casefold() in state.vocab.months:
                position -= 1
            return " ".join(words[:position]).rstrip(" ,|•·–—-")
    return names


def _split_authors(state: DocumentState, names: str) -> tuple[tuple[str, ...], str | None]:
    """Split "A, B and C, Reuters" into names and an agency."""
    agencies = {agency.casefold() for agency in state.vocab.agencies}
    names, _bar, after_bar = names.partition("|")
    # "By X | Reuters": the agency after the bar; a job after it stays in the text only.
    bar_agency = after_bar.strip(" .").casefold() in agencies and after_bar.strip(" .")
    # normalize_space first: "Jane\u00a0Doe" pasted from a web page is "Jane Doe".
    names = normalize_space(_web_names(names)).replace(" . ", " ").rstrip(".,;")
    names = _before_date(state, names)
    parts = [
        part.strip(" .")
        for part in _NAME_SPLIT.split(names, timeout=time_limit(names))
        if part.strip(" .")
    ]
    agency = bar_agency or None
    if parts and (parts[-1].casefold() in agencies or parts[-1].casefold() == "reuter"):
        # "by X, Reuters"; "By . Associated Press ." names the agency alone.
        agency = parts.pop()
    if parts:
        last = parts[-1]
        outlet = _FOR_OUTLET.search(last, timeout=time_limit(last))
        if outlet is not None:
            agency = agency or outlet.group("outlet")
            parts[-1] = parts[-1][: outlet.start()]
    jobs = state.vocab.job_words
    people = [p for p in parts if not any(w.lower() in jobs for w in p.split())]
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


def _name_with_job(state: DocumentState, text: str) -> str | None:
    """ "Jane Doe Science correspondent" (a page's name line with a job title): the name."""
    words = text.split()
    if not 3 <= len(words) <= MAX_NAME_WORDS + MAX_JOB_WORDS:
        return None
    if words[-1].casefold() not in state.vocab.job_words or not words[-1].islower():
        return None
    # First and last name, with a middle initial or a particle ("Jane M. Doe", "Ann van Berg").
    size = 2
    # no time limit: one word, a bounded pattern
    if len(words) > size + 1 and (_INITIAL.fullmatch(words[1]) or words[1] in _NAME_PARTICLES):
        size = 3
    name = " ".join(words[:size])
    job = words[size:]
    if not job or len(job) > MAX_JOB_WORDS or not _looks_like_name(name):
        return None
    if any(word.casefold() in state.vocab.job_words for word in words[:size]):
        return None
    return name


def _plausible_authors(state: DocumentState, authors: tuple[str, ...]) -> bool:
    """Names, or on a page one handle ("by jdoe")."""
    if all(_looks_like_name(name) for name in authors):
        return True
    # no time limit: one word of 30 characters at most
    return state.page and len(authors) == 1 and _ONE_HANDLE.fullmatch(authors[0]) is not None


def find_byline(state: DocumentState) -> None:
    """Find the byline among the first body blocks, then the credit line at the end."""
    limit = PAGE_BLOCKS_TO_SEARCH if state.page else MAX_BLOCKS_TO_SEARCH
    for _index, block in state.leading_body_blocks(limit):
        text = state.text_of(block)
        whole = _BY_BLOCK.match(text)  # no time limit: anchored, names of 200 characters at most
        if whole is not None and len(text.split()) <= MAX_BYLINE_WORDS:
            authors, agency = _split_authors(state, whole.group("names"))
            if (authors or agency) and _plausible_authors(state, authors):
                block.role = BYLINE
                state.byline = Byline(authors, normalize_space(text), block.span, agency)
                break
        named = _name_with_job(state, text) if state.page else None
        if named is not None:
            block.role = BYLINE
            state.byline = Byline((named,), normalize_space(text), block.span, None)
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
