"""The seed article (../shared/seeds) parses exactly as issue 2 specifies."""

from __future__ import annotations

import newsdoc

CARD_HEADINGS = [
    "A brewing conflict",
    "A spike in hostilities",
    "Ominous warnings",
    "The Kremlin’s position",
    "A measured approach",
]


def test_headline_kept_once_and_duplicate_removed(seed_text: str) -> None:
    """The concatenated headline yields one headline and one removed duplicate."""
    article = newsdoc.parse(seed_text)
    assert article.headline == (
        "Russia and West at Impasse as Ukraine Urges Reversal of Troop Buildup"
    )
    duplicates = [r for r in article.removed if r.reason == "duplicate"]
    assert any(r.text == article.headline for r in duplicates)


def test_dek_once_with_repeat_removed(seed_text: str) -> None:
    """The dek is found once; its repeat is removed as a duplicate."""
    article = newsdoc.parse(seed_text)
    assert article.dek is not None
    assert article.dek.startswith("In a third round of diplomacy")
    assert article.dek.endswith("on future talks.")
    assert sum(1 for r in article.removed if r.text == article.dek) == 1
    assert article.dek not in article.text


def test_dateline_cut_from_first_paragraph(seed_text: str) -> None:
    """VIENNA is the dateline and leaves the body text."""
    article = newsdoc.parse(seed_text)
    assert article.dateline is not None
    assert article.dateline.location == "VIENNA"
    assert article.paragraphs[0].text.startswith("Ukraine said on Thursday")
    assert "VIENNA —" not in article.text


def test_fifteen_body_paragraphs_and_boilerplate(seed_text: str) -> None:
    """Ten paragraphs before the explainer and five after; Leave a Reply is boilerplate."""
    article = newsdoc.parse(seed_text)
    assert len(article.paragraphs) == 15
    assert article.paragraphs[9].text.startswith("It was the latest sign")
    assert article.paragraphs[10].text.startswith("While Russia denies")
    assert "Leave a Reply" not in article.text
    assert any(r.text == "Leave a Reply" and r.reason == "boilerplate" for r in article.removed)


def test_explainer_cards(seed_text: str) -> None:
    """The explainer widget has its title, five cards, and its counter removed as a widget."""
    article = newsdoc.parse(seed_text)
    (explainer,) = article.explainers
    assert explainer.title == "Understand the Escalating Tensions Over Ukraine"
    assert [card.heading for card in explainer.cards] == CARD_HEADINGS
    assert [card.number for card in explainer.cards] == [1, 2, 3, 4, 5]
    assert explainer.cards[0].body.startswith("Antagonism between Ukraine and Russia")
    assert any(r.text == "Card 1 of 5" and r.reason == "widget" for r in article.removed)
    for card in explainer.cards:
        assert card.body not in article.text
        assert all(card.body not in p.text for p in article.paragraphs)


def test_round_trip(seed_text: str) -> None:
    """to_dict/from_dict and to_json/from_json give back an equal article."""
    article = newsdoc.parse(seed_text)
    assert newsdoc.Article.from_dict(article.to_dict()) == article
    assert newsdoc.Article.from_json(article.to_json()) == article
