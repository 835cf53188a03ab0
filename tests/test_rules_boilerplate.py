"""Rule ``boilerplate``: page furniture removed with its category; prose left alone."""

from __future__ import annotations

import attrs
import pytest
import regex

import newsdoc
from newsdoc.rules.boilerplate import repeated_lines
from newsdoc.vocab import MAX_START_CHARACTERS, BoilerplatePattern, default_vocabulary

HEADLINE = "Town votes to rebuild its old library\n\n"
STORY = "Voters approved the library bond by a wide margin, the town clerk said on Wednesday."
MORE = "Construction is expected to start next spring and to last about eighteen months."


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("Advertisement", "ads"),
        ("Story continues below advertisement", "ads"),
        ("Lucky Spin 0.0 rating GET 200 FREE SPINS ON SIGN-UP Play Now", "ads"),
        ("NEW You can now listen to Example Daily articles!", "audio"),
        ("This site uses cookies to measure traffic. By continuing you accept them.", "cookie"),
        ("JavaScript is required to load the comments.", "cookie"),
        ("Please enable JavaScript to watch this video.", "cookie"),
        ("Click to share on Twitter (Opens in new window)", "share"),
        ("Jane Roe/Getty Images", "credits"),
        ("(Image credit: Getty Images)", "credits"),
        ("Sign up for our Morning Brief newsletter.", "subscribe"),
        ("(CROSSTALK)", "transcript"),
        ("Leave a Reply", "comments"),
    ],
)
def test_boilerplate_line_is_removed(line: str, category: str) -> None:
    """A whole line in a boilerplate family leaves the body with its category."""
    article = newsdoc.parse(HEADLINE + STORY + "\n\n" + line + "\n\n" + MORE)
    assert line not in article.text
    assert [(r.text, r.category) for r in article.removed] == [(line, category)]


@pytest.mark.parametrize(
    "tail",
    [
        "Featured image via Jane Roe/Getty Images",
        "Featured Image: Screenshot",
        "featured image via video screen capture",
        "Photo by Jane Roe/Getty Images.",
        "Photograph: Jane Roe",
        "Top image via Jane Roe",
        "Picture: Jane Roe",
        "FEATURED IMAGE Jane Roe",
    ],
)
def test_glued_image_credit_is_cut_off(tail: str) -> None:
    """A credit glued to the last sentence goes; the sentence stays whole."""
    article = newsdoc.parse(HEADLINE + STORY + " Watch the vote below:" + tail)
    assert article.text == STORY + " Watch the vote below:"
    assert [(r.text.strip(), r.category) for r in article.removed] == [(tail, "credits")]


@pytest.mark.parametrize(
    "last",
    [
        "Photo of the year entries close on Friday, and the winner gets a prize.",
        "The image via satellite showed the flood. Officials said it would recede soon.",
        "Readers can subscribe to the library newsletter to follow the rebuilding work.",
    ],
)
def test_prose_that_mentions_photos_is_kept(last: str) -> None:
    """Sentences that mention images or subscriptions are content."""
    article = newsdoc.parse(HEADLINE + STORY + "\n\n" + last)
    assert article.removed == ()
    assert article.paragraphs[-1].text == last


def test_user_phrases_are_removed_as_custom() -> None:
    """ParserConfig.boilerplate_phrases adds whole-line phrases (category custom)."""
    config = newsdoc.ParserConfig(boilerplate_phrases=("Brought to you by Acme",))
    article = newsdoc.parse(HEADLINE + STORY + "\n\nBrought to you by Acme", config=config)
    assert [(r.text, r.category) for r in article.removed] == [("Brought to you by Acme", "custom")]


def test_wire_signoff_and_placeholder() -> None:
    """A "REUTER" sign-off and a "Blah blah blah." placeholder are removed."""
    article = newsdoc.parse("ACME SETS DIVIDEND\n******Blah blah blah.\n")
    assert article.headline == "ACME SETS DIVIDEND"
    assert article.text == ""
    assert [r.category for r in article.removed] == ["placeholder"]
    signed = newsdoc.parse(HEADLINE + STORY + "\n REUTER\n")
    assert [r.category for r in signed.removed] == ["signoff"]


