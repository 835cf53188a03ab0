"""The rule pipeline: default order, disabling, inserting and replacing rules."""

from __future__ import annotations

import pickle

import pytest

import newsdoc
from newsdoc.pipeline import DEFAULT_RULES, Pipeline, Rule
from newsdoc.state import DocumentState

ARTICLE = (
    "Harbor Bridge Reopens After Repairs\n\n"
    "PORTSMOUTH, N.H. (AP) — The Harbor Bridge reopened on Monday after eight months of work.\n\n"
    "Advertisement\n\n"
    "“We are glad to have it back,” said Mayor Ellen Ortiz.\n"
)


def test_default_order_is_one_list() -> None:
    """The default rules run in the documented order, segmentation first and quotes last."""
    assert Pipeline().names == (
        "segment",
        "markup",
        "page",
        "headline",
        "duplicates",
        "dek",
        "boilerplate",
        "dates",
        "dateline",
        "byline",
        "explainers",
        "sections",
        "quotes",
        "metadata",
    )
    assert Pipeline().rules == DEFAULT_RULES


def test_disable_turns_a_rule_off() -> None:
    """Disabling boilerplate keeps the Advertisement line as a paragraph."""
    config = newsdoc.ParserConfig().disable("boilerplate")
    article = newsdoc.parse(ARTICLE, config=config)
    assert "Advertisement" in article.text
    assert "Advertisement" not in newsdoc.parse(ARTICLE).text


def test_unknown_rule_name_is_a_clear_error() -> None:
    """Naming a rule that does not exist raises ValueError listing the real names."""
    with pytest.raises(ValueError, match="no rule named 'boilerplates'"):
        Pipeline().disable("boilerplates")


def test_duplicate_rule_names_rejected() -> None:
    """Two rules with one name cannot be told apart, so the pipeline refuses them."""
    with pytest.raises(ValueError, match="unique"):
        Pipeline().append(Rule("segment", DEFAULT_RULES[0].function))


def _shout_headline(state: DocumentState) -> None:
    if state.headline is not None:
        state.headline = state.headline.upper()


def test_insert_after_runs_a_user_rule() -> None:
    """A user rule inserted after `headline` sees and changes the state."""
    pipeline = Pipeline().insert_after("headline", Rule("shout", _shout_headline))
    assert pipeline.names.index("shout") == pipeline.names.index("headline") + 1
    article = newsdoc.parse(ARTICLE, config=newsdoc.ParserConfig(pipeline=pipeline))
    assert article.headline == "HARBOR BRIDGE REOPENS AFTER REPAIRS"


def test_insert_before_and_replace() -> None:
    """insert_before places a rule ahead of its anchor; replace swaps a rule's function."""
    pipeline = Pipeline().insert_before("dek", Rule("shout", _shout_headline))
    assert pipeline.names.index("shout") == pipeline.names.index("dek") - 1
    replaced = Pipeline().replace("quotes", lambda state: None)
    assert newsdoc.parse(ARTICLE, config=newsdoc.ParserConfig(pipeline=replaced)).quotes == ()


def test_only_keeps_named_rules_in_order() -> None:
    """only() keeps the named rules in the default order."""
    assert Pipeline().only(["sections", "segment"]).names == ("segment", "sections")


def test_parser_pickles_with_its_config() -> None:
    """A Parser with an edited pipeline survives pickling (Dask ships it to workers)."""
    parser = newsdoc.Parser(newsdoc.ParserConfig().disable("quotes"))
    clone = pickle.loads(pickle.dumps(parser))
    assert clone == parser
    assert clone.parse(ARTICLE) == parser.parse(ARTICLE)


def test_custom_boilerplate_phrase() -> None:
    """A phrase from ParserConfig.boilerplate_phrases is removed with category custom."""
    text = ARTICLE + "\nRead our coverage of the bridge\n"
    config = newsdoc.ParserConfig(boilerplate_phrases=("Read our coverage of the bridge",))
    article = newsdoc.parse(text, config=config)
    assert "Read our coverage" not in article.text
    assert any(item.category == "custom" for item in article.removed)


def test_phrase_sets_give_equal_configs() -> None:
    """Boilerplate phrases given as a set are stored sorted, so equal sets give equal configs."""
    first = newsdoc.ParserConfig(boilerplate_phrases={"b phrase", "a phrase"})
    second = newsdoc.ParserConfig(boilerplate_phrases=frozenset({"a phrase", "b phrase"}))
    assert first == second
    assert first.boilerplate_phrases == ("a phrase", "b phrase")
