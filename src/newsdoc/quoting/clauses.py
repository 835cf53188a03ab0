"""Clauses of the reporter's sentence: where a clause starts, what introduces it, and the
subject that opens it ("Clinton’s campaign is seeking …", "While he agreed, Ham noted …")."""

from __future__ import annotations

from newsdoc.quoting.cues import is_verb_like
from newsdoc.quoting.names import (
    is_name_word,
    is_possessive,
    mention_ending,
    subject_before,
)
from newsdoc.quoting.types import QUOTE, WORD, Mention, Token
from newsdoc.vocab import Vocabulary

_CLAUSE_OPENERS = frozenset(("although", "though", "whereas", "while"))
_INTRODUCERS = frozenset(
    (
        *("after", "although", "as", "asked", "at", "because", "before", "despite", "during"),
        *("following", "if", "in", "on", "once", "since", "though", "when", "while"),
    )
)
_REPORT_JOINS = frozenset(("which", "that", "but"))
_PRONOUNS = frozenset(("he", "she", "they", "it", "we"))
_REPORTING = frozenset(("said", "says", "added", "adds", "told", "tells"))
_CLAUSE_WORDS = _CLAUSE_OPENERS | _INTRODUCERS | _REPORT_JOINS  # words that may start one
MAX_SUBJECT = 24  # tokens from a clause's start to its verb
# the last word of an opening time phrase: "Hours later, …", "Shortly after, …"
_TIME_ADVERBS = frozenset(("afterward", "afterwards", "after", "ago", "before", "earlier", "later"))
MAX_TIME_PHRASE = 4  # tokens of "Two days later" before its comma


def _after_comma(token: Token) -> bool:
    """Whether ``token`` is a comma, or a quote closing on one (“…,” but)."""
    return token.text == "," or (token.kind == QUOTE and token.text[-2:-1] == ",")


def clause_start(tokens: list[Token], floor: int, end: int) -> int:
    """Where the clause holding ``end`` starts: after "; ", ", while" or ", whereas"."""
    for position in range(end, floor, -1):
        token = tokens[position]
        text = token.text
        if text == ";":
            return position + 1
        lower = text.lower()
        if lower not in _CLAUSE_WORDS:
            continue  # most words: one lookup
        if lower in _CLAUSE_OPENERS and tokens[position - 1].text == ",":
            return position + 1
        if (
            lower in _REPORT_JOINS
            and position + 2 <= end
            and tokens[position + 1].lower in _PRONOUNS
            and tokens[position + 2].lower in _REPORTING
            and (lower != "but" or _after_comma(tokens[position - 1]))
        ):
            # "…, which he said had “…”", "…,” but he said the footage “…”": his own report
            return position + 1
        if (
            lower in _INTRODUCERS
            and tokens[position - 1].lower in ("and", "but")
            and position - 2 >= floor
            and tokens[position - 2].text == ","
        ):
            return position  # "She said …, and when pressed, the aide replied, “…”"
    return floor


def sentence_subject(
    tokens: list[Token], start: int, end: int, vocab: Vocabulary
) -> Mention | None:
    """The subject opening a clause: "Donald Trump, her opponent, weighed in and said …"."""
    position = start
    while position < end and tokens[position].lower in ("and", "but", "so", "yet"):
        position += 1
    if position >= end or tokens[position].kind != WORD:
        return None
    token = tokens[position]
    if token.lower in vocab.speaker_pronouns and token.lower not in ("it", "you"):
        return Mention(position, position, "pronoun")
    if not is_name_word(token, vocab):
        return None
    last = position
    while last + 1 < end and is_name_word(tokens[last + 1], vocab):
        last += 1
    if is_possessive(tokens[last]):
        return None
    return mention_ending(tokens, last, position, vocab)


def opening_subject(tokens: list[Token], start: int, end: int, vocab: Vocabulary) -> Mention | None:
    """The subject opening a clause, before its first verb: "Clinton’s campaign is seeking",
    "He did not address", "The council voted"."""
    while start < end and tokens[start].lower in ("and", "but", "so", "yet"):
        start += 1
    opener = tokens[start]
    if start + 2 < end and tokens[start + 1].text == "," and not is_name_word(opener, vocab):
        start += 2  # "Meanwhile, it attacked Trump" (but "Dean, a doctor, poked …")
    for verb in range(start + 1, min(end, start + MAX_SUBJECT)):
        token = tokens[verb]
        if token.kind != WORD and token.text not in ",()":
            return None  # "Rep. Jane Doe (D-N.Y.), a former judge, said": commas and tags
        if is_verb_like(token, vocab) and not (is_possessive(token) and token.text[0].isalpha()):
            mention = subject_before(tokens, verb, start, vocab)
            if mention is None:
                return None
            first = mention.first
            if first > start and tokens[first - 1].lower in vocab.np_determiners:
                first -= 1
            opens = first == start or (  # "Rep. Jane Doe": the title opens the clause
                mention.role_span is not None and mention.role_span[0] == tokens[start].start
            )
            return mention if opens and mention.kind != "relative" else None
    return None


def after_introduction(tokens: list[Token], start: int, end: int) -> int:
    """Where the main clause starts after an introductory phrase ("While he agreed, …", "In a
    statement posted Friday, …", "Claiming victory, …"), or ``start`` when there is none."""
    opener = tokens[start] if start <= end else None
    if opener is None or opener.kind != WORD:
        return start
    lower = opener.text.lower()
    if lower not in _INTRODUCERS and not (
        opener.text[:1].isupper() and lower.endswith("ing") and lower != "according"
    ):
        # "Hours later, …", "Shortly after, …" (a name never ends that way)
        for position in range(start + 1, min(end, start + MAX_TIME_PHRASE)):
            if tokens[position].lower in _TIME_ADVERBS and tokens[position + 1].text == ",":
                return after_introduction(tokens, position + 2, end)
        return start  # "According to X, …" is itself the attribution
    for position in range(start + 1, end):
        token = tokens[position]
        if token.text == "," or (token.kind == QUOTE and token.text.rstrip("”\"’'").endswith(",")):
            # "In a statement Friday, …", "On “Meet the Press,” …"; "Once in 2010, when
            # she asked, I said …" has two
            return after_introduction(tokens, position + 1, end)
    return start
