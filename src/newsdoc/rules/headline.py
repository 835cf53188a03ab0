"""Rule ``headline``: the first block, when it reads as a headline.

A headline is one short line at the top that does not read as body copy: it is not a
dateline-led or byline-led sentence, and not a long run-on paragraph. Page furniture above
it ("Share this article", "Advertisement", "Updated 5:31 p.m. ET") is stepped over and left
for the ``boilerplate`` and ``dates`` rules. A headline written twice on one line
("TitleTitle" or "Title Title", as scrapers concatenate it) keeps one copy; the other goes
to ``removed`` as a duplicate.

On a whole web page (``state.page``) the header the ``page`` rule kept above the article's
first prose may hold a section label, a breadcrumb ("Home / World") or a date line above the
real headline: the headline is the line of that header that reads most like one (a few words
to a few dozen, Title Case or a sentence without its full stop, printed again elsewhere on the
page), not merely the first; the labels and breadcrumbs left above it go to ``removed`` as
``navigation`` (date and byline lines stay for the ``dates`` and ``byline`` rules).

A page title's site name is cut off it and kept in ``Article.site``: "Headline | Site",
"Headline - BBC News", "Headline — The Valley Courier", "Site: Headline". A name counts as a
site when it is short and Title Case (or a domain, "example.com") and the page vouches for it:
after ``|`` its shape is enough; after a dash the same name must appear elsewhere on the page
(a copyright line, the title printed twice) or be a domain; before a colon it must be a domain
or stand in a copyright line. "Analysis: Why ..." and "Watch: ..." open headlines (the labels
are a vocabulary, ``headline_labels.txt``), and "A - B" inside a headline stays whole unless
the page names B elsewhere. The site name goes to ``removed`` with reason ``metadata`` and
category ``site``.
"""

from __future__ import annotations

import regex

from newsdoc.model import Span
from newsdoc.state import BODY, HEADLINE, REMOVED, Block, DocumentState
from newsdoc.text import comparison_key, is_prose_line, normalize_space, time_limit
from newsdoc.vocab import phrase_keys

MAX_HEADLINE_CHARS = 300
MAX_HEADLINE_WORDS = 40
SHORT_TITLE_WORDS = 14
MAX_LEADING_FURNITURE = 6  # share/subscribe lines a page may show above its title
MAX_HEADER_LINES = 12  # lines of a page's header (above its first prose) that may be the title
MAX_SITE_WORDS = 5
MAX_SITE_CHARS = 40
TITLE_CASE_SHARE = 0.6
TITLE_MIN_WORDS = 4  # a page headline of this many words or more (fewer: a label, a menu item)
TITLE_MAX_WORDS = 25
MAX_SITE_MENTIONS = 20  # mentions of a site name searched for a copyright line
MIN_HEAD_WORDS = 3  # a headline left of a site name has this many words at least

# A time stamp line: "Published 3:02 PM EST, Mon March 3, 2014", "Updated 5:31 p.m. ET".
_STAMP = regex.compile(
    r"\s*(?:last\s+)?(?:updated|published|posted|modified)\b[^\n]{0,60}\d[^\n]{0,40}",
    regex.IGNORECASE,
)

# Body copy that opens the document: a dateline, a CNN-style "(CNN)" lead, a byline.
_BODY_OPENING = regex.compile(
    r"""
    \(?[A-Z][\w .'/,-]{0,60}\)(?:\s*(?:--|-|—|–))?\s*\S   # (CNN)..., Tokyo (CNN) ...
    | [A-Z][A-Z .'/,-]{1,40},?\s*(?:[A-Z][a-z]{1,9}\.?\s+\d{1,2}\s*)?
      (?:\([^)]{1,40}\)\s*)?(?:--|—|–|\s-)\s
    | [Bb][Yy](?:\s*\.)?\s+[A-Z]
    """,
    regex.VERBOSE,
)


# A site name after a headline, rightmost first: "Headline | Site", "Headline - Site".
_SUFFIX_SEPARATORS = (" | ", " - ", " — ", " – ", " :: ", " · ", " » ")
# ... and before one: "Site: Headline", "Site | Headline".
_PREFIX_SEPARATORS = (": ", " | ")
# A site's domain: "valleycourier.com", "LWN.net", "bbc.co.uk" (not "Node.js").
_DOMAIN = regex.compile(
    r"(?:[\w-]{1,63}\.){1,4}(?:com|net|org|edu|gov|info|news|io|co|uk|us|ca|au|de|fr|ie|nz|in)",
    regex.IGNORECASE,
)
_SITE_JOINERS = frozenset({"&", "and", "de", "for", "in", "of", "on", "the"})
_COPYRIGHT = regex.compile(r"(?:©|\(c\)|copyright)", regex.IGNORECASE)
_BULLET = regex.compile(r"(?:[*+•·▪◦‣»›→-]|\d{1,3}[.)])\s")
_DIGIT = regex.compile(r"\d")
_BYLINE_OPENERS = ("by ", "written by ", "posted by ", "posted on ")
# A breadcrumb or a menu bar: "Home / Local / County", "News > World", "Sign in | Register".
_CRUMB_SEPARATORS = (" / ", " > ", " › ", " » ", " | ")
_SENTENCE_ENDS = '.!?"”’:;)…'


