"""What a text says a named person is, and what a description of one is ("the mayor").

A role is read from the words around a name: its title ("Mayor Bill de Blasio", "Sen. Bernie
Sanders"), the words just before it ("Republican nominee Donald Trump", "Russia's foreign
minister, Sergey V. Lavrov") and an apposition after it ("Bill de Blasio, the mayor of New
York,"). A description ("the Vermont senator", "the 34-year-old mother of three") is matched
by its head noun.
"""

from __future__ import annotations

import re

from newsdoc.vocab import Vocabulary

# the words of a phrase; a phrase ends at a comma, a sentence mark, a bracket or a quote mark
_WORDS = re.compile(r"[A-Za-z][A-Za-z.\-’']*")
_PHRASE_END = re.compile(r"[,;:.!?()\[\]“”\"\n]")
# words after which a noun phrase's head has been read ("mother of three", "strategist for …")
_HEAD_ENDS = frozenset(("of", "for", "who", "from", "at", "in", "on", "with", "to", "and"))
_DETERMINERS = frozenset(("the", "a", "an", "who", "is", "was", "his", "her", "its", "their"))
BEFORE_CHARS = 60  # how far before a name its describing words are looked for
AFTER_CHARS = 80  # ... and after it, for an apposition


def head_noun(words: list[str]) -> str | None:
    """The lower-case head noun of a noun phrase: "the Vermont senator" -> "senator", "the
    34-year-old mother of three" -> "mother", "Obama's former campaign strategist" ->
    "strategist"."""
    head = None
    for word in words:
        lower = word.lower().rstrip(",.")
        if lower in _HEAD_ENDS and head is not None:
            break
        head = lower
    if head is None:
        return None
    return head[:-2] if head.endswith(("'s", "’s")) else head


def _phrase_words(text: str) -> list[str]:
    return [word.lower().rstrip(".") for word in _WORDS.findall(text)]


def role_words(
    source: str, start: int, end: int, title_words: list[str], vocab: Vocabulary
) -> set[str]:
    """The lower-case words that describe the name at ``source[start:end]``, whose titles are
    ``title_words`` (a title in ``vocab.role_titles`` gives its role noun: "Sen." -> "senator")."""
    roles = set()
    for word in title_words:
        found = vocab.role_titles.get(word)
        roles.add(found[0] if found is not None else word.lower().rstrip("."))
    before = source[max(0, start - BEFORE_CHARS) : start]
    stripped = before.rstrip()
    if stripped.endswith(","):  # "Russia's foreign minister, Sergey V. Lavrov"
        stripped = stripped[:-1]
        ends = list(_PHRASE_END.finditer(stripped))
        roles.update(_phrase_words(stripped[ends[-1].end() if ends else 0 :]))
    elif before.endswith(" "):  # "Republican nominee Donald Trump": the words right before
        ends = list(_PHRASE_END.finditer(stripped))
        words = _phrase_words(stripped[ends[-1].end() if ends else 0 :])
        roles.update(words[-3:])
    after = source[end : end + AFTER_CHARS]
    if after.startswith(", "):  # "Bill de Blasio, the mayor of New York,"
        phrase = after[2:]
        stop = _PHRASE_END.search(phrase)
        words = _phrase_words(phrase[: stop.start()] if stop is not None else phrase)
        if words and (words[0] in _DETERMINERS or words[0] not in vocab.non_name_words):
            for word in words:
                if word in _HEAD_ENDS and word not in ("who",):
                    break
                roles.add(word)
    return roles - _DETERMINERS


def role_text(source: str, start: int, end: int, title_words: list[str], vocab: Vocabulary) -> str:
    """A lower-case text holding every word :func:`role_words` can give the same name: a word
    it does not hold is none of the name's roles. (Those words are the role nouns of its
    titles and ASCII words read within the same characters around it, so each is written
    whole in the lowered characters; this is just cheaper to read.)"""
    near = source[max(0, start - BEFORE_CHARS) : end + AFTER_CHARS].lower()
    nouns = [found[0] for word in title_words if (found := vocab.role_titles.get(word))]
    return " ".join((near, *nouns))


_PHRASE_BOUNDARY = re.compile(r"[.;:!?()\[\]“”\"\n,—]")
# words after which a role phrase has said what the person is ("Russia’s representative at
# the talks on Thursday": the role is "Russia’s representative")
_ROLE_ENDS = frozenset(("at", "on", "in", "during", "from", "with", "since", "who", "which"))
MAX_ROLE_WORDS = 10
ROLE_CONTEXT = 160  # characters read on each side of a name for its role phrases


def _role_phrase(phrase: str, vocab: Vocabulary) -> str | None:
    """``phrase`` cut after what it says the person is, if it reads as a role: it opens with a
    determiner or a possessive ("the foreign minister of France", "Russia’s foreign
    minister") or ends in a role noun ("chief strategist for the committee")."""
    words = phrase.split()
    if not words or len(words) > MAX_ROLE_WORDS:
        return None
    for index, word in enumerate(words[1:], start=1):
        if word.lower() in _ROLE_ENDS:
            words = words[:index]
            break
    first = words[0]
    if first.lower() in ("the", "a", "an") or (first.endswith(("’s", "'s")) and len(words) > 1):
        return " ".join(words)
    head = head_noun(words)
    return " ".join(words) if head in vocab.person_nouns else None


def role_phrases(source: str, start: int, end: int, vocab: Vocabulary) -> list[str]:
    """The roles an apposition gives the name at ``source[start:end]``, before it ("Russia’s
    foreign minister, Sergey V. Lavrov") and after it ("Jean-Marc Ayrault, the foreign
    minister of France,")."""
    found = []
    before = source[max(0, start - ROLE_CONTEXT) : start].rstrip()
    if before.endswith(","):
        before = before[:-1]
        boundaries = list(_PHRASE_BOUNDARY.finditer(before))
        phrase = _role_phrase(before[boundaries[-1].end() if boundaries else 0 :], vocab)
        if phrase is not None:
            found.append(phrase)
    after = source[end : end + ROLE_CONTEXT]
    if after.startswith(", "):
        stop = _PHRASE_BOUNDARY.search(after, 2)
        phrase = _role_phrase(after[2 : stop.start() if stop is not None else None], vocab)
        if phrase is not None:
            found.append(phrase)
    return found
