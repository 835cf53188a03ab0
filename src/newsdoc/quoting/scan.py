"""The lazy scan of an article's capitalised runs for the people and bodies it names.

One pass over the text (on first need) finds every full name ("Anna Brezina"), every surname
of a name seen before ("Ms. Brezina"), every name a title makes a person's ("President Obama"),
with the gender an honorific or a title gives, and the bodies named ("New York Daily News",
"CNN"). Runs that are no name are left out: titles in capitals ("Biden Aims Insult At
Trump"), a sentence's first word glued to a name ("Had Sanders"), bodies and places.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

import regex

from newsdoc.quoting.entity_kinds import lone_word_kind, trim_name_words
from newsdoc.quoting.lowercase import LowerCaseWords
from newsdoc.quoting.run_words import _POSSESSIVES, read_run, title_of
from newsdoc.vocab import Vocabulary

# capitalised runs, single words included (surnames), with particles and "of"/"for" inside: a
# particle is a whole word before more of the name ("van der Waals", "al-Assad", "Bank of
# England"), never the start of the next word ("Smith also said" is Smith's run, not "Smith al");
# a run never starts inside an initialism (the "S. Banks" of "U.S. Banks")
_PARTICLE = "(?:de|van|von|der|la|le|da|bin|al|of|for)"
# A run of particles is read once, possessively, then must reach a capitalised word: a
# look-ahead over the rest of the run from each particle made "Jean de de … de Smith"
# quadratic. Each particle is a whole word (the look-ahead for a space), so the possessive
# repeat gives up nothing a match could use.
_NAME_RUN = regex.compile(
    r"\p{Lu}(?<!\p{L}\.\p{Lu})[\p{L}’'\-]*\.?(?:[ ]+(?:\p{Lu}[\p{L}’'\-]*\.?"
    rf"|{_PARTICLE}(?:-\p{{Lu}}[\p{{L}}’'\-]*\.?"
    rf"|(?=[ ])(?:[ ]+{_PARTICLE}(?=[ ]))*+[ ]+\p{{Lu}}[\p{{L}}’'\-]*\.?)))*"
)
# The same runs in text whose letters are all ASCII, where \p{Lu} is [A-Z] and \p{L} is
# [A-Za-z]: the standard library's engine finds them a third faster (most articles are ASCII,
# and most others only add curly quotes and dashes). Possessive quantifiers change nothing
# here (a word or a space run is always taken whole) and save backtracking. (The initialism
# test comes after the first letter: a pattern opening with it is searched twice as slowly.)
_ASCII_NAME_RUN = re.compile(
    r"[A-Z](?<![A-Za-z]\.[A-Z])[A-Za-z’'\-]*+\.?+"
    r"(?:[ ]++(?:[A-Z][A-Za-z’'\-]*+\.?+"
    rf"|{_PARTICLE}(?:-[A-Z][A-Za-z’'\-]*+\.?+"
    rf"|(?=[ ])(?:[ ]++{_PARTICLE}(?=[ ]))*+[ ]++[A-Z][A-Za-z’'\-]*+\.?+)))*+"
)
# A letter outside ASCII: text without one is scanned with the ASCII pattern. Searched for
# among the characters outside ASCII alone (_has_non_ascii_letter).
_NON_ASCII_LETTER = regex.compile(r"[^\x00-\x7F\P{L}]")
_ASCII_BYTES = bytes(range(128))
_MALE_HONORIFICS = frozenset(("Mr.", "Mr", "Sir"))
_FEMALE_HONORIFICS = frozenset(("Ms.", "Ms", "Mrs.", "Mrs", "Miss", "Dame"))
_FOLLOWING_WORD = re.compile(r" ([a-z]+)\b")
MAX_ACRONYM = 5  # a lone word in capitals up to this long is taken for a body ("CNN")


def _sentence_pieces(text: str, continues: Callable[[str, str], bool]) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` of a capitalised run cut after each word that ends in a period and
    does not ``continue`` the name into the word after it (a sentence end)."""
    start = 0
    period = text.find(". ")
    while period >= 0:
        word = text[max(start, text.rfind(" ", start, period) + 1) : period + 1]
        following = period + 1
        while text[following] == " ":
            following += 1
        space = text.find(" ", following)
        if not continues(word, text[following : len(text) if space < 0 else space]):
            yield start, text[start : period + 1]
            start = following
        period = text.find(". ", period + 1)
    yield start, text[start:]


def _has_non_ascii_letter(text: str) -> bool:
    """Whether a letter outside ASCII is in ``text``."""
    # Only the characters outside ASCII are searched: the UTF-8 form without its ASCII bytes
    # (never part of another character's bytes) is their own, and taking it costs half what
    # searching the whole text does. (Lone surrogates pass through as they are.)
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return _NON_ASCII_LETTER.search(rest.decode("utf-8", "surrogatepass")) is not None


def name_run_pattern(text: str) -> re.Pattern[str] | regex.Pattern[str]:
    """The pattern of capitalised runs to read ``text`` with: the ASCII one when all its
    letters are ASCII (the same runs, found faster)."""
    return _ASCII_NAME_RUN if _ascii_letters(text) else _NAME_RUN