def _doubled(text: str) -> int | None:
    """Length of the first copy when ``text`` is one string written twice, else None."""
    length = len(text)
    for separator_width in (0, 1):
        half, odd = divmod(length - separator_width, 2)
        if odd or half < 3:
            continue
        first = text[:half]
        second = text[half + separator_width :]
        if first == second and (separator_width == 0 or text[half].isspace()):
            return half
    return None


def _is_furniture(state: DocumentState, text: str) -> bool:
    """A whole-line boilerplate phrase (the vocabulary or the caller's extra phrases) or stamp."""
    # no time limit: anchored, bounded repeats
    if state.boilerplate_category(text) is not None or _STAMP.fullmatch(text):
        return True
    phrases = state.config.boilerplate_phrases
    if not phrases:
        return False
    return comparison_key(text) in phrase_keys(phrases)


def _first_candidate(state: DocumentState) -> int | None:
    """Index of the first block past leading page furniture, if everything before is body.

    On a page, what the ``page`` rule removed above the article (menus) is stepped over.
    """
    seen = 0
    for index, block in enumerate(state.blocks):
        if state.page and block.role == REMOVED:
            continue
        seen += 1
        if block.role != BODY or seen > MAX_LEADING_FURNITURE + 1:
            return None
        if not _is_furniture(state, state.text_of(block)):
            return index
    return None


def _title_shaped(words: list[str]) -> bool:
    """Most of the longer words are capitalised."""
    long_words = [word for word in words if len(word) > 3]
    capitalised = sum(word[0].isupper() for word in long_words)
    return bool(long_words) and capitalised >= TITLE_CASE_SHARE * len(long_words)


def _is_date_line(state: DocumentState, words: list[str]) -> bool:
    """ "March 3, 2024", "Posted on 3 March 2024": a digit and a month name."""
    # no time limit: one character class over one word at a time
    return any(_DIGIT.search(word) for word in words) and any(
        word.strip(".,").casefold() in state.vocab.months for word in words
    )


def _goes_on(line: str | None) -> bool:
    """The line goes on with a sentence from the line above ("for twelve weeks from June"):
    it opens with a lower-case word that opens no byline or stamp ("by", "updated")."""
    if line is None:
        return False
    words = line.split(maxsplit=1)
    return bool(words) and words[0].islower() and not line.casefold().startswith(_BYLINE_OPENERS)


def _next_body_text(state: DocumentState, index: int) -> str | None:
    """The text of the first body block after block ``index``, if there is one."""
    for block in state.blocks[index + 1 :]:
        if block.role == BODY:
            return state.text_of(block)
    return None


def _headline_score(state: DocumentState, text: str, following: str | None) -> int:
    """How much a header line reads as the page's headline; 0 when it cannot be one.

    ``following`` is the next body line, if any: a byline or date line under a line vouches
    for it.
    """
    words = text.split()
    if (
        len(words) < 2
        or len(words) > MAX_HEADLINE_WORDS
        or text.endswith(":")
        or words[0].islower()  # "for twelve weeks ...": a wrapped sentence's next line
        or _goes_on(following)  # the line after it is: this line is a sentence's start
        or text.casefold().startswith(_BYLINE_OPENERS)
        or (words[-1].islower() and words[-1] in state.vocab.job_words)  # "X Science editor"
        or _BULLET.match(text) is not None  # no time limit: anchored, two characters
        or sum(text.count(separator) for separator in _CRUMB_SEPARATORS) >= 2
        or _is_date_line(state, words)
        or _is_furniture(state, text)
    ):
        return 0
    long_enough = TITLE_MIN_WORDS <= len(words) <= TITLE_MAX_WORDS
    score = 1 + long_enough + _title_shaped(words)
    # The headline is printed twice on most pages (title bar and article); a dek ends with a
    # full stop; a byline or date line stands under the headline.
    if long_enough and state.source.count(text) > 1:
        score += 2
    if text.endswith(".") and len(words) > SHORT_TITLE_WORDS:
        score -= 1
    if following is not None and (
        following.casefold().startswith(_BYLINE_OPENERS) or _is_date_line(state, following.split())
    ):
        score += 1
    return score


def _page_candidate(state: DocumentState) -> int | None:
    """On a page: the line of the article's header that reads most like its headline."""
    header: list[int] = []
    for index, block in enumerate(state.blocks):
        if block.role != BODY:
            continue
        if len(header) >= MAX_HEADER_LINES or is_prose_line(state.text_of(block)):
            break
        header.append(index)
    best, best_score = None, 0
    for position, index in enumerate(header):
        following = header[position + 1] if position + 1 < len(header) else None
        score = _headline_score(
            state,
            state.text_of(state.blocks[index]),
            None if following is None else state.text_of(state.blocks[following]),
        )
        if score > best_score:
            best, best_score = index, score
    return best