def test_navigation_bar_at_the_edge_is_removed() -> None:
    """A bar of short items among the last blocks goes; one mid-story stays."""
    bar = "E-mail | Print | Comments | Reprints"
    inside = "Score | Home | Away"
    filler = [f"{MORE} Paragraph {n}." for n in range(6)]
    paragraphs = [STORY, *filler[:3], inside, *filler[3:], bar]
    article = newsdoc.parse(HEADLINE + "\n\n".join(paragraphs))
    # Only the bar at the edge is removed: the mid-story one stays (as a paragraph or heading).
    assert [(r.text, r.category) for r in article.removed] == [(bar, "navigation")]


def test_repeated_lines_across_a_batch() -> None:
    """Lines shared by most pages of a batch are listed; a line on one page is not."""
    pages = [f"Story number {n} about the town.\nFollow us on Social\nRead more" for n in range(4)]
    found = repeated_lines([*pages, "An unrelated page.\nRead more"])
    assert found == frozenset({"Follow us on Social", "Read more"})
    config = newsdoc.ParserConfig(boilerplate_phrases=tuple(sorted(found)))
    article = newsdoc.parse(HEADLINE + STORY + "\n\nFollow us on Social", config=config)
    assert article.text == STORY


@pytest.mark.parametrize(
    ("pattern", "line"),
    [
        (r"a\Bb", "ab"),  # the boundary after the first character needs the second
        (r"-\b\w+", "-word"),
        (r"a(?!$)b", "ab"),
        (r"(?r)ab", "ab"),  # a reverse pattern is matched from the end
    ],
)
def test_pattern_index_never_rules_out_a_matching_line(pattern: str, line: str) -> None:
    """Patterns whose partial-match probe would say no wrongly are still tried on the line."""
    item = BoilerplatePattern("custom", regex.compile(pattern))
    assert item.pattern.fullmatch(line) is not None
    assert item.may_start_with(line[0])
    vocabulary = attrs.evolve(default_vocabulary(), boilerplate_patterns=(item,))
    assert vocabulary.boilerplate_category(line) == "custom"


def test_pattern_index_keeps_the_first_matching_category() -> None:
    """With the first-character index, the earliest pattern that matches still decides."""
    patterns = (
        BoilerplatePattern("first", regex.compile(r"[^\n]{0,10}rating", regex.IGNORECASE)),
        BoilerplatePattern("second", regex.compile(r"star rating", regex.IGNORECASE)),
        BoilerplatePattern("third", regex.compile(r"star[^\n]*", regex.IGNORECASE)),
    )
    vocabulary = attrs.evolve(default_vocabulary(), boilerplate_patterns=patterns)
    assert vocabulary.boilerplate_category("Star rating") == "first"
    assert vocabulary.boilerplate_category("Star ratings") == "third"
    assert vocabulary.boilerplate_category("Moon") is None
    assert not patterns[1].may_start_with("m")


def test_long_padded_line_still_matches_its_phrase() -> None:
    """A phrase padded past the long-line limit with spaces and outer dashes is still found."""
    vocabulary = default_vocabulary()
    padded = "-- " * 300 + "Advertisement" + " \n\u00a0\t" * 300 + "..."
    assert len(padded) > 1000
    assert vocabulary.boilerplate_category(padded) == "ads"
    prose = "Voters approved the library bond by a wide margin. " * 30
    assert vocabulary.boilerplate_category(prose) is None


def test_the_first_character_index_stays_bounded() -> None:
    """Lines opening with every character of a large alphabet do not grow the per-character
    pattern index past its cap, and the answers stay those of the patterns."""
    vocabulary = attrs.evolve(default_vocabulary())
    for code in range(0x4E00, 0x4E00 + MAX_START_CHARACTERS + 500):
        assert vocabulary.boilerplate_category(chr(code) + " line") is None
    assert vocabulary.boilerplate_category("Advertisement") == "ads"
    assert len(vocabulary._patterns_by_start) <= MAX_START_CHARACTERS