def _ascii_letters(text: str) -> bool:
    """Whether every letter of ``text`` is ASCII (most articles: curly quotes and dashes
    aside)."""
    return text.isascii() or not _has_non_ascii_letter(text)


def gender_of(honorific: str | None) -> str | None:
    """``male``/``female`` from an honorific, else None."""
    if honorific in _MALE_HONORIFICS:
        return "male"
    if honorific in _FEMALE_HONORIFICS:
        return "female"
    return None


class NameScan:
    """The people and bodies an article names, found by one lazy pass (:meth:`run`)."""

    def __init__(self, source: str, vocab: Vocabulary, genders: dict[str, str]) -> None:
        self._source = source
        self._vocab = vocab
        self.genders = genders  # name -> gender, shared with the resolver
        self._found: list[tuple[int, str, str | None]] | None = None
        # surname -> the full name a lone surname stands for: the one named most so far (the
        # latest on a tie), so "Cruz" stays Ted Cruz after "a photo of Heidi Cruz"
        self.full_names: dict[str, str] = {}
        self._mentions: dict[str, int] = {}  # a full name -> how often the scan saw it so far
        # surname -> every (position, full name) ending with it, in reading order
        self.by_surname: dict[str, list[tuple[int, str]]] = {}
        # bodies the scan saw named ("New York Daily News", "CNN"), in order, for "the newspaper"
        self.organisations: list[tuple[int, str]] = []
        self.first_seen: dict[str, int] = {}  # a name -> where the scan first saw it
        self._lower_words = LowerCaseWords(source)
        self._no_subjects: set[str] = set()  # lone words that are no subject by themselves
        # a run's name words -> what is left of them trimmed (the same runs come again)
        self._trimmed: dict[tuple[str, ...], list[str]] = {}

    def run(self) -> list[tuple[int, str, str | None]]:
        """People mentioned anywhere, in order: full names, and surnames of names seen before
        ("Ms. Brezina" after "Anna Brezina"), with the gender an honorific gives."""
        if self._found is not None:
            return self._found
        self._found = []
        source = self._source
        runs: Iterator[re.Match[str]] | Iterator[regex.Match[str]] = (
            _ASCII_NAME_RUN.finditer(source)
            if _ascii_letters(source)
            else _NAME_RUN.finditer(source)
        )
        surnames = self.full_names
        take = self._take_run
        for match in runs:
            text = match[0]
            if " " not in text:
                # a lone capitalised word (most runs): only a surname seen before counts, and
                # most are none (with or without a possessive), so most need no further look
                key = text.rstrip(".")
                if key in surnames or (key[-1] == "s" and key[:-2] in surnames):
                    take(match.start(), text)
                elif key.isupper() and 1 < len(key) <= MAX_ACRONYM and key.isalpha():
                    self.organisations.append((match.start(), key))  # "CNN", "IMF"
                elif (
                    # (most capitalised words follow a word and a space: no clause's start)
                    (start := match.start()) < 2
                    or not (source[start - 1] == " " and source[start - 2].isalpha())
                ) and self._lone_subject(match):
                    self._take_subject(start, text)
                continue
            if ". " in text:
                # a run going on past a sentence end ("… in Canada. Trump said"): its pieces
                start = match.start()
                for offset, piece in _sentence_pieces(text, self._continues_name):
                    take(start + offset, piece)
            else:
                take(match.start(), text)
        return self._found

    def _take_run(self, position: int, text: str) -> None:
        """Note the person a capitalised run at ``position`` names, if any."""
        scanned = self._found
        assert scanned is not None
        surnames = self.full_names
        found = self.by_surname  # the scan's own finds by surname, in order
        if " " not in text:  # a lone word: a surname seen before, or nobody
            surname = text.rstrip(".")
            if surname[-1] == "s" and surname.endswith(_POSSESSIVES):
                surname = surname[:-2]
            known = surnames.get(surname)
            if known is not None:
                scanned.append((position, known, None))
                found[surname].append((position, known))
                self._mentions[known] += 1
            return
        reading = read_run(text, self._vocab)  # (what the run's words say: kept)
        if reading.organisation is not None:
            offset, body = reading.organisation
            self.organisations.append((position + offset, body))
        title, honorific = reading.title, reading.honorific
        named = reading.name
        if not named:
            return
        if len(named) >= 2 and self._glued(position, named):
            named = named[1:]  # "Had Sanders", "Earlier Tony Blair": a sentence's first word
        words = self._trimmed.get(named)
        if words is None:
            words = trim_name_words(list(named), self._vocab, self.written_lower)
            self._trimmed[named] = words  # (never changed in place: it is kept)
        if len(words) >= 2:
            name = " ".join(words)
            surname = words[-1]
            mentions = self._mentions
            count = mentions[name] = mentions.get(name, 0) + 1
            current = surnames.get(surname)
            if current is None or current == surname or count >= mentions.get(current, 0):
                surnames[surname] = name  # (a lone "Clinton" read before: now named in full)
        else:
            words = words[-1:]
            surname = words[0]
            known = surnames.get(surname)
            if known is None:
                if (honorific is None and title is None) or surname in self._vocab.titles:
                    return  # (a title alone, "Secretary of State …" cut at "of", is no name)
                # "President Obama", "Mr. Obama": a person, though no first name is given
                known = surnames[surname] = surname
            name = known
            self._mentions[name] = self._mentions.get(name, 0) + 1
        gender = gender_of(honorific) or (title[1] if title is not None else None)
        if gender is not None:
            self.genders.setdefault(name, gender)
        scanned.append((position, name, gender))
        self.first_seen.setdefault(name, position)
        entries = found.get(surname)
        if entries is None:
            found[surname] = [(position, name)]
        else:
            entries.append((position, name))

    def _lone_subject(self, match: re.Match[str] | regex.Match[str]) -> bool:
        """Whether a lone capitalised word no one was named by yet is a clause's subject that
        reads as a person's surname ("On Monday night, Clinton leaned in", "Cruz openly
        admitted"): it opens a sentence or follows a comma, is never written in lower case,
        names no place, body, group or month (the gazetteers of
        :mod:`~newsdoc.quoting.entity_kinds`), and a verb follows (after at most one adverb)."""
        text = match[0]
        if text in self._no_subjects:
            return False
        vocab = self._vocab
        if (
            len(text) < 3
            or not text.isalpha()
            or text.isupper()
            or text.endswith("ing")  # ("Getting seriously involved …": a participle)
            or text.lower() in vocab.stop_words  # (most: "The", "But", "In")
        ):
            self._no_subjects.add(text)  # (whatever its place: asked once)
            return False
        start = match.start()
        source = self._source
        before = source[max(0, start - 3) : start].rstrip(" “\"‘'")
        if before and before[-1] not in ".?!\n,":
            return False
        following = _FOLLOWING_WORD.match(source, match.end())
        if following is not None and following[1].endswith("ly"):
            following = _FOLLOWING_WORD.match(source, following.end())
        if following is None:
            return False  # (a menu's or a heading's word, a line to itself)
        word = following[1]
        if not (
            word in vocab.speech_verbs
            or word in vocab.finite_verbs
            or (word.endswith("ed") and word not in vocab.non_name_words)
        ):
            return False  # (most: "The council", "In addition")
        if text.endswith("s") and not (word.endswith("s") and not word.endswith("ss")):
            return False  # "Birchers viewed": a plural, unless the verb is singular ("says")
        return not (
            text in vocab.place_words
            or text.lower() in vocab.months
            or lone_word_kind(text, vocab) not in (None, "person")  # a place, body, opener
            or self.written_lower(text)
        )

    def _take_subject(self, position: int, name: str) -> None:
        """Note a lone surname read as a person's (:meth:`_lone_subject`); later lone
        mentions of it are taken as for any surname seen before."""
        assert self._found is not None
        self.full_names[name] = name
        self._mentions[name] = self._mentions.get(name, 0) + 1
        self._found.append((position, name, None))
        self.first_seen.setdefault(name, position)
        self.by_surname.setdefault(name, []).append((position, name))

    def _glued(self, position: int, words: Sequence[str]) -> bool:
        """Whether ``words`` open with a sentence's first word glued to a name ("Had Sanders",
        "Earlier Tony Blair"): at a sentence start, the first no known first name and written
        in lower case elsewhere in the text."""
        if words[0] in self._vocab.first_names or words[0] in self._vocab.name_particles:
            return False
        return self.opens_sentence(position) and self.written_lower(words[0])

    def opens_sentence(self, position: int) -> bool:
        """Whether ``position`` starts a sentence (quote marks aside)."""
        before = self._source[max(0, position - 3) : position].rstrip(" “\"‘'")
        return not before or before[-1] in ".?!\n"

    def written_lower(self, word: str) -> bool:
        """Whether the text also writes ``word`` in lower case: a common word ("Had",
        "Earlier", "Fans"), not a name ("Jeh Johnson" stays)."""
        return word.lower() in self._lower_words

    def title_of(self, words: list[str]) -> tuple[str, str | None] | None:
        """The role and gender of the last role title ("Mayor", "Sen.") before the name's last
        word, if any."""
        return title_of(words, self._vocab)

    def _continues_name(self, word: str, following: str) -> bool:
        """Whether a run word ending in a period goes on into the ``following`` word: after an
        initial (John F. Kennedy), an initialism (U.S. Army), a title or honorific (Sen. Ruiz,
        Mr. Rau) or an abbreviation (St. Louis), unless a sentence opener follows ("No. It");
        not after a word ending a sentence (Canada. Trump)."""
        vocab = self._vocab
        lower = following.lower()
        if lower in vocab.non_name_words or lower in vocab.speaker_pronouns:
            return False
        return (
            len(word) == 2
            or "." in word[:-1]
            or word in vocab.honorifics
            or word in vocab.titles
            or word[:-1].lower() in vocab.abbreviations
        )