def _site_shaped(name: str) -> bool:
    """A short Title Case name ("The Valley Courier", "BBC News") or a domain."""
    if _DOMAIN.fullmatch(name) is not None:  # no time limit: bounded repeats
        return True
    words = name.split()
    if not 1 <= len(words) <= MAX_SITE_WORDS or len(name) > MAX_SITE_CHARS:
        return False
    if name[-1] in _SENTENCE_ENDS or not words[0][0].isupper():
        return False
    return all(word[0].isupper() or word[0].isdigit() or word in _SITE_JOINERS for word in words)


def _named_elsewhere(state: DocumentState, name: str, block: Block) -> bool:
    """The page names the site outside the title line, or the name is a domain."""
    if _DOMAIN.fullmatch(name) is not None:  # no time limit: bounded repeats
        return True
    source = state.source
    return source.find(name, 0, block.start) >= 0 or source.find(name, block.end) >= 0


def _site_split(state: DocumentState, block: Block, text: str) -> tuple[int, int, str] | None:
    """(headline start, headline end, site) within ``text`` when the line names its site."""
    suffix = max((text.rfind(separator), separator) for separator in _SUFFIX_SEPARATORS)
    at, separator = suffix
    if at > 0:
        site = text[at + len(separator) :].strip()
        if (
            len(text[:at].split()) >= MIN_HEAD_WORDS
            and _site_shaped(site)
            and (separator == " | " or _named_elsewhere(state, site, block))
        ):
            return 0, at, site
    for separator in _PREFIX_SEPARATORS:
        at = text.find(separator)
        if at <= 0:
            continue
        site = text[:at].strip()
        if (
            site.casefold() not in state.vocab.headline_labels
            and len(text[at:].split()) >= 3
            and _site_shaped(site)
            and _vouched_prefix(state, site)
        ):
            return at + len(separator), len(text), site
    return None


def _vouched_prefix(state: DocumentState, site: str) -> bool:
    """A site before the headline must be a domain or named in a copyright line."""
    if _DOMAIN.fullmatch(site) is not None:  # no time limit: bounded repeats
        return True
    at = state.source.find(site)
    for _mention in range(MAX_SITE_MENTIONS):  # a name on every line of a long page: enough
        if at < 0:
            break
        line_start = state.source.rfind("\n", 0, at) + 1
        # no time limit: a literal alternation within one line
        if _COPYRIGHT.search(state.source, line_start, at) is not None:
            return True
        at = state.source.find(site, at + len(site))
    return False


def _cut_site(state: DocumentState, index: int) -> None:
    """Cut the site name off a page title; the name goes to ``state.site`` and ``removed``."""
    block = state.blocks[index]
    text = state.text_of(block)
    found = _site_split(state, block, text)
    if found is None:
        return
    start, end, site = found
    state.site = state.site or site
    if start > 0:
        state.remove(block.start, block.start + start, "metadata", "site")
        state.trim_start(block, block.start + start)
    else:
        state.remove(block.start + end, block.end, "metadata", "site")
        state.trim_end(block, block.start + end)


def _remove_labels_above(state: DocumentState, index: int) -> None:
    """On a page, the section labels and breadcrumbs left above the headline are navigation.

    Date and byline lines stay for the ``dates`` and ``byline`` rules.
    """
    for block in state.blocks[:index]:
        if block.role != BODY:
            continue
        text = state.text_of(block)
        words = text.split()
        if not words or _is_date_line(state, words) or text.casefold().startswith(_BYLINE_OPENERS):
            continue
        if _DIGIT.search(text) is not None:  # no time limit: one character class
            continue  # a stamp in a form the dates rule reads ("11.06.12")
        state.remove_block(block, "boilerplate", "navigation")


def find_headline(state: DocumentState) -> None:
    """Mark the first block (past page furniture) as the headline when it reads as one.

    On a page, the header line that reads most like a headline, its site name cut off.
    """
    index = _page_candidate(state) if state.page else None
    if index is None:
        index = _first_candidate(state)
        if index is not None and state.page and _goes_on(_next_body_text(state, index)):
            return  # the first line of a wrapped paragraph, not a title above it
    if index is None:
        return
    block = state.blocks[index]
    text = state.text_of(block)
    if "\n" in text or "\r" in text or len(text) > MAX_HEADLINE_CHARS:
        return
    words = len(text.split())
    if words > MAX_HEADLINE_WORDS:
        return
    # A dateline-led or long full sentence opening the document is body copy, not a title.
    if words > SHORT_TITLE_WORDS and (
        _BODY_OPENING.match(text, timeout=time_limit(text)) or text.rstrip().endswith(".")
    ):
        return
    doubled = _doubled(text)
    if doubled is not None:
        state.split_block(index, block.start + doubled)
        state.remove_block(state.blocks[index + 1], "duplicate", "headline")
    if state.page:
        _cut_site(state, index)
        block = state.blocks[index]
        _remove_labels_above(state, index)
    block.role = HEADLINE
    state.headline = normalize_space(state.text_of(block))
    state.headline_span = Span(block.start, block.end)
