"""Property tests: parse returns an exact, loss-free Article for every str, damaged or not."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.target import CONTROL_CHARACTERS, STRAY_MARKS, check_text, mutate, seeds

SEEDS = seeds()

# Pieces of news-page text that steer inputs into the rules' branches.
NEWS_PIECES = (
    "By ",
    "BY ",
    "By . ",
    "WASHINGTON ",
    "LONDON, March 3 ",
    "(Reuters) ",
    "(AP) ",
    "(CNN)",
    "Tokyo (CNN) -- ",
    "— ",
    " - ",
    "--",
    "said ",
    "Card 1 of 5",
    "Card 2 of 5",
    "A brewing conflict. ",
    "Share this article",
    "Leave a Reply",
    "Reuter",
    "Featured image via X",
    "Updated 5:31 p.m. ET",
    "Jan. 13, 2022",
    "PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . ",
    "Jane Doe contributed reporting.",
    "Reporting by A; Editing by B",
    "# ",
    "The ",
    "Officials ",
    ". ",
    ",",
    "\n",
    "\n\n",
    "\r\n",
    "    ",
    *STRAY_MARKS,
    *CONTROL_CHARACTERS,
)
news_soup = st.lists(st.one_of(st.sampled_from(NEWS_PIECES), st.text(max_size=4)), max_size=80).map(
    "".join
)
mutation_choices = st.lists(st.integers(min_value=0, max_value=1 << 20), max_size=24)

# NEWSDOC_PROPERTY_EXAMPLES=5000 runs a long search locally; CI keeps the default.
EXAMPLES = int(os.environ.get("NEWSDOC_PROPERTY_EXAMPLES", "150"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.text())
def test_any_unicode_text_parses_and_is_accounted_for(text: str) -> None:
    """Arbitrary Unicode text gives an Article whose elements account for every character."""
    check_text(text)


@FAST
@given(st.text(st.characters(exclude_categories=())))
def test_text_with_lone_surrogates_parses(text: str) -> None:
    """Even lone surrogates (a str Python allows, UTF-8 does not) never break the parse."""
    check_text(text)


@FAST
@given(news_soup)
def test_news_like_token_soup_parses_and_is_accounted_for(text: str) -> None:
    """Random runs of datelines, bylines, quote marks and boilerplate are parsed without loss."""
    check_text(text)


@FAST
@given(st.sampled_from(SEEDS), mutation_choices)
def test_mutated_articles_parse_and_are_accounted_for(seed: str, choices: list[int]) -> None:
    """Seed articles cut, duplicated, shuffled or sprinkled with stray marks lose no text."""
    check_text(mutate(seed, iter(choices)))


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(SEEDS), st.integers(min_value=0, max_value=10_000))
def test_any_prefix_of_an_article_parses(seed: str, cut: int) -> None:
    """A truncated download (any prefix of an article) parses without loss."""
    check_text(seed[: cut % (len(seed) + 1)])


def test_every_seed_parses_unchanged() -> None:
    """The unmutated seeds themselves pass the accounting check."""
    assert len(SEEDS) >= 2
    for seed in SEEDS:
        article = check_text(seed)
        assert article.paragraphs, "a seed article should keep body paragraphs"
