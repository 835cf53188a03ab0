"""Resolve local speaker mentions ("Mr. Rau", "he", "the mayor") to the names seen earlier.

Within one article: a full name stands for itself; a lone surname resolves to the latest
earlier full name ending with it (a title or honorific makes a lone name a person's: "President
Obama"); a personal pronoun resolves, by evidence, to a person who agrees with it in gender (an
honorific, a title, a first name in ``vocab/first_names.txt``, an earlier pronoun) and reads as
a person, never a place, event or body: among those named in the nearest sentence, a quote's
speaker, else one just introduced with a role, else its subject (:mod:`~newsdoc.quoting.salience`);
"they", "it" and "we" resolve to a body that spoke or was named in the last few sentences; a
definite description resolves to the name the article gave that role or kind (see
:meth:`Resolver.resolve_description`); an unnamed speaker ("a senior official") stays so. A name
inside a quote is never whom the reporter's pronoun stands for. People and bodies come from
earlier speakers and from a lazy scan of capitalised runs (:mod:`~newsdoc.quoting.scan`).
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
from newsdoc.quoting.entity_kinds import (
    lone_name_kind,
    name_evidence,
    names_a_body,
    trim_name_words,
)
from newsdoc.quoting.roles import AFTER_CHARS, BEFORE_CHARS, head_noun, role_text, role_words
from newsdoc.quoting.run_words import _POSSESSIVES, descriptor_end, strip_possessive
from newsdoc.quoting.salience import (
    Candidate,
    first_of_nearest_sentence,
    own_clause_start,
    subject_pronouns,
)
from newsdoc.quoting.scan import NameScan, gender_of, name_run_pattern
from newsdoc.vocab import Vocabulary

_PERSONAL = frozenset(("he", "she"))
_DEFINITE = frozenset(("the", "this"))
_ARTICLES = frozenset(("the", "a", "an"))
_OBJECT_PREPOSITIONS = frozenset(
    ("about", "against", "at", "by", "for", "from", "of", "on", "over", "than", "to", "with")
)
_FOLLOWING_WORD = re.compile(r" ([a-z]+(?:['’][a-z]+)?)\b")  # "isn't" whole
_PRECEDING_WORD = re.compile(r"\b([a-z]+) $")
PRECEDING_CHARS = 20  # how far back the word before a name is read
# ", the president", ", who", ", 45,": an apposition or relative clause opening after a name
_APPOSITION_OPENING = re.compile(r", (?:([a-z]+)\b|\d+,)")
MAX_DESCRIBED = 300  # names looked back over for the one a description stands for
MAX_OTHERS_BACK = 8  # organisations looked back over for "they", "it", "we"
PERSON_LOOKBACK = 1500  # characters in which "he" looks for a name that reads as a person's
# A mention looks back at most this far (longer than any real article), so that each lookup
# costs the same however long the input is and the whole parse stays linear.
MAX_LOOKBACK = 50_000
MAX_NAMESAKES = 64  # mentions of one surname weighed for whom a lone surname stands for
MAX_CHAIN = 6  # sentences opened by "He" followed back to the name they stand for

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


class Resolver:
    """Per-article memory of people, in reading order, for resolving mentions."""

    def __init__(self, source: str, vocab: Vocabulary, names: str | None = None) -> None:
        self._source = source
        self._vocab = vocab
        self._people: list[tuple[int, str, str | None]] = []  # position, name, gender
        self._genders: dict[str, str] = {}
        self._kinds: dict[str, SpeakerKind] = {}  # what each name noted so far is
        self._evidence: dict[str, str] = {}  # a full name -> what the article says it is, or ""
        self._others: list[tuple[int, str]] = []  # organisations and places that spoke
        # the people and bodies named, read from ``names`` (``source`` by default)
        self._names_text = source if names is None else names
        self.names = NameScan(self._names_text, vocab, self._genders)
        self._roles: dict[int, set[str]] = {}  # a scanned name's place -> its role words
        # a scanned name's place -> its run's end, titles and the text its roles come from
        self._role_texts: dict[int, tuple[int, list[str], str]] = {}
        self._person_like: dict[int, bool] = {}  # a scanned name's place -> reads as a person
        self._lower_source: str | None = None
        self._run_ends: dict[int, int] = {}  # a scanned name's place -> its run's end
        self._role_nouns: frozenset[str] | None = None
        self._name_run: re.Pattern[str] | regex.Pattern[str] | None = None  # (chosen once)
        # surname -> every (position, full name) of the notes ending with it, sorted: one
        # bisect per lookup (the scan's own, apart, are in reading order)
        self._surnames: dict[str, list[tuple[int, str]]] = {}
        # the quoted stretches read so far, in order: a name inside a quote is not whom the
        # reporter's "he" stands for
        self._quote_starts: list[int] = []
        self._quote_ends: list[int] = []
        # whom each sentence opened by "He"/"She" stands for, once asked (by its place)
        self._chained: dict[int, str | None] = {}
        # first name -> the scan's full names opening with it, in order (built on demand),
        # and the running states of :meth:`_states` for the first names asked about
        self._by_first: dict[str, list[tuple[int, str]]] | None = None
        self._first_states: dict[str, list[tuple[int, str, int, bool]]] = {}

    def note_quotes(self, spans: Iterable[tuple[int, int]]) -> None:
        """Remember quoted stretches ``[start, end)``, given in reading order."""
        for start, end in spans:
            self._quote_starts.append(start)
            self._quote_ends.append(end)

    def _quoted(self, position: int) -> bool:
        """Whether ``position`` lies inside a quoted stretch noted so far."""
        index = bisect.bisect_right(self._quote_starts, position) - 1
        return index >= 0 and position < self._quote_ends[index]

    def is_person(self, words: list[str], position: int) -> bool:
        """Two or more name words that read as a person's full name (mentioned at
        ``position``): no body's or place's name (``entity_kinds.names_a_body``); a first name
        opening it, or else what the article says of it ("Caldera Norte, which …" is a body's),
        or else no common word opening it that the text also writes in lower case ("Water
        Bill", "Budget Review")."""
        vocab = self._vocab
        if len(words) < 2 or names_a_body(vocab, words):
            return False
        if words[0] in vocab.first_names:
            return True
        name = " ".join(words)
        kind = self._evidence.get(name)
        if kind is None:
            kind = self._evidence[name] = name_evidence(name, self._source, position, vocab) or ""
        if kind:
            return kind == "person"
        # a common word opening it, no first name: "Water Bill", "Silver Ledger"
        return not self.names.written_lower(words[0])

    def _run_at(self, place: int) -> re.Match[str] | regex.Match[str] | None:
        """The capitalised run at ``place`` in the source (no time limit: a run of capitalised
        words), read with the pattern the text's letters allow (:func:`name_run_pattern`)."""
        if self._name_run is None:
            self._name_run = name_run_pattern(self._source)
        return self._name_run.match(self._source, place)

    def _remember(self, position: int, name: str) -> None:
        bisect.insort(self._surnames.setdefault(name.rsplit(" ", 1)[-1], []), (position, name))

    def note(
        self, position: int, name: str, gender: str | None = None, person: bool | None = None
    ) -> None:
        """Remember that ``name`` was mentioned at ``position``: a person's name when ``person``
        says so, or (``person`` None) when it is a full name."""
        if person or (person is None and self.is_person(name.split(), position)):
            bisect.insort(self._people, (position, name, gender), key=_place)
            self._remember(position, name)
            if self._kinds.get(name) != "anonymous":
                self._kinds[name] = "person"
            if gender is not None:
                self._genders.setdefault(name, gender)
        else:
            bisect.insort(self._others, (position, name), key=_place)
            self._kinds.setdefault(name, "organisation")

    def note_unnamed(self, position: int, words: list[str]) -> None:
        """Remember an unnamed person who spoke at ``position`` ("said the woman", "a senior
        official said"), so that the next "she" stands for them, not for a name before."""
        head = head_noun(words)
        nouns = self._vocab.person_nouns, self._vocab.unnamed_person_nouns
        if head is None or not any(head in known for known in nouns):
            return
        gender = nouns[0].get(head) or nouns[1].get(head)
        description = " ".join(words)
        self._kinds[description] = "anonymous"
        bisect.insort(self._people, (position, description, gender), key=_place)

    def kind_of(self, name: str) -> SpeakerKind:
        """What a name resolved so far is: a person's, or else a body's."""
        return self._kinds.get(name, "organisation")

    def _latest(
        self, position: int, accepts: Callable[[str, str | None], bool]
    ) -> tuple[int, str] | None:
        """The latest person before ``position`` that ``accepts`` and reads as a person's (see
        :meth:`_reads_as_person`); each list is walked backwards from ``position``, so the
        usual lookup is short."""
        best: tuple[int, str] | None = None
        for candidates, scanned in ((self._people, False), (self.names.run(), True)):
            low, high = _window(candidates, position)
            for index in range(high - 1, low - 1, -1):
                place, name, gender = candidates[index]
                if best is not None and place <= best[0]:
                    break
                if scanned and self._quoted(place):
                    continue  # “… I met Jane Doe …,” he said: not Jane Doe
                if not accepts(name, gender):
                    continue
                if scanned and not self._reads_as_person(place, name, gender):
                    continue
                best = (place, name)
                break
        return best

    def _agreeing(
        self, position: int, accepts: Callable[[str, str | None], bool]
    ) -> Iterator[tuple[int, str, str | None, bool, bool]]:
        """The people named in the ``PERSON_LOOKBACK`` before ``position`` that ``accepts`` and
        that read as persons, latest first, each with whether it only modifies what follows it
        (:meth:`_modifies`) and whether it is a quote's speaker; a name in a quote is left
        out."""
        # the two lists' entries in the look-back, merged latest first as they are read
        start = position - PERSON_LOOKBACK
        window = heapq.merge(
            ((*entry, False) for entry in _latest_first(self._people, start, position)),
            ((*entry, True) for entry in _latest_first(self.names.run(), start, position)),
            key=_place,
            reverse=True,
        )
        for place, name, gender, scanned in window:
            if scanned and (self._quoted(place) or not self._reads_as_person(place, name, gender)):
                continue
            if accepts(name, gender):
                modifies = self._modifies(place) if scanned else None
                yield place, name, modifies, not scanned, scanned and self._introduced(place, name)

    def _introduced(self, place: int, name: str) -> bool:
        """Whether the scan's name at ``place`` is a person introduced there with a role: the
        name's first mention, in full, of a known gender, followed by an apposition ("Henry
        Crespo, president of the caucus,")."""
        if " " not in name or self.names.first_seen.get(name) != place:
            return False
        if not (self._genders.get(name) or self._first_name_gender(name)):
            return False  # a gender known to agree: "Terence Crutcher, a …" is no "she"
        run = self._run_at(place)
        if run is None:
            return False
        apposition = _APPOSITION_OPENING.match(self._source, run.end())
        if apposition is None:
            return False
        word = apposition[1]
        vocab = self._vocab
        return word is None or word in vocab.np_determiners or word in vocab.person_nouns

    def _modifies(self, place: int) -> str | None:
        """How the name found by the scan at ``place`` modifies what follows it, if it does:
        ``"possessive"`` ("Trump's calling Clinton a bigot") or ``"noun"`` before a noun such
        as "campaign" ("Trump campaign spokesman Jason Miller"); None for a possible subject."""
        source = self._source
        run = self._run_at(place)
        if run is None:
            return None
        if run[0].endswith(_POSSESSIVES):
            return "possessive"
        before = _PRECEDING_WORD.search(source, max(0, place - PRECEDING_CHARS), place)
        if before is not None and before[1] in _OBJECT_PREPOSITIONS:
            return "object"  # "after announcing his support for Donald Trump, Rubio …"
        following = _FOLLOWING_WORD.match(source, run.end())
        if following is None:
            return None
        word = following[1]
        vocab = self._vocab
        # "Clinton communication director Jennifer Palmieri": a noun, not a verb, after the name
        if word in vocab.name_modifiers or not (
            is_verb_form(word, vocab) or word in vocab.non_name_words or word.endswith("ly")
        ):
            return "noun"
        return None

    def _reads_as_person(self, place: int, name: str, gender: str | None) -> bool:
        """Whether a name found by the scan reads as a person's: its gender is known (an
        honorific, a first name), or it is followed by an apposition or a verb ("Sandrine
        Boisse, the president …", "Adi Shankar declined"), unlike "the Pra Loup ski resort"."""
        if gender or self._genders.get(name) or self._first_name_gender(name):
            return True
        known = self._person_like.get(place)
        if known is None:
            known = self._followed_as_person(place) and (
                " " not in name or self.is_person(name.split(), place)
            )  # "Silver Ledger won": no person's name, though a verb follows
            self._person_like[place] = known
        return known

    def _followed_as_person(self, place: int) -> bool:
        """Whether the run at ``place`` is followed by an apposition or a verb, or comes after
        a speech verb ("…, noted NBC’s Dante Chinni")."""
        source = self._source
        run = self._run_at(place)
        if run is None:
            return False
        before = _PRECEDING_WORD.search(source, max(0, place - PRECEDING_CHARS), place)
        if before is not None:
            if before[1] in self._vocab.speech_verbs:
                return True
            if before[1] in _ARTICLES:
                return False  # "the Wisconsin Republican, who …": a description, no name
        end = run.end()
        apposition = _APPOSITION_OPENING.match(source, end)
        if apposition is not None:
            word = apposition[1]
            vocab = self._vocab
            if word is None or word == "who" or word in vocab.np_determiners:
                return True
            if word in vocab.speech_verbs:
                return True  # "The firm's CEO, Kimberley Fritts, said": the role before it
            # ", director of …" (not ", saying", ", and", ", which")
            return not (
                word.endswith("ing") or word in vocab.non_name_words or is_verb_form(word, vocab)
            )
        following = _FOLLOWING_WORD.match(source, end)
        if following is not None and following[1].endswith("ly"):
            following = _FOLLOWING_WORD.match(source, following.end())  # "Cruz openly admitted"
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
        words = trim_name_words(words, self._vocab, self.names.written_lower)
        gender = gender_of(honorific) or (title[1] if title is not None else None)
        vocab = self._vocab
        if (
            len(words) >= 2
            and honorific is None
            and title is None
            and words[0] not in vocab.first_names
            and self.names.opens_sentence(position)
            and self.names.written_lower(words[0])
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
        self.names.run()
        best = self._namesake(surname, position)
        first_named = best is None and honorific is None and title is None
        if first_named:
            best = self._first_named(surname, position)  # "Kris said" after "Kris Jenner"
        resolved = best[1] if best is not None else surname
        if surname in vocab.titles:
            self._kinds.setdefault(surname, "anonymous")  # "President said": a role, no name
            return resolved
        if surname.isupper() and surname.isalpha():
            self.note(position, surname, person=False)  # "IMF", "CBS": a body's initials
            return resolved
        if best is not None:
            self.note(position, resolved, gender)
            if first_named and self._kinds.get(resolved) == "person":
                self._kinds.setdefault(surname, "person")  # ("he" may stand for the word alone)
        elif honorific is not None or title is not None:
            self.note(position, resolved, gender, person=True)  # "Mr. Obama said"
        elif self.names.written_lower(surname) or surname in vocab.region_abbreviations:
            self._kinds.setdefault(
                surname, "anonymous" if surname.endswith("s") else "organisation"
            )
            bisect.insort(self._others, (position, surname), key=_place)  # "Fans", "Ohio"
        else:
            if surname not in vocab.organisation_words:
                bisect.insort(self._others, (position, surname), key=_place)
            kind = self._lone_word_kind(surname, position)
            if kind == "person":
                self.note(position, resolved, person=True)  # "Obama said": may be "he"
            else:
                self._kinds.setdefault(surname, kind)  # "Vantrexa said", "Analysts said"
        return resolved

    def _namesake(self, surname: str, position: int) -> tuple[int, str] | None:
        """The full name a lone ``surname`` at ``position`` stands for: of those ending with it
        before (noted and scanned), the one named most often among the last
        ``MAX_NAMESAKES`` mentions, the latest on a tie ("Cruz said" after "a photo of Heidi
        Cruz" in an article about Ted Cruz)."""
        tally: dict[str, tuple[int, int]] = {}  # name -> mentions, latest place
        for same in (self._surnames.get(surname), self.names.by_surname.get(surname)):
            if same:
                low, high = _window(same, position)
                for place, name in same[max(low, high - MAX_NAMESAKES) : high]:
                    count, latest = tally.get(name, (0, 0))
                    tally[name] = (count + 1, max(place, latest))
        if not tally:
            return None
        name, (_, place) = max(tally.items(), key=lambda item: item[1])
        return place, name

    def _first_named(self, word: str, position: int) -> tuple[int, str] | None:
        """The one person named in full before ``position`` whose first name is ``word``
        ("Kris said" after "Kris Jenner"), or None when there is none or more than one."""
        if self._by_first is None:
            self._by_first = {}
            for place, name, _gender in self.names.run():
                first, space, _rest = name.partition(" ")
                if space:
                    self._by_first.setdefault(first, []).append((place, name))
        if word not in self._by_first or self.names.written_lower(word):
            return None  # ("Rock said" where the text writes "rock": a common word)
        states = self._first_states.get(word)
        if states is None:
            states = self._first_states[word] = self._states(self._by_first[word])
        # the state after the last full name before ``position`` (one bisect per ask)
        index = bisect.bisect_left(states, position, key=_place) - 1
        if index < 0:
            return None
        _place_of, shortest, latest, agree = states[index]
        return (latest, shortest) if agree else None  # (Kylie Jenner and Kylie Minogue: no one)

    def _states(self, entries: list[tuple[int, str]]) -> list[tuple[int, str, int, bool]]:
        """For each of the full names sharing a first word, in reading order: its place, the
        shortest of the names so far, where that was last named, and whether all of them are
        the shortest's (a longer run opening with it is the same person's: "Kim Kardashian
        West"). Names ending with a title or a job word are no one's ("Wine Editor" of "Food &
        Wine Editor Dana Cowin")."""
        vocab = self._vocab
        states: list[tuple[int, str, int, bool]] = []
        for place, name in entries:
            last = name[name.rfind(" ") + 1 :]
            if last in vocab.titles or last.lower() in vocab.job_words:
                continue
            if not states:
                states.append((place, name, place, True))
                continue
            _before, shortest, latest, agree = states[-1]
            if name == shortest:
                latest = place
            elif (name + " ").startswith(shortest + " "):
                pass  # a longer name of the same person
            elif (shortest + " ").startswith(name + " "):
                shortest, latest = name, place
            else:
                agree = False
            states.append((place, shortest, latest, agree))
        return states

    def _lone_word_kind(self, word: str, position: int) -> SpeakerKind:
        """What a lone name word no full name, title or honorific explains is: a family when
        the article names one of it ("the Kesslers"), else what
        :func:`~newsdoc.quoting.entity_kinds.lone_name_kind` decides."""
        vocab = self._vocab
        if word.endswith("s") and any(
            stem in self._surnames or stem in self.names.full_names
            for stem in (word[:-1], word.removesuffix("es"))
        ):
            return "anonymous"  # "the Obamas", "the Joneses": a family, no one person
        return lone_name_kind(word, self._source, position, vocab)

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
            scanned = self.names.run()
            low, high = _window(scanned, position)
            near = self._near_test(head)
            for index in range(high - 1, max(low, high - MAX_DESCRIBED) - 1, -1):
                place, name, gender = scanned[index]
                if not near(place):
                    continue  # (most names: no word near them is the head)
                if self._quoted(place) or not compatible(name, gender):
                    continue
                roles = self._roles_of(place, head)
                if roles is None:
                    continue  # (most names: no word near them is the head)
                if head in roles:
                    score = len(described & roles)
                    if best is None or score > best[0]:
                        best = (score, place, name)
        if best is not None:
            person: str | None = best[2]
        elif head in vocab.person_nouns:
            chosen = first_of_nearest_sentence(source, self._agreeing(position, compatible), vocab)
            person = chosen[1] if chosen is not None else None
        else:
            return None
        if person is not None:
            self.note(position, person, wanted, person=True)  # the next "he" may be them
        return person

    def _roles_of(self, place: int, head: str) -> set[str] | None:
        """The role words of the scanned name at ``place`` (kept once read), or None when
        ``head`` cannot be one of them: most names have no word near them that is the head,
        and that is told from the text around them (kept too) without reading their roles."""
        roles = self._roles.get(place)
        if roles is not None:
            return roles
        around = self._role_texts.get(place)
        if around is None:
            source = self._source
            run = self._run_at(place)
            end = run.end() if run is not None else place
            split = source[place:end].split()
            titles = split[: descriptor_end(split, self._vocab)[0]] if split else []
            around = self._role_texts[place] = (
                end,
                titles,
                role_text(source, place, end, titles, self._vocab),
            )
        end, titles, text = around
        if head not in text:
            return None
        roles = self._roles[place] = role_words(self._source, place, end, titles, self._vocab)
        return roles

    def _near_test(self, head: str) -> Callable[[int], bool]:
        """A test of a scanned name's place that is False only when :meth:`_roles_of` would
        find no ``head`` near it: the head is not written in the lowered characters around
        its run (read with one search, where the lowered text keeps the source's offsets and
        the head is ASCII, so no lowering differs between the whole and a slice) and is no
        title's role noun. Cheaper than reading each name's role text."""
        lower = self._lowered()
        if not head.isascii() or len(lower) != len(self._source) or head in self._title_nouns():
            return lambda place: True
        ends = self._run_ends

        def near(place: int) -> bool:
            end = ends.get(place)
            if end is None:
                run = self._run_at(place)
                end = ends[place] = run.end() if run is not None else place
            return lower.find(head, max(0, place - BEFORE_CHARS), end + AFTER_CHARS) >= 0

        return near

    def _title_nouns(self) -> frozenset[str]:
        """The role nouns the vocabulary's titles give ("senator" for "Sen.")."""
        if self._role_nouns is None:
            self._role_nouns = frozenset(role for role, _ in self._vocab.role_titles.values())
        return self._role_nouns

    def _lowered(self) -> str:
        """The source in lower case (made once)."""
        if self._lower_source is None:
            self._lower_source = self._source.lower()
        return self._lower_source

    def _role_named_before(self, head: str, position: int) -> bool:
        """Whether the role noun ``head``, or a title for it ("Sen." for "senator"), is written
        in the look-back before ``position``: if not, no name there was given the role (most
        descriptions)."""
        start = max(0, position - MAX_LOOKBACK)
        if self._lowered().rfind(head, start, position) >= 0:
            return True
        source = self._source
        return any(
            source.rfind(title, start, position) >= 0
            for title, (role, _) in self._vocab.role_titles.items()
            if role == head
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
        self.names.run()
        low, high = _window(self.names.organisations, position)
        return self.names.organisations[max(low, high - MAX_DESCRIBED) : high]

    def _others_before(self, position: int) -> list[tuple[int, str]]:
        low, high = _window(self._others, position)
        return self._others[max(low, high - MAX_OTHERS_BACK) : high]

    def _person_for(
        self,
        pronoun: str,
        position: int,
        compatible: Callable[[str, str | None], bool],
        depth: int,
    ) -> str | None:
        """Whom "he"/"she" at ``position`` stands for among those named in the nearest
        sentence (:func:`first_of_nearest_sentence`); when that sentence is opened by the same
        pronoun ("Lynch said. ¶ She has faced … Hillary Clinton … ¶ “…,” she said"), whom that
        one stands for, followed back at most ``MAX_CHAIN`` sentences."""
        candidates: Iterable[Candidate] = self._agreeing(position, compatible)
        cut = own_clause_start(self._source, position, self._vocab)
        if cut is not None:
            candidates = (entry for entry in candidates if entry[0] < cut)
        if depth < MAX_CHAIN:
            candidates = heapq.merge(
                candidates, self._pronoun_subjects(pronoun, position), key=_place, reverse=True
            )
        chosen = first_of_nearest_sentence(self._source, candidates, self._vocab, True)
        if chosen is None:
            return None
        place, name = chosen[0], chosen[1]
        if name.lower() != pronoun:
            return name
        if place not in self._chained:  # each once: the chains of an article stay linear
            self._chained[place] = self._person_for(pronoun, place, compatible, depth + 1)
        return self._chained[place]

    def _pronoun_subjects(self, pronoun: str, position: int) -> Iterator[Candidate]:
        """The sentences opened by ``pronoun`` in the ``PERSON_LOOKBACK`` before ``position``,
        latest first, as candidates whose name is the pronoun (none inside a quote)."""
        start = max(0, position - PERSON_LOOKBACK)
        for place, lower in subject_pronouns(self._names_text, start, position):
            if lower == pronoun and not self._quoted(place):
                yield place, pronoun, None, False, False

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
            name = self._person_for(lower, position, compatible, 0)
            if name is None:
                best = self._latest(position, compatible)
                if best is None:
                    return None
                name = best[1]
            full = self.names.full_names.get(name) if " " not in name else None
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
