"""Vocabularies as data: ``.txt`` files in this package, one entry per line, ``#`` comments.

They are loaded once into frozensets (set lookups, not long regex alternations). Users who
need more words build their own :class:`Vocabulary` with :func:`load_vocabulary` and extra
entries, or add boilerplate phrases through ``ParserConfig.boilerplate_phrases``.
"""

from __future__ import annotations

import functools
from importlib import resources

import attrs
import regex

from newsdoc.text import (
    KEY_OUTER_CHARACTERS,
    LONG_SUBJECT_CHARS,
    PATTERN_TIMEOUT,
    comparison_key,
    time_limit,
)
from newsdoc.vocab.literals import longest_match, required_literal


def read_entries(name: str) -> tuple[str, ...]:
    """Entries of the package data file ``name``, without comments and blank lines."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        entry = line.strip()
        if entry and not entry.startswith("#"):
            entries.append(entry)
    return tuple(entries)


def read_words(name: str) -> frozenset[str]:
    """Entries of ``name`` as a frozenset, as written."""
    return frozenset(read_entries(name))


# A word-boundary or end-of-text assertion (an escaped backslash or "$" in a set: harmless).
_END_ASSERTION = regex.compile(r"\\[bBmMZz]|\$")


@attrs.frozen(slots=True)
class BoilerplatePattern:
    """A shape of boilerplate line: ``category`` and a pattern matched against a whole line."""

    category: str
    pattern: regex.Pattern[str] = attrs.field(eq=False)
    # Text (case-folded) every match contains: a line without it is not tried.
    literal: str = attrs.field(init=False, eq=False, repr=False)

    # The most characters a match spans (None: unbounded): a longer line is not tried.
    max_chars: int | None = attrs.field(init=False, eq=False, repr=False)

    @literal.default
    def _literal(self) -> str:
        return required_literal(self.pattern)

    @max_chars.default
    def _max_chars(self) -> int | None:
        return longest_match(self.pattern)

    def may_start_with(self, character: str) -> bool:
        """False only when no line opening with ``character`` can match the pattern.

        A partial match of the character alone answers it, except that the engine judges a
        word boundary or an end anchor right after it as if the line ended there: a pattern
        that has one (``\\b``, ``\\B``, ``\\m``, ``\\M``, ``\\Z``, ``\\z``, ``$``) is not ruled
        out on that answer.
        """
        if self.pattern.flags & regex.REVERSE:
            return True
        # no time limit: one character
        if self.pattern.fullmatch(character, partial=True) is not None:
            return True
        source = self.pattern.pattern
        return _END_ASSERTION.search(source, timeout=time_limit(source)) is not None


def _boilerplate_categories() -> tuple[str, ...]:
    folder = resources.files(__name__).joinpath("boilerplate")
    return tuple(
        sorted(
            item.name.removesuffix(".txt")
            for item in folder.iterdir()
            if item.name.endswith(".txt")
        )
    )


# Characters a comparison key can lose: white space (``str``'s, which is the regex's \s and
# \x1c-\x1f) and the outer punctuation. Every other character of a line stays in its key,
# case-folded to one character or more (checked over all of Unicode), so a line holding
# more of them than the longest phrase key has no phrase key.
_KEY_DROPPABLE = regex.escape(KEY_OUTER_CHARACTERS) + r"\s\x1c-\x1f"

SHORT_LINE_CHARS = 40  # answers for lines up to this long are kept across documents
MAX_SHORT_ANSWERS = 20_000  # ... this many of them at most (then they are forgotten)
# First characters remembered: news uses a few hundred; random text must not grow it forever.
MAX_START_CHARACTERS = 4096
LONG_LINE_CHARS = 1000  # longer lines are counted before they are folded into a key
_UNKNOWN = "<not asked yet>"  # a sentinel, compared by identity


@attrs.frozen(slots=True)
class Vocabulary:
    """Every word list the rules use, loaded from the package's data files.

    Immutable: the dicts are read, never changed, once the vocabulary is built.
    """

    boilerplate_phrases: dict[str, str]  # comparison key -> category
    boilerplate_patterns: tuple[BoilerplatePattern, ...]
    speech_verbs: frozenset[str]
    titles: frozenset[str]
    honorifics: frozenset[str]
    agencies: frozenset[str]
    region_abbreviations: frozenset[str]
    months: dict[str, int]
    # quote attribution (newsdoc.quoting); defaults keep hand-built vocabularies valid
    name_particles: frozenset[str] = frozenset()
    organisation_words: frozenset[str] = frozenset()
    non_name_words: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    speaker_pronouns: dict[str, str] = attrs.Factory(dict)
    first_names: dict[str, str] = attrs.Factory(dict)  # first name -> male|female
    cue_modifiers: frozenset[str] = frozenset()
    np_determiners: frozenset[str] = frozenset()
    title_cues: frozenset[str] = frozenset()
    title_followers: frozenset[str] = frozenset()
    finite_verbs: frozenset[str] = frozenset()
    ly_nouns: frozenset[str] = frozenset()  # "family", "ally": -ly words that are no adverbs
    stop_words: frozenset[str] = frozenset()  # function words: prose holds many, menus few
    # whole pages only: furniture headings (comparison key -> category), share-bar words
    page_headings: dict[str, str] = attrs.Factory(dict)
    share_words: frozenset[str] = frozenset()
    # "Analysis", "Watch": labels a headline opens with ("Analysis: Why ..."), no site names
    headline_labels: frozenset[str] = frozenset()
    # "correspondent", "Staff Writer": words of a writer's job title in a byline
    job_words: frozenset[str] = frozenset()
    # "FILE", "CORRECTED": all-caps words before a plain hyphen that name no place
    dateline_non_places: frozenset[str] = frozenset()
    # "Mayor" -> ("mayor", None), "Queen" -> ("queen", "female"): titles that make a name a person's
    # "senator" -> None, "mother" -> "female": role nouns of a description of one named person
    person_nouns: dict[str, str | None] = attrs.Factory(dict)
    # "woman" -> "female", "official" -> None: nouns of a description of someone unnamed
    unnamed_person_nouns: dict[str, str | None] = attrs.Factory(dict)
    # "newspaper" -> {"Times", "Post", ...}: the name words of the bodies a description names
    organisation_nouns: dict[str, frozenset[str]] = attrs.Factory(dict)
    document_nouns: frozenset[str] = frozenset()  # "report": a description that is a document
    name_modifiers: frozenset[str] = frozenset()  # "campaign" in "Trump campaign spokesman"
    place_words: frozenset[str] = frozenset()  # "Ocean", "War": a name no person bears
    role_titles: dict[str, tuple[str, str | None]] = attrs.Factory(dict)
    # gazetteers (speaker kinds): a name that is one of these whole names a place or a body
    places: frozenset[str] = frozenset()  # countries, capitals, large cities
    known_bodies: frozenset[str] = frozenset()  # outlets, companies, institutions, parties
    nationalities: frozenset[str] = frozenset()  # "German": nobody's name
    group_words: frozenset[str] = frozenset()  # "analysts", "many": an unnamed group
    sentence_openers: frozenset[str] = frozenset()  # "sadly", "oh", "twelve": no subject
    name_adjectives: frozenset[str] = frozenset()  # "New" of "New Labour": no person's name
    # First character of a stripped line -> the patterns that may match it, in order: most
    # lines rule out most patterns by their first character (filled as characters are seen).
    _patterns_by_start: dict[str, tuple[BoilerplatePattern, ...]] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )
    # Answers for short lines, kept across documents: wire table rows and sign-offs ("Year",
    # "Reuter") repeat from page to page (half the short lines of the Reuters corpus).
    _short_answers: dict[str, str | None] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )

    # Matches a line with more kept characters than the longest phrase key (see
    # _KEY_DROPPABLE): a page-long block need not be folded whole to miss every phrase.
    _beyond_phrase_keys: regex.Pattern[str] = attrs.field(init=False, eq=False, repr=False)
    # The first word of each page heading (a comparison key): a line that opens with none of
    # them opens with no heading, and the page rule need not try its first words as one.
    heading_openers: frozenset[str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        longest = max(map(len, self.boilerplate_phrases), default=0)
        pattern = rf"(?:[{_KEY_DROPPABLE}]*[^{_KEY_DROPPABLE}]){{{longest + 1}}}"
        object.__setattr__(self, "_beyond_phrase_keys", regex.compile(pattern))
        openers = frozenset(key.partition(" ")[0] for key in self.page_headings)
        object.__setattr__(self, "heading_openers", openers)

    def boilerplate_category(self, line: str, key: str | None = None) -> str | None:
        """The category if ``line`` as a whole is a known boilerplate phrase or shape.

        ``key`` is the line's :func:`~newsdoc.text.comparison_key`, if the caller has it.
        """
        if len(line) > SHORT_LINE_CHARS:
            return self._boilerplate_category(line, key)
        answers = self._short_answers
        category = answers.get(line, _UNKNOWN)  # get: another thread may clear it meanwhile
        if category is _UNKNOWN:
            if len(answers) >= MAX_SHORT_ANSWERS:
                answers.clear()
            category = answers[line] = self._boilerplate_category(line, key)
        return category

    def _boilerplate_category(self, line: str, key: str | None) -> str | None:
        # The test scans about as far as the longest key: it pays on long blocks only.
        if key is None and (
            len(line) <= LONG_LINE_CHARS
            or self._beyond_phrase_keys.match(line, timeout=PATTERN_TIMEOUT) is None
        ):
            key = comparison_key(line)
        if key is not None:
            category = self.boilerplate_phrases.get(key)
            if category is not None:
                return category
        stripped = line.strip()
        first = stripped[:1]
        # The cache looked up here first: one call fewer per line once its character is known.
        patterns = self._patterns_by_start.get(first) or self._patterns_starting(first)
        if len(stripped) > LONG_SUBJECT_CHARS:  # the regex backstop, on long lines only
            return self._long_line_category(stripped, patterns)
        # A line longer than a pattern's longest match is not tried (most prose lines rule out
        # all but a few patterns so); the others' literals are looked for in the folded line.
        length = len(stripped)
        folded = ""
        for item in patterns:
            if item.max_chars is not None and length > item.max_chars:
                continue
            if not folded:
                folded = stripped.casefold()
            # a substring test rules out most lines for a fraction of a match's cost
            if item.literal not in folded:
                continue
            if item.pattern.fullmatch(stripped):  # no time limit: a short line
                return item.category
        return None

    @staticmethod
    def _long_line_category(stripped: str, patterns: tuple[BoilerplatePattern, ...]) -> str | None:
        # Kept apart so that the common short line pays nothing for the time limit. No literal
        # pre-test: folding a page-long line costs more than the patterns that fail on it fast.
        # A length test does rule out most patterns: few can match a page-long line.
        length = len(stripped)
        for item in patterns:
            if item.max_chars is not None and length > item.max_chars:
                continue
            if item.pattern.fullmatch(stripped, timeout=PATTERN_TIMEOUT):
                return item.category
        return None

    def _patterns_starting(self, character: str) -> tuple[BoilerplatePattern, ...]:
        """The boilerplate patterns, in order, that a line opening with ``character`` may match."""
        patterns = self._patterns_by_start.get(character)
        if patterns is None:
            patterns = self.boilerplate_patterns
            if character:  # an empty line may match any pattern
                patterns = tuple(item for item in patterns if item.may_start_with(character))
            if len(self._patterns_by_start) < MAX_START_CHARACTERS:
                self._patterns_by_start[character] = patterns
        return patterns


def _months() -> dict[str, int]:
    months: dict[str, int] = {}
    for entry in read_entries("months.txt"):
        name, number = entry.split("\t")
        months[name] = int(number)
    return months


def load_vocabulary() -> Vocabulary:
    """Read every data file of the package into a fresh :class:`Vocabulary`."""
    phrases: dict[str, str] = {}
    for category in _boilerplate_categories():
        for phrase in read_entries(f"boilerplate/{category}.txt"):
            phrases[comparison_key(phrase)] = category
    patterns = []
    for entry in read_entries("boilerplate_patterns.txt"):
        category, pattern = entry.split("\t", 1)
        patterns.append(BoilerplatePattern(category, regex.compile(pattern, regex.IGNORECASE)))
    return Vocabulary(
        boilerplate_phrases=phrases,
        boilerplate_patterns=tuple(patterns),
        speech_verbs=read_words("speech_verbs.txt"),
        titles=read_words("titles.txt"),
        honorifics=read_words("honorifics.txt"),
        agencies=read_words("agencies.txt"),
        region_abbreviations=read_words("regions.txt"),
        months=_months(),
        name_particles=read_words("name_particles.txt"),
        organisation_words=read_words("organisation_words.txt"),
        non_name_words=read_words("non_name_words.txt"),
        abbreviations=read_words("abbreviations.txt"),
        speaker_pronouns=dict(
            entry.split("\t", 1) for entry in read_entries("speaker_pronouns.txt")
        ),
        first_names=dict(entry.split("\t", 1) for entry in read_entries("first_names.txt")),
        cue_modifiers=read_words("cue_modifiers.txt"),
        np_determiners=read_words("np_determiners.txt"),
        title_cues=read_words("title_cues.txt"),
        title_followers=read_words("title_followers.txt"),
        finite_verbs=read_words("finite_verbs.txt"),
        ly_nouns=read_words("ly_nouns.txt"),
        stop_words=read_words("stop_words.txt"),
        page_headings={
            comparison_key(phrase): category
            for category, phrase in (
                entry.split("\t", 1) for entry in read_entries("page_headings.txt")
            )
        },
        # One-word share widgets ("Facebook", "Print"): a line of nothing else is a share bar.
        share_words=frozenset(
            key for key, category in phrases.items() if category == "share" and " " not in key
        ),
        headline_labels=read_words("headline_labels.txt"),
        job_words=read_words("job_words.txt"),
        dateline_non_places=read_words("dateline_non_places.txt"),
        person_nouns={
            noun: (gender[0] if gender else None)
            for noun, *gender in _tab_separated("person_nouns.txt")
        },
        unnamed_person_nouns={
            noun: (gender[0] if gender else None)
            for noun, *gender in _tab_separated("unnamed_person_nouns.txt")
        },
        organisation_nouns={
            noun: frozenset(marks.split())
            for noun, marks in _tab_separated("organisation_nouns.txt")
        },
        document_nouns=read_words("document_nouns.txt"),
        name_modifiers=read_words("name_modifiers.txt"),
        place_words=read_words("place_words.txt"),
        role_titles=_role_titles(),
        places=read_words("places.txt"),
        known_bodies=read_words("outlets.txt")
        | read_words("companies.txt")
        | read_words("institutions.txt")
        | read_words("parties.txt"),
        nationalities=read_words("nationalities.txt"),
        group_words=read_words("group_words.txt"),
        sentence_openers=read_words("sentence_openers.txt"),
        name_adjectives=read_words("name_adjectives.txt"),
    )


# Keys of each config's extra phrases, by the identity of its tuple (kept here, so the id is
# not reused while cached): a parse looks them up per line, and a config may hold thousands.
_PHRASE_KEYS: dict[int, tuple[tuple[str, ...], frozenset[str]]] = {}
MAX_PHRASE_KEY_SETS = 64  # configs remembered at once (then they are forgotten)


def phrase_keys(phrases: tuple[str, ...]) -> frozenset[str]:
    """The comparison keys of ``phrases`` (``ParserConfig.boilerplate_phrases``) as a set.

    Worked out once per tuple, so a line is tested against thousands of phrases with one set
    lookup, not one comparison per phrase.
    """
    entry = _PHRASE_KEYS.get(id(phrases))
    if entry is not None and entry[0] is phrases:
        return entry[1]
    keys = frozenset(comparison_key(phrase) for phrase in phrases)
    if len(_PHRASE_KEYS) >= MAX_PHRASE_KEY_SETS:
        _PHRASE_KEYS.clear()
    _PHRASE_KEYS[id(phrases)] = (phrases, keys)
    return keys


def _tab_separated(name: str) -> list[list[str]]:
    return [entry.split("\t") for entry in read_entries(name)]


def _role_titles() -> dict[str, tuple[str, str | None]]:
    return {
        title: (role, gender[0] if gender else None)
        for title, role, *gender in _tab_separated("role_titles.txt")
    }


@functools.cache
def default_vocabulary() -> Vocabulary:
    """The package's vocabulary, loaded once per process."""
    return load_vocabulary()
