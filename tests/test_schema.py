"""The generated JSON Schema: valid, current in docs/, and matching real to_dict() output."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest

import newsdoc
from handmade import hostile_article, plain_articles
from newsdoc.schema import json_schema, schema_json

jsonschema = pytest.importorskip("jsonschema")

DOCS_SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "schema.json"
FIXTURES = Path(__file__).parent / "fixtures"


def validator() -> Any:
    """A draft 2020-12 validator for the schema, checking formats too."""
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def assert_valid(article: newsdoc.Article) -> None:
    """The article's JSON (through a real JSON round trip) satisfies the schema."""
    errors = [error.message for error in validator().iter_errors(json.loads(article.to_json()))]
    assert not errors, errors[:3]


def test_docs_schema_is_current() -> None:
    """docs/schema.json is exactly what the model generates today."""
    assert DOCS_SCHEMA.read_text(encoding="utf-8") == schema_json(), (
        "docs/schema.json is stale: run `python -m newsdoc.schema > docs/schema.json`"
    )


def test_every_model_class_is_defined() -> None:
    """Each record reachable from Article has a definition listing all its fields."""
    definitions = json_schema()["$defs"]
    for name in ("Byline", "Dateline", "Explainer", "Quote", "Removed", "Section", "Span"):
        cls = getattr(newsdoc, name)
        assert definitions[name]["required"] == [field.name for field in attrs.fields(cls)]


def test_seed_output_validates(seed_text: str) -> None:
    """The seed's to_dict() output satisfies the schema."""
    assert_valid(newsdoc.parse(seed_text))


def test_fixture_and_quoted_articles_validate() -> None:
    """Fixture articles and hand-quoted articles with explainers satisfy the schema."""
    for path in sorted(FIXTURES.glob("*.txt")):
        assert_valid(newsdoc.parse(path.read_text(encoding="utf-8")))
    for article in (hostile_article(), *plain_articles()):
        assert_valid(article)


@pytest.mark.parametrize(
    "published",
    [
        date(2024, 5, 1),
        datetime(2024, 5, 1, 9, 30),
        datetime(2024, 5, 1, 9, 30, 15, 250, tzinfo=timezone(timedelta(hours=-4))),
    ],
)
def test_dates_and_datetimes_validate(published: date) -> None:
    """Dates, naive datetimes and zoned datetimes all fit the published field."""
    assert_valid(attrs.evolve(plain_articles()[1], published=published))


def test_schema_rejects_wrong_output() -> None:
    """A wrong type, a bad quote kind or an unknown key fails validation."""
    good = json.loads(hostile_article().to_json())
    check = validator()
    assert check.is_valid(good)
    for path, value in [
        (("headline",), 5),
        (("quotes", 0, "kind"), "paraphrase"),
        (("published",), "yesterday"),
        (("surprise",), True),
    ]:
        bad = json.loads(json.dumps(good))
        target = bad
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        assert not check.is_valid(bad), path
