"""The bundled example article (examples/city-council-vote.txt) parses as the README shows."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsdoc
from newsdoc import audit, cli

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "city-council-vote.txt"


@pytest.fixture(scope="module")
def article() -> newsdoc.Article:
    """The example, parsed once."""
    return newsdoc.parse(EXAMPLE.read_text(encoding="utf-8"))


def test_example_has_headline_dek_byline_and_dateline(article: newsdoc.Article) -> None:
    """Headline, dek, byline and dateline of the example are all found."""
    assert article.headline == "Council Approves Rent Relief Fund After Late-Night Vote"
    assert article.dek is not None
    assert article.dek.startswith("The measure, passed 7 to 6")
    assert article.byline is not None
    assert article.byline.authors == ("Lauren Hale", "David Osei")
    assert article.dateline is not None
    assert article.dateline.location == "RIVERTON, Ore."


def test_example_body_sections_and_removals(article: newsdoc.Article) -> None:
    """The body keeps its sub-heading, and page furniture leaves the text with a reason."""
    assert [section.heading for section in article.sections] == [None, "What the Fund Covers"]
    assert len(article.paragraphs) == 9
    assert article.paragraphs[0].text.startswith("The City Council voted 7 to 6")
    reasons = {(item.text, item.reason) for item in article.removed}
    assert ("Advertisement", "boilerplate") in reasons
    assert ("Leave a Reply", "boilerplate") in reasons
    assert ("Published March 5, 2024", "metadata") in reasons
    assert "Share this article" not in article.text
    assert audit.problems(article) == []


def test_example_quotes_are_listed(article: newsdoc.Article) -> None:
    """Quotes come back as Quote records whose spans lie inside the example text."""
    assert isinstance(article.quotes, tuple)
    for quote in article.quotes:
        assert isinstance(quote, newsdoc.Quote)
        assert quote.text
        for span in quote.spans:
            assert 0 <= span.start < span.end <= len(article.source)


def test_readme_command_prints_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """`newsdoc parse examples/city-council-vote.txt --format summary` succeeds."""
    assert cli.main(["parse", str(EXAMPLE), "--format", "summary"]) == 0
    output = capsys.readouterr().out
    assert "Council Approves Rent Relief Fund" in output


def test_readme_ten_lines_print_what_the_readme_shows(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's "Ten lines" snippet, run on the example, prints its "prints" block exactly."""
    readme = (EXAMPLE.parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Ten lines", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    shown = section.split("prints\n\n```\n", 1)[1].split("```", 1)[0]
    # The file is read here (the snippet's bare open() would warn of an unclosed file).
    code = code.replace('open("examples/city-council-vote.txt").read()', "example_text")
    namespace = {"example_text": EXAMPLE.read_text(encoding="utf-8")}
    exec(compile(code, "README.md", "exec"), namespace)  # our own README's snippet
    assert capsys.readouterr().out == shown
