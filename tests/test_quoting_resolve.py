"""The resolver's scan of capitalised runs: the fast ASCII pattern stands in for the Unicode one
only where they find the same runs."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from newsdoc.quoting.resolve import Resolver
from newsdoc.quoting.scan import (
    _ASCII_NAME_RUN,
    _NAME_RUN,
    _NON_ASCII_LETTER,
    _has_non_ascii_letter,
    _sentence_pieces,
    name_run_pattern,
)
from newsdoc.vocab import default_vocabulary

# ASCII letters, the run pattern's particles and punctuation, and non-ASCII characters that are
# not letters (curly quotes, dashes, currency, a no-break space): text the ASCII pattern scans.
_PLAIN = st.lists(
    st.sampled_from([*"ABJSabjsz .'-’‘“”—–…£©•\xa0", "de ", "of ", "van ", "al-", "le", "der"]),
    max_size=40,
).map("".join)


@given(_PLAIN)
def test_ascii_pattern_finds_the_unicode_runs_in_text_without_non_ascii_letters(text: str) -> None:
    """Where no letter is outside ASCII, both patterns find the same runs at the same places."""
    ascii_runs = [(match.start(), match[0]) for match in _ASCII_NAME_RUN.finditer(text)]
    assert ascii_runs == [(match.start(), match[0]) for match in _NAME_RUN.finditer(text)]


def test_names_with_non_ascii_letters_resolve_among_curly_quotes() -> None:
    """A text with accented names is scanned with the Unicode pattern: "Núñez" resolves."""
    source = "“We agree,” said José Núñez, the mayor. “No,” Núñez’s aide said, and Núñez left."
    resolver = Resolver(source, default_vocabulary())
    assert resolver.resolve_name(["Núñez"], None, source.rindex("Núñez")) == "José Núñez"


def test_the_resolver_reads_runs_with_the_pattern_its_text_allows() -> None:
    """The runs around a name are read as the scan reads them: with the ASCII pattern when
    every letter is ASCII (curly quotes aside), else with the Unicode one."""
    assert name_run_pattern("“We agree,” said Anna Brezina.") is _ASCII_NAME_RUN
    assert name_run_pattern("said José Núñez") is _NAME_RUN
    source = "“No,” said José Núñez, the mayor, who left."
    resolver = Resolver(source, default_vocabulary())
    run = resolver._run_at(source.index("José"))
    assert run is not None
    assert run[0] == "José Núñez"


def test_a_surname_after_curly_quotes_resolves_to_the_earlier_full_name() -> None:
    """Curly quotes alone keep the ASCII scan, which still finds names, surnames and genders."""
    source = "“We agree,” said Anna Brezina. “No,” Ms. Brezina said later. Brezina left."
    resolver = Resolver(source, default_vocabulary())
    assert resolver.resolve_name(["Brezina"], "Ms.", source.rindex("Brezina")) == "Anna Brezina"
    assert resolver.resolve_pronoun("she", len(source)) == "Anna Brezina"


def test_a_particle_belongs_to_a_name_only_before_more_of_it() -> None:
    """ "van der Waals", "al-Assad" and "Bank of England" are one run each; the "al" of "also"
    and the "le" of "left" are not particles ending a name."""
    text = (
        "Johannes van der Waals met Bashar al-Assad at the Bank of England; "
        "then Mr. Brezina left, and Douglas also said so."
    )
    expected = [
        "Johannes van der Waals",
        "Bashar al-Assad",
        "Bank of England",
        "Mr. Brezina",
        "Douglas",
    ]
    assert [match[0] for match in _ASCII_NAME_RUN.finditer(text)] == expected
    assert [match[0] for match in _NAME_RUN.finditer(text)] == expected


def test_a_pronoun_after_a_surname_and_also_resolves_to_the_full_name() -> None:
    """ "Douglas also said" once made "Douglas al" a person, whom a later "he" resolved to."""
    source = "Michael Douglas arrived late. Douglas also said the plan would fail. He left."
    resolver = Resolver(source, default_vocabulary())
    assert resolver.resolve_pronoun("he", source.rindex("He")) == "Michael Douglas"


def test_initialisms_and_capitalised_headlines_are_not_people() -> None:
    """ "U.S. Banks" holds no person "S. Banks", and a headline in capitals is no full name: a
    later "he" resolves to the person named in between."""
    source = "John Smith agreed. U.S. Banks lent more.\nGRAIN BOARD ADVISES CUT\nHe spoke."
    resolver = Resolver(source, default_vocabulary())
    assert resolver.resolve_pronoun("he", source.rindex("He")) == "John Smith"


def test_a_run_across_a_sentence_end_is_cut_there() -> None:
    """ "… in Canada. Trump said" holds no person "Canada. Trump": a lone "Trump" later resolves
    to the full name, while initials, titles and honorifics still run into the name."""
    source = (
        "Donald Trump spoke in Ottawa. He left for Canada. Trump said it went well. "
        "John F. Kennedy Airport was shut. Sen. Bernie Sanders agreed. Trump left."
    )
    resolver = Resolver(source, default_vocabulary())
    assert resolver.resolve_name(["Trump"], None, source.rindex("Trump")) == "Donald Trump"
    names = {name for _, name, _ in resolver.names.run()}
    assert "Canada. Trump" not in names
    assert "John F. Kennedy Airport" in names
    assert "Bernie Sanders" in names


def test_sentence_pieces_cut_after_words_that_end_a_sentence() -> None:
    """Offsets and pieces of a run cut where a period ends a sentence, not after initials."""
    resolver = Resolver("", default_vocabulary())
    text = "Canada.  Trump J. Smith. Ms. Lee No. It"
    pieces = list(_sentence_pieces(text, resolver.names._continues_name))
    assert pieces == [(0, "Canada."), (9, "Trump J. Smith."), (25, "Ms. Lee No."), (37, "It")]


def test_a_piece_that_opens_with_of_or_for_names_nobody() -> None:
    """A run cut after "Inc." or "Sen." can leave a piece opening with "of"/"for" (seen on
    web pages): it names no one, and the scan goes on past it."""
    source = (
        "The National Society Inc. of Newspaper Columnists met. Supporters of Sen. for Ann "
        "Lee rallied. Mary Okafor spoke."
    )
    names = {name for _, name, _ in Resolver(source, default_vocabulary()).names.run()}
    assert "Mary Okafor" in names
    assert not any(name.startswith(("of ", "for ")) for name in names)


@given(st.text(st.characters(blacklist_categories=())))
@example("“Quoted” — \ud800 lone surrogate")
@example("\udcff Núñez")
def test_non_ascii_letters_are_found_among_the_characters_outside_ascii(text: str) -> None:
    """The test on the characters outside ASCII alone answers as a search of the whole text
    (surrogates included)."""
    assert _has_non_ascii_letter(text) == (_NON_ASCII_LETTER.search(text) is not None)


# names, titles and role words
_ROLE_PIECES = ["Sen. ", "Mayor ", "Chairman ", "Ann ", "Voss", "Ruiz", "Ohio", ", the ", " of "]
_ROLES = st.lists(
    st.sampled_from([*_ROLE_PIECES, "senator", "mayor", "chairman ", "owner ", ". ", " said"]),
    max_size=30,
).map("".join)


@given(_ROLES, st.sampled_from(["senator", "mayor", "chairman", "man", "owner", "ohio"]))
@example("Sen. Ruiz said. Mayor Ann Voss said.", "senator")
@example("İ" * 90 + ". Ann Voss, the owner of Ohio, said", "owner")  # offsets move
def test_the_near_test_passes_every_name_given_the_role(text: str, head: str) -> None:
    """The cheap test that a description's head is near a name is False only for names whose
    roles do not hold it (a title's noun, "Sen." for "senator", included)."""
    resolver = Resolver(text, default_vocabulary())
    near = resolver._near_test(head)
    for place, _, _ in resolver.names.run():
        roles = resolver._roles_of(place, head)
        if roles is not None and head in roles:
            assert near(place)
