"""Resolve local speaker mentions ("Mr. Rau", "he") to the full names seen earlier.

Within one article: a full name (two or more name words) stands for itself; a lone surname,
with or without an honorific, resolves to the latest earlier full name ending with it; a
personal pronoun resolves to the latest earlier person of a compatible gender (from an
honorific, a first name in ``vocab/first_names.txt``, or an earlier pronoun), preferring, in
the last few sentences, a name that reads as a person's over a place or event ("Sandrine
Boisse, the president of the Pra Loup ski resort, …"), and never a name inside a quote.
People are collected from earlier speakers and from a lazy scan of capitalised runs.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar, cast

import regex

from newsdoc.model import SpeakerKind
from newsdoc.quoting.cues import is_verb_form
from newsdoc.quoting.roles import head_noun, role_words
from newsdoc.quoting.salience import first_of_nearest_sentence
from newsdoc.vocab import Vocabulary

# capitalised runs, single words included (surnames), with particles and "of"/"for" inside: a
# particle is a whole word before more of the name ("van der Waals", "al-Assad", "Bank of
# England"), never the start of the next word ("Smith also said" is Smith's run, not "Smith al");
# a run never starts inside an initialism (the "S. Banks" of "U.S. Banks")
_PARTICLE = "(?:de|van|von|der|la|le|da|bin|al|of|for)"
_NAME_RUN = regex.compile(
    r"\p{Lu}(?<!\p{L}\.\p{Lu})[\p{L}’'\-]*\.?(?:[ ]+(?:\p{Lu}[\p{L}’'\-]*\.?"
    rf"|{_PARTICLE}-\p{{Lu}}[\p{{L}}’'\-]*\.?|{_PARTICLE}(?=(?:[ ]+{_PARTICLE})*[ ]+\p{{Lu}})))*"
)
# The same runs in text whose letters are all ASCII, where \p{Lu} is [A-Z] and \p{L} is
# [A-Za-z]: the standard library's engine finds them a third faster (most articles are ASCII,
# and most others only add curly quotes and dashes). Possessive quantifiers change nothing
# here (a word or a space run is always taken whole) and save backtracking. (The initialism
# test comes after the first letter: a pattern opening with it is searched twice as slowly.)
# A particle is matched once, then a hyphened word or the look-ahead: the same runs as the two
# alternatives of _NAME_RUN (only "de"/"der" share a start, and the next character decides),
# for 4% less search.
_ASCII_NAME_RUN = re.compile(
    r"[A-Z](?<![A-Za-z]\.[A-Z])[A-Za-z’'\-]*+\.?+"
    r"(?:[ ]++(?:[A-Z][A-Za-z’'\-]*+\.?+"
    rf"|{_PARTICLE}(?:-[A-Z][A-Za-z’'\-]*+\.?+|(?=(?:[ ]+{_PARTICLE})*[ ]+[A-Z]))))*+"
)
# A letter outside ASCII: text without one is scanned with the ASCII pattern. Searched for
# among the characters outside ASCII alone (_has_non_ascii_letter).
_NON_ASCII_LETTER = regex.compile(r"[^\x00-\x7F\P{L}]")
_ASCII_BYTES = bytes(range(128))
_MALE_HONORIFICS = frozenset(("Mr.", "Mr", "Sir"))
_FEMALE_HONORIFICS = frozenset(("Ms.", "Ms", "Mrs.", "Mrs", "Miss", "Dame"))
_PERSONAL = frozenset(("he", "she"))
_DEFINITE = frozenset(("the", "this"))
_POSSESSIVES = ("’s", "'s")  # both two characters long
_DESCRIPTOR_ENDINGS = (*_POSSESSIVES, "-based")  # "CNN's Fareed Zakaria", "London-based"
_DESCRIPTOR_MARKS = re.compile(r"[’']s\b|-based\b")
_FOLLOWING_WORD = re.compile(r" ([a-z]+)\b")
_PRECEDING_WORD = re.compile(r"\b([a-z]+) $")
PRECEDING_CHARS = 20  # how far back the word before a name is read
# ", the president", ", who", ", 45,": an apposition or relative clause opening after a name
_APPOSITION_OPENING = re.compile(r", (?:([a-z]+)\b|\d+,)")
MAX_ACRONYM = 5  # a lone word in capitals up to this long is taken for a body ("CNN")
MAX_DESCRIBED = 300  # names looked back over for the one a description stands for
MAX_NAME_WORDS = 4  # a longer run without "of" is a title or a list, not one person's name
MAX_OTHERS_BACK = 8  # organisations looked back over for "they", "it", "we"
PERSON_LOOKBACK = 1500  # characters in which "he" looks for a name that reads as a person's
# A mention looks back at most this far (longer than any real article), so that each lookup
# costs the same however long the input is and the whole parse stays linear.
MAX_LOOKBACK = 50_000

_Entry = TypeVar("_Entry", bound=tuple[object, ...])


def _place(entry: tuple[object, ...]) -> int:
    return cast(int, entry[0])  # every entry starts with its source offset


def _window(entries: list[_Entry], position: int) -> tuple[int, int]:
    """Index range of the entries (kept sorted by place) in the look-back before ``position``."""
    # A 1-tuple sorts before every longer entry with the same place: the same bounds as a
    # ``key=_place`` search, without a Python call per comparison.
    low = bisect.bisect_left(entries, (position - MAX_LOOKBACK,))
    return low, bisect.bisect_left(entries, (position,))


def _latest_first(entries: list[_Entry], start: int, end: int) -> Iterator[_Entry]:
    """The entries (kept sorted by place) placed in ``[start, end)``, latest first."""
    low, high = bisect.bisect_left(entries, (start,)), bisect.bisect_left(entries, (end,))
    return reversed(entries[low:high])


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


def descriptor_end(words: list[str], vocab: Vocabulary) -> tuple[int, str | None]:
    """Where the name starts in ``words`` after the titles, honorifics and descriptors that
    open it ("Lufthansa CEO", "Mr.", "CNN's", "London-based"), with the last honorific; the
    last word always stays."""
    cut, honorific = 0, None
    for index, word in enumerate(words[:-1]):
        if word in vocab.honorifics:
            cut, honorific = index + 1, word
        elif word in vocab.titles or word.endswith(_DESCRIPTOR_ENDINGS):
            cut = index + 1
    return cut, honorific


def strip_possessive(word: str) -> str:
    """Ukraine’s → Ukraine."""
    return word[:-2] if word.endswith(_POSSESSIVES) else word


def gender_of(honorific: str | None) -> str | None:
    """``male``/``female`` from an honorific, else None."""
    if honorific in _MALE_HONORIFICS:
        return "male"
    if honorific in _FEMALE_HONORIFICS:
        return "female"
    return None


class Resolver:
    """Per-article memory of people, in reading order, for resolving mentions."""

    def __init__(self, source: str, vocab: Vocabulary) -> None:
        self._source = source
        self._vocab = vocab
        self._people: list[tuple[int, str, str | None]] = []  # position, name, gender
        self._genders: dict[str, str] = {}
        self._kinds: dict[str, SpeakerKind] = {}  # what each name noted so far is
        self._others: list[tuple[int, str]] = []  # organisations and places that spoke
        self._scanned: list[tuple[int, str, str | None]] | None = None
        # bodies the scan saw named ("New York Daily News", "CNN"), in order, for "the newspaper"
        self._organisations: list[tuple[int, str]] = []
        self._organisation_marks = vocab.organisation_words.union(
            *vocab.organisation_nouns.values()
        )
        self._roles: dict[int, set[str]] = {}  # a scanned name's place -> its role words
        self._person_like: dict[int, bool] = {}  # a scanned name's place -> reads as a person
        self._lower_source: str | None = None
        self._first_seen: dict[str, int] = {}  # a scanned name -> where the scan first saw it
        self._lower_words: dict[str, bool] = {}  # a capitalised word -> written in lower case
        self._scan_names: dict[str, str] = {}  # surname -> the scan's latest full name for it
        # surname -> every (position, full name) ending with it, sorted: one bisect per lookup.
        # The notes are inserted; the scan's finds, kept apart, are appended in reading order.
        self._surnames: dict[str, list[tuple[int, str]]] = {}
        self._scanned_surnames: dict[str, list[tuple[int, str]]] = {}
        # the quoted stretches read so far, in order: a name inside a quote is not whom the
        # reporter's "he" stands for
        self._quote_starts: list[int] = []
        self._quote_ends: list[int] = []

    def note_quotes(self, spans: Iterable[tuple[int, int]]) -> None:
        """Remember quoted stretches ``[start, end)``, given in reading order."""
        for start, end in spans:
            self._quote_starts.append(start)
            self._quote_ends.append(end)

    def _quoted(self, position: int) -> bool:
        """Whether ``position`` lies inside a quoted stretch noted so far."""
        index = bisect.bisect_right(self._quote_starts, position) - 1
        return index >= 0 and position < self._quote_ends[index]

    def is_person(self, words: list[str]) -> bool:
        """Two or more name words and no organisation word: a person's full name."""
        if len(words) < 2:
            return False
        vocab = self._vocab
        return vocab.organisation_words.isdisjoint(words) and vocab.place_words.isdisjoint(words)

    def _scan(self) -> list[tuple[int, str, str | None]]:
        """People mentioned anywhere, in order: full names, and surnames of names seen before
        ("Ms. Brezina" after "Anna Brezina"), with the gender an honorific gives."""
        if self._scanned is not None:
            return self._scanned
        self._scanned = []
        source = self._source
        runs: Iterator[re.Match[str]] | Iterator[regex.Match[str]] = (
            _ASCII_NAME_RUN.finditer(source)
            if source.isascii() or not _has_non_ascii_letter(source)
            else _NAME_RUN.finditer(source)
        )
        surnames = self._scan_names
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
                    self._organisations.append((match.start(), key))  # "CNN", "IMF"
                continue
            if ". " in text:
                # a run going on past a sentence end ("… in Canada. Trump said"): its pieces
                start = match.start()
                for offset, piece in _sentence_pieces(text, self._continues_name):
                    take(start + offset, piece)
            else:
                take(match.start(), text)
        return self._scanned

    def _take_run(self, position: int, text: str) -> None:
        """Note the person a capitalised run at ``position`` names, if any."""
        scanned = self._scanned
        assert scanned is not None
        surnames = self._scan_names
        found = self._scanned_surnames  # the scan's own finds by surname, in order
        if " " not in text:  # a lone word: a surname seen before, or nobody
            surname = text.rstrip(".")
            if surname[-1] == "s" and surname.endswith(_POSSESSIVES):
                surname = surname[:-2]
            known = surnames.get(surname)
            if known is not None:
                scanned.append((position, known, None))
                found[surname].append((position, known))
            return
        # a descriptor ("CNN's", "London-based") has an apostrophe or a hyphen: most runs none
        marked = "’" in text or "'" in text or "-" in text
        split = text.split()
        if not self._organisation_marks.isdisjoint(split) or (
            strip_possessive(split[-1].rstrip(".")) in self._organisation_marks
        ):
            self._note_organisation(position, split)
        title = self.title_of(split)
        words, honorific = self._name_words(split, marked)
        if not words:
            return
        if len(words) >= 2 and self._glued(position, words):
            words = words[1:]  # "Had Sanders", "Earlier Tony Blair": a sentence's first word
        if len(words) >= 2:
            name = " ".join(words)
            surname = words[-1]
            surnames[surname] = name
        else:
            words = words[-1:]
            surname = words[0]
            known = surnames.get(surname)
            if known is None:
                if honorific is None and title is None:
                    return
                # "President Obama", "Mr. Obama": a person, though no first name is given
                known = surnames[surname] = surname
            name = known
        gender = gender_of(honorific) or (title[1] if title is not None else None)
        if gender is not None:
            self._genders.setdefault(name, gender)
        scanned.append((position, name, gender))
        self._first_seen.setdefault(name, position)
        entries = found.get(surname)
        if entries is None:
            found[surname] = [(position, name)]
        else:
            entries.append((position, name))

    def _note_organisation(self, position: int, words: list[str]) -> None:
        """Remember the body a run names ("The New York Daily News’" -> "New York Daily News")."""
        non_names = self._vocab.non_name_words
        while len(words) > 1 and words[0].lower() in non_names:
            position += len(words[0]) + 1  # (one space: a run's words are split at single spaces)
            words = words[1:]
        if any(word[0].isupper() and word.lower() in non_names for word in words[1:]):
            return  # "Home Leading The News": a menu or a title in capitals, no body's name
        last = strip_possessive(words[-1].rstrip("."))
        self._organisations.append((position, " ".join([*words[:-1], last])))

    def _glued(self, position: int, words: list[str]) -> bool:
        """Whether ``words`` open with a sentence's first word glued to a name ("Had Sanders",
        "Earlier Tony Blair"): at a sentence start, the first no known first name and written
        in lower case elsewhere in the text."""
        if words[0] in self._vocab.first_names or words[0] in self._vocab.name_particles:
            return False
        return self._opens_sentence(position) and self.written_lower(words[0])

    def _opens_sentence(self, position: int) -> bool:
        """Whether ``position`` starts a sentence (quote marks aside)."""
        before = self._source[max(0, position - 3) : position].rstrip(" “\"‘'")
        return not before or before[-1] in ".?!\n"

    def written_lower(self, word: str) -> bool:
        """Whether the text also writes ``word`` in lower case after a space: a common word
        ("Had", "Earlier", "Fans"), not a name ("Jeh Johnson" stays)."""
        known = self._lower_words.get(word)
        if known is not None:
            return known
        source = self._source
        lower = f" {word.lower()}"
        at = source.find(lower)
        while at >= 0 and at + len(lower) < len(source) and source[at + len(lower)].isalpha():
            at = source.find(lower, at + len(lower))
        self._lower_words[word] = found = at >= 0
        return found

    def title_of(self, words: list[str]) -> tuple[str, str | None] | None:
        """The role and gender of the last role title ("Mayor", "Sen.") before the name's last
        word, if any."""
        titles = self._vocab.role_titles
        if titles.keys().isdisjoint(words):
            return None  # most runs
        for word in reversed(words[:-1]):
            found = titles.get(word)
            if found is not None:
                return found
        return None

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

    def _name_words(self, words: list[str], marked: bool = True) -> tuple[list[str], str | None]:
        """The person's name words in a capitalised run (titles, honorifics, descriptors and
        any "of …" part dropped), with its honorific; no words for an organisation. ``marked``
        is False when the run has no apostrophe or hyphen (so no descriptor). ``words`` may be
        changed."""
        vocab = self._vocab
        titled = not vocab.titles.isdisjoint(words)
        if not titled and not (
            vocab.organisation_words.isdisjoint(words) and vocab.place_words.isdisjoint(words)
        ):
            return [], None  # most bodies and places: no title before them to cut first
        if all(word.isupper() for word in words):
            return [], None  # "CANADA WHEAT BOARD ADVISES CUT": a headline or an acronym
        if "of" in words or "for" in words:
            for index, word in enumerate(words):
                if word in ("of", "for"):
                    words = words[:index]
                    break
        honorific = None
        # most runs hold no title, honorific or descriptor: set tests and one string search
        # instead of a loop
        if (
            titled
            or not vocab.honorifics.isdisjoint(words)
            or (marked and _DESCRIPTOR_MARKS.search(" ".join(words[:-1])) is not None)
        ):
            cut, honorific = descriptor_end(words, vocab)
            if cut < len(words) - 1 or honorific is not None or words[cut - 1] in vocab.titles:
                words = words[cut:]  # (a descriptor alone before a surname stays: "Japan’s Abe")
        # an organisation or place after the titles ("House Speaker Paul Ryan" is a person;
        # "the Oval Office." is not)
        last = words[-1]
        if last.endswith((".", "’s", "'s")):
            words[-1] = strip_possessive(last.rstrip("."))
        if not (vocab.organisation_words.isdisjoint(words) and vocab.place_words.isdisjoint(words)):
            return [], None
        words[-1] = last
        while words and (
            words[0].lower() in vocab.non_name_words
            or (words[0].endswith("ing") and words[0].lower() in vocab.speech_verbs)
        ):
            words = words[1:]  # "The", "Telling" (GQ …) opening a sentence
        if len(words) > MAX_NAME_WORDS or any(
            word.lower() in vocab.non_name_words for word in words[1:]
        ):
            return [], None  # "Biden Aims Insult At Trump": a title in capitals, not a name
        if words:
            last = words[-1]
            if last.endswith(_POSSESSIVES):
                last = last[:-2]
            words[-1] = last[:-1] if last.endswith(".") and len(last) > 2 else last
        return words, honorific

    def _remember(self, position: int, name: str) -> None:
        bisect.insort(self._surnames.setdefault(name.rsplit(" ", 1)[-1], []), (position, name))

    def note(
        self, position: int, name: str, gender: str | None = None, person: bool | None = None
    ) -> None:
        """Remember that ``name`` was mentioned at ``position``: a person's name when ``person``
        says so, or (``person`` None) when it is a full name."""
        if person or (person is None and self.is_person(name.split())):
            bisect.insort(self._people, (position, name, gender), key=_place)
            self._remember(position, name)
            self._kinds[name] = "person"
            if gender is not None:
                self._genders.setdefault(name, gender)
        else:
            bisect.insort(self._others, (position, name), key=_place)
            self._kinds.setdefault(name, "organisation")

    def kind_of(self, name: str) -> SpeakerKind:
        """What a name resolved so far is: a person's, or else a body's."""
        return self._kinds.get(name, "organisation")

    def _latest(
        self,
        position: int,
        accepts: Callable[[str, str | None], bool],
        person_like: bool = False,
        lookback: int = MAX_LOOKBACK,
    ) -> tuple[int, str] | None:
        """The latest person before ``position`` (within ``lookback``) that ``accepts``, and
        with ``person_like`` only names that read as a person's (see :meth:`_reads_as_person`);
        each list is walked backwards from ``position``, so the usual lookup is short."""
        best: tuple[int, str] | None = None
        for candidates, scanned in ((self._people, False), (self._scan(), True)):
            low, high = _window(candidates, position)
            for index in range(high - 1, low - 1, -1):
                place, name, gender = candidates[index]
                if (best is not None and place <= best[0]) or place < position - lookback:
                    break
                if scanned and self._quoted(place):
                    continue  # “… I met Jane Doe …,” he said: not Jane Doe
                if not accepts(name, gender):
                    continue
                if person_like and scanned and not self._reads_as_person(place, name, gender):
                    continue
                best = (place, name)
                break
        return best

    def _agreeing(
        self, position: int, accepts: Callable[[str, str | None], bool]
    ) -> Iterator[tuple[int, str, bool, bool, bool]]:
        """The people named in the ``PERSON_LOOKBACK`` before ``position`` that ``accepts`` and
        that read as persons, latest first, each with whether it only modifies what follows it
        (:meth:`_modifies`) and whether it is a quote's speaker; a name in a quote is left
        out."""
        # the two lists' entries in the look-back, merged latest first as they are read
        start = position - PERSON_LOOKBACK
        window = heapq.merge(
            ((*entry, False) for entry in _latest_first(self._people, start, position)),
            ((*entry, True) for entry in _latest_first(self._scan(), start, position)),
            key=_place,
            reverse=True,
        )
        for place, name, gender, scanned in window:
            if scanned and (self._quoted(place) or not self._reads_as_person(place, name, gender)):
                continue
            if accepts(name, gender):
                modifies = scanned and self._modifies(place)
                yield place, name, modifies, not scanned, scanned and self._introduced(place, name)

    def _introduced(self, place: int, name: str) -> bool:
        """Whether the scan's name at ``place`` is a person introduced there with a role: the
        name's first mention, in full, of a known gender, followed by an apposition ("Henry
        Crespo, president of the caucus,")."""
        if " " not in name or self._first_seen.get(name) != place:
            return False
        if not (self._genders.get(name) or self._first_name_gender(name)):
            return False  # a gender known to agree: "Terence Crutcher, a …" is no "she"
        run = _NAME_RUN.match(self._source, place)  # no time limit: a run of capitalised words
        if run is None:
            return False
        apposition = _APPOSITION_OPENING.match(self._source, run.end())
        if apposition is None:
            return False
        word = apposition[1]
        vocab = self._vocab
        return word is None or word in vocab.np_determiners or word in vocab.person_nouns

    def _modifies(self, place: int) -> bool:
        """Whether the name found by the scan at ``place`` modifies what follows it: a
        possessive ("Trump's calling Clinton a bigot") or a name before a noun such as
        "campaign" ("Trump campaign spokesman Jason Miller"), not a sentence's subject."""
        source = self._source
        run = _NAME_RUN.match(source, place)  # no time limit: a run of capitalised words
        if run is None:
            return False
        if run[0].endswith(_POSSESSIVES):
            return True
        following = _FOLLOWING_WORD.match(source, run.end())
        if following is None:
            return False
        word = following[1]
        vocab = self._vocab
        # "Clinton communication director Jennifer Palmieri": a noun, not a verb, after the name
        return word in vocab.name_modifiers or not (
            is_verb_form(word, vocab) or word in vocab.non_name_words or word.endswith("ly")
        )

    def _reads_as_person(self, place: int, name: str, gender: str | None) -> bool:
        """Whether a name found by the scan reads as a person's: its gender is known (an
        honorific, a first name), or it is followed by an apposition or a verb ("Sandrine
        Boisse, the president …", "Adi Shankar declined"), unlike "the Pra Loup ski resort"."""
        if gender or self._genders.get(name) or self._first_name_gender(name):
            return True
        known = self._person_like.get(place)
        if known is None:
            known = self._person_like[place] = self._followed_as_person(place)
        return known

    def _followed_as_person(self, place: int) -> bool:
        """Whether the run at ``place`` is followed by an apposition or a verb, or comes after
        a speech verb ("…, noted NBC’s Dante Chinni")."""
        source = self._source
        run = _NAME_RUN.match(source, place)  # no time limit: a run of capitalised words
        if run is None:
            return False
        before = _PRECEDING_WORD.search(source, max(0, place - PRECEDING_CHARS), place)
        if before is not None and before[1] in self._vocab.speech_verbs:
            return True
        end = run.end()
        apposition = _APPOSITION_OPENING.match(source, end)
        if apposition is not None:
            word = apposition[1]
            vocab = self._vocab
            if word is None or word == "who" or word in vocab.np_determiners:
                return True
            # ", director of …" (not ", saying", ", and", ", which")
            return not (
                word.endswith("ing") or word in vocab.non_name_words or is_verb_form(word, vocab)
            )
        following = _FOLLOWING_WORD.match(source, end)
        return following is not None and is_verb_form(following[1], self._vocab)

    def resolve_name(
        self,
        words: list[str],
        honorific: str | None,
        position: int,
        title: tuple[str, str | None] | None = None,
    ) -> str:
        """The full name for a name mention (a lone surname looks back for its full name);
        ``title`` is the role and gender of a title before it ("Mayor", "Queen")."""
        words = [strip_possessive(word) for word in words]
        gender = gender_of(honorific) or (title[1] if title is not None else None)
        vocab = self._vocab
        if (
            len(words) >= 2
            and honorific is None
            and title is None
            and words[0] not in vocab.first_names
            and self._opens_sentence(position)
            and self.written_lower(words[0])
        ):
            words = words[1:]  # "Earlier Tony Blair said": a sentence's first word, no name
        if len(words) >= 2:
            name = " ".join(words)
            if name in vocab.region_abbreviations:
                self.note(position, name, person=False)  # "New York said": a place's body
            elif words[-1] in vocab.titles:
                self._kinds.setdefault(name, "anonymous")  # "GLAAD President": a role, no name
            else:
                self.note(position, name, gender)
            return name
        surname = words[0]
        self._scan()
        best: tuple[int, str] | None = None
        for same in (self._surnames.get(surname), self._scanned_surnames.get(surname)):
            if same:
                low, high = _window(same, position)
                if high > low and (best is None or same[high - 1] > best):
                    best = same[high - 1]  # the latest of notes and scan, as one sorted list
        resolved = best[1] if best is not None else surname
        if surname in vocab.titles:
            self._kinds.setdefault(surname, "anonymous")  # "President said": a role, no name
            return resolved
        if surname.isupper() and surname.isalpha():
            self.note(position, surname, person=False)  # "IMF", "CBS": a body's initials
            return resolved
        if best is not None:
            self.note(position, resolved, gender)
        elif honorific is not None or title is not None:
            self.note(position, resolved, gender, person=True)  # "Mr. Obama said"
        elif self.written_lower(surname) or surname in vocab.region_abbreviations:
            self._kinds.setdefault(
                surname, "anonymous" if surname.endswith("s") else "organisation"
            )
            bisect.insort(self._others, (position, surname), key=_place)  # "Fans", "Ohio"
        elif surname not in vocab.organisation_words:
            bisect.insort(self._others, (position, surname), key=_place)
            if surname not in vocab.place_words:
                self.note(position, resolved, person=True)  # "Obama said": may be "he"
        return resolved

    def _first_name_gender(self, name: str) -> str | None:
        """The gender a full name's first word tells (vocab/first_names.txt), if any."""
        if " " not in name:
            return None
        return self._vocab.first_names.get(name[: name.index(" ")])

    def resolve_description(self, words: list[str], position: int) -> str | None:
        """The named person or body a definite description stands for ("the mayor", "the
        Florida senator", "the newspaper"), or None ("a senior official" stays anonymous): the
        latest one the article gave that role or kind, else, for a public role ("the
        senator"), the subject of the nearest sentence naming a person."""
        definite = bool(words) and words[0].lower() in _DEFINITE
        if not (definite or (words and words[0].endswith(_POSSESSIVES))):
            return None
        head = head_noun(words[1:] if definite else words)
        if head is None:
            return None
        vocab = self._vocab
        kinds = vocab.organisation_nouns.get(head)
        if kinds is not None:
            body = self._organisation_of(kinds, position)
            if body is not None:
                self.note(position, body, person=False)  # "the newspaper" speaks: "it" may follow
            return body
        wanted = vocab.person_nouns.get(head)

        def compatible(name: str, gender: str | None) -> bool:
            known = gender or self._genders.get(name) or self._first_name_gender(name)
            return wanted is None or known is None or known == wanted

        if not definite and head not in vocab.person_nouns:
            return None  # "Clinton's campaign" is said as it is
        # the described words besides the head ("Florida" of "the Florida senator") pick
        # among the people given the role
        described = {word.lower() for word in words} - {head, *_DEFINITE}
        best: tuple[int, int, str] | None = None  # described words matched, place, name
        source = self._source
        if self._role_named_before(head, position):
            scanned = self._scan()
            low, high = _window(scanned, position)
            for index in range(high - 1, max(low, high - MAX_DESCRIBED) - 1, -1):
                place, name, gender = scanned[index]
                if self._quoted(place) or not compatible(name, gender):
                    continue
                roles = self._roles.get(place)
                if roles is None:
                    run = _NAME_RUN.match(
                        source, place
                    )  # no time limit: a run of capitalised words
                    end = run.end() if run is not None else place
                    split = source[place:end].split()
                    titles = split[: descriptor_end(split, vocab)[0]] if split else []
                    roles = self._roles[place] = role_words(source, place, end, titles, vocab)
                if head in roles:
                    score = len(described & roles)
                    if best is None or score > best[0]:
                        best = (score, place, name)
        if best is not None:
            person: str | None = best[2]
        elif head in vocab.person_nouns:
            person = first_of_nearest_sentence(source, self._agreeing(position, compatible), vocab)
        else:
            return None
        if person is not None:
            self.note(position, person, wanted, person=True)  # the next "he" may be them
        return person

    def _role_named_before(self, head: str, position: int) -> bool:
        """Whether the role noun ``head``, or a title for it ("Sen." for "senator"), is written
        before ``position``: if not, no name before was given the role (most descriptions)."""
        if self._lower_source is None:
            self._lower_source = self._source.lower()
        if self._lower_source.rfind(head, 0, position) >= 0:
            return True
        titles = self._vocab.role_titles
        source = self._source
        return any(
            role == head and source.rfind(title, 0, position) >= 0
            for title, (role, _) in titles.items()
        )

    def _organisation_of(self, kinds: frozenset[str], position: int) -> str | None:
        """The latest body named before ``position`` whose name has one of the ``kinds`` words
        (any body for "*"), among those the scan saw and those that spoke."""
        candidates = [*self._organisations_before(position), *self._others_before(position)]
        candidates.sort(key=_place, reverse=True)
        for _, name in candidates:
            if "*" in kinds or not kinds.isdisjoint(name.split()):
                return name
        return None

    def _organisations_before(self, position: int) -> list[tuple[int, str]]:
        self._scan()
        low, high = _window(self._organisations, position)
        return self._organisations[max(low, high - MAX_DESCRIBED) : high]

    def _others_before(self, position: int) -> list[tuple[int, str]]:
        low, high = _window(self._others, position)
        return self._others[max(low, high - MAX_OTHERS_BACK) : high]

    def resolve_pronoun(self, pronoun: str, position: int) -> str | None:
        """The latest earlier person (he, she) or speaking organisation (they, it, we); none for
        "I" and "you"."""
        lower = pronoun.lower()
        if lower in _PERSONAL:
            wanted = self._vocab.speaker_pronouns.get(lower)

            def compatible(name: str, gender: str | None) -> bool:
                known = gender or self._genders.get(name) or self._first_name_gender(name)
                return known is None or known == wanted

            # the subject of the nearest sentence naming a person that agrees, else whoever
            # agreeing was named earlier
            name = first_of_nearest_sentence(
                self._source, self._agreeing(position, compatible), self._vocab, True
            )
            if name is None:
                best = self._latest(position, compatible, person_like=True)
                if best is None:
                    return None
                name = best[1]
            full = self._scan_names.get(name) if " " not in name else None
            if full is not None and compatible(full, None):
                name = full  # "Ms. Brezina" before "Anna Brezina" is named in full
            if wanted is not None:
                self._genders.setdefault(name, wanted)
            self.note(position, name, wanted, person=True)  # the next "he" of a run of quotes
            return name
        if self._vocab.speaker_pronouns.get(lower) == "self":
            return None  # "I", "you": whoever speaks, never a body named before
        # the latest body that spoke or was named in the last few sentences
        candidates = self._others_before(position) + [
            entry
            for entry in self._organisations_before(position)
            if entry[0] >= position - PERSON_LOOKBACK and not self._quoted(entry[0])
        ]
        candidates.sort(key=_place, reverse=True)
        for _, name in candidates:
            if name not in self._vocab.first_names:  # "they" is no Joshua
                return name
        return None
