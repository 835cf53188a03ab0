"""What a quoted stretch is: a direct quote, a partial quote, or not a quote at all.

Quote marks also enclose titles (NBC’s “Meet the Press”), nicknames (Robert C. “Bobby” Scott)
and markup (``author="…"``); those are not speech and never become quotes.
"""

from __future__ import annotations

from newsdoc.model import QuoteKind
from newsdoc.quoting.names import is_dash, is_possessive
from newsdoc.quoting.tokens import quote_inner
from newsdoc.quoting.types import PUNCT, QUOTE, Token
from newsdoc.vocab import Vocabulary

MAX_TITLE_WORDS = 7  # a capitalised quote this short is more likely a title than speech
_SMALL_WORDS = frozenset(
    ("&", "a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with")
)


def classify(tokens: list[Token], position: int, floor: int, vocab: Vocabulary) -> QuoteKind | None:
    """``direct`` for quoted sentences, ``partial`` for fragments in the reporter's sentence,
    None for a quote without words."""
    inner = quote_inner(tokens[position].text)
    head = inner[:1]
    if head.isalpha():
        upper = head.isupper()  # most quotes: a letter first
    else:
        if not any(char.isalnum() for char in inner):
            return None
        letters = [char for char in inner[:3] if char.isalpha()]
        upper = (bool(letters) and letters[0].isupper()) or head in "…." or head.isdigit()
    if position == floor:
        return "direct" if upper else "partial"
    before = tokens[position - 1]
    if before.kind == PUNCT and before.text == ":":
        return "direct"
    if upper and (before.kind == QUOTE or before.text == "," or is_dash(before)):
        return "direct"
    if upper and before.lower in vocab.speech_verbs:
        return "direct"
    return "partial"


def looks_like_title(tokens: list[Token], position: int, vocab: Vocabulary) -> bool:
    """“Fox News Sunday,” “13th”, 'All Bets Are Off.': every word capitalised, short, after a
    possessive, a parenthesis or a word that introduces titles, before a word that a title
    qualifies (the “Avatar” star), or closing its paragraph without a sentence's end or a cue
    before it (a list entry); a nickname; or markup (``author="``)."""
    text = tokens[position].text
    inner = quote_inner(text)
    if "=" in inner or "<" in inner or ">" in inner:
        return True  # an HTML attribute, not speech
    # (at most one split past the limit: a long quote need not be cut into all its words)
    words = inner.rstrip(",.;:!?”\"’'").split(maxsplit=MAX_TITLE_WORDS)
    if not words or len(words) > MAX_TITLE_WORDS:
        return False
    if not all(word[:1].isupper() or word[:1].isdigit() or word in _SMALL_WORDS for word in words):
        return False
    if text[0] in "‘'":
        return True  # a single-quoted heading
    after = tokens[position + 1] if position + 1 < len(tokens) else None
    if (
        after is not None
        and after.text.islower()
        and after.lower in vocab.title_followers
        and inner[-1:] not in ",.;:!?"
    ):
        return True  # the “Broad City” star, a “Make America Great Again” hat
    before = tokens[position - 1] if position > 0 else None
    if (
        after is None
        and inner.rstrip("”\"’' ")[-1:] not in ".!?…"
        and (before is None or (before.lower not in vocab.speech_verbs and before.text != ":"))
    ):
        return True  # a list entry closing its line: “Lady Bird”, Mary J. Blige, “Mudbound”
    if before is None:
        return False
    if before.text == "(":
        return True  # (“Fargo” — “Who Rules the Land of Denial?”)
    if len(words) == 1 and after is not None and after.capitalised and before.capitalised:
        return True  # a nickname inside a name: Rep. Robert C. “Bobby” Scott
    # not after other words: the “War On Drugs,” as “Miss Piggy” are quoted names in a claim
    return is_possessive(before) or before.lower in vocab.title_cues
