"""Rule ``segment``: blank-line, indented (wire) and hard-wrapped inputs, tables kept."""

from __future__ import annotations

import newsdoc

WIRE = (
    "ACME CORP SEES HIGHER SALES\n"
    "    CHICAGO, March 3 - Acme Corp said it expects sales to rise\n"
    "about ten pct this year as demand for its industrial pumps\n"
    "recovers in North America and Europe.\n"
    "    The company said orders in the first two months were up\n"
    "15 pct from a year earlier.\n"
    "    Shr 12 cts vs nine cts\n"
    "    Net 1,204,000 vs 905,000\n"
    "    Revs 20.1 mln vs 18.7 mln\n"
    " Reuter\n"
)

FLUSH_LEFT = (
    "Residents of the valley were told on Monday to boil their water\n"
    "until further notice after tests found bacteria in two of the\n"
    "town's four wells, officials said.\n"
    "The water board said the wells had been shut and that crews were\n"
    "flushing the pipes, a job it expected to take at least a week\n"
    "before the notice could be lifted for all homes.\n"
)


def test_wire_copy_is_reflowed_by_indentation() -> None:
    """Indented lines start paragraphs; lines at the margin continue them."""
    article = newsdoc.parse(WIRE)
    texts = [p.text for p in article.paragraphs]
    assert texts[0] == (
        "Acme Corp said it expects sales to rise about ten pct this year as demand for its "
        "industrial pumps recovers in North America and Europe."
    )
    assert (
        texts[1]
        == "The company said orders in the first two months were up 15 pct from a year earlier."
    )


def test_wire_table_keeps_its_rows() -> None:
    """Short indented rows stay one row per line, and the sign-off is not a row."""
    article = newsdoc.parse(WIRE)
    assert article.paragraphs[-1].text.split("\n") == [
        "Shr 12 cts vs nine cts",
        "Net 1,204,000 vs 905,000",
        "Revs 20.1 mln vs 18.7 mln",
    ]
    assert any(r.text.strip() == "Reuter" and r.category == "signoff" for r in article.removed)


def test_flush_left_wrapped_paragraphs_end_after_a_short_line() -> None:
    """Hard-wrapped copy without indents splits where a line stops short."""
    article = newsdoc.parse(FLUSH_LEFT)
    assert len(article.paragraphs) == 2
    assert article.paragraphs[0].text.endswith("officials said.")
    assert "\n" not in article.paragraphs[1].text


def test_text_without_breaks_stays_one_paragraph() -> None:
    """A page flattened to one line is not split on a guess."""
    text = " ".join(["The mayor said the plan would go ahead."] * 30)
    article = newsdoc.parse(text)
    assert len(article.paragraphs) == 1
    assert article.paragraphs[0].text == text


def test_blank_lines_separate_paragraphs() -> None:
    """Paragraphs separated by blank lines come out one for one."""
    text = "A short title\n\nFirst paragraph of the story.\n\nSecond paragraph of the story.\n"
    article = newsdoc.parse(text)
    assert [p.text for p in article.paragraphs] == [
        "First paragraph of the story.",
        "Second paragraph of the story.",
    ]
