"""Messy but valid text parses sensibly: the same structure as the clean text, nothing lost."""

from __future__ import annotations

import newsdoc
from newsdoc import audit

ARTICLE = """Ferry Crews End Two-Week Strike After Pay Deal

By Lena Marsh

PIRAEUS, Greece (AP) — Ferry crews returned to work on Friday after a two-week strike \
that stranded thousands of travellers, union leaders said.

“We got most of what we asked for,” said Nikos Pappas, the union's general secretary. \
"Nobody wanted this to go on into the summer."

The agreement raises basic pay by 6% this year and 4% next year, and adds a second \
rest day for crews working the longest island routes.

Shipping companies said the deal would cost them about 40 million euros a year, which \
they hoped to recover through higher fares on the busiest routes.

Share this article
"""


def _texts(article: newsdoc.Article) -> list[str]:
    return [paragraph.text for paragraph in article.paragraphs]


def _structure(article: newsdoc.Article) -> tuple[object, ...]:
    dateline = article.dateline.location if article.dateline else None
    authors = article.byline.authors if article.byline else None
    return (article.headline, authors, dateline, _texts(article), len(article.quotes))


def _clean_parse(text: str) -> newsdoc.Article:
    article = newsdoc.parse(text)
    assert audit.problems(article) == []
    return article


def test_reference_article_has_full_structure() -> None:
    """The clean article used below parses into headline, byline, dateline and paragraphs."""
    article = _clean_parse(ARTICLE)
    assert article.headline == "Ferry Crews End Two-Week Strike After Pay Deal"
    assert article.byline is not None
    assert article.dateline is not None
    assert len(article.paragraphs) == 4


def test_crlf_line_endings_give_the_same_article() -> None:
    """Windows CRLF line endings give the same structure and paragraph texts as LF."""
    assert _structure(_clean_parse(ARTICLE.replace("\n", "\r\n"))) == _structure(
        newsdoc.parse(ARTICLE)
    )


def test_cr_line_endings_give_the_same_article() -> None:
    """Old Mac CR line endings give the same structure and paragraph texts as LF."""
    assert _structure(_clean_parse(ARTICLE.replace("\n", "\r"))) == _structure(
        newsdoc.parse(ARTICLE)
    )


def test_unicode_line_separators_give_the_same_article() -> None:
    """U+2028 line separators (from JSON and word processors) act as line breaks."""
    assert _structure(_clean_parse(ARTICLE.replace("\n", "\u2028"))) == _structure(
        newsdoc.parse(ARTICLE)
    )


def test_mixed_line_endings_give_the_same_paragraphs() -> None:
    """A document mixing LF, CRLF and CR breaks still splits into the same paragraphs."""
    lines = ARTICLE.split("\n")
    endings = ["\n", "\r\n", "\r"]
    mixed = "".join(line + endings[index % 3] for index, line in enumerate(lines[:-1]))
    assert _texts(_clean_parse(mixed)) == _texts(newsdoc.parse(ARTICLE))


def test_no_break_spaces_in_the_body_fold_to_spaces() -> None:
    """No-break spaces inside paragraphs fold to plain spaces in the paragraph text."""
    body_start = ARTICLE.index("Ferry crews returned")
    text = ARTICLE[:body_start] + ARTICLE[body_start:].replace(" ", "\u00a0")
    assert _texts(_clean_parse(text)) == _texts(newsdoc.parse(ARTICLE))


def test_no_break_space_lines_separate_paragraphs_like_blank_lines() -> None:
    """A line holding only no-break spaces is a blank line."""
    text = ARTICLE.replace("\n\n", "\n\u00a0\u00a0\n")
    assert _structure(_clean_parse(text)) == _structure(newsdoc.parse(ARTICLE))


def test_zero_width_spaces_inside_words_are_kept_and_nothing_else_changes() -> None:
    """Zero-width spaces inside words stay in the text; paragraph count and order are unchanged."""
    text = ARTICLE.replace("strike", "stri\u200bke").replace("deal", "de\u200bal")
    article = _clean_parse(text)
    clean = newsdoc.parse(ARTICLE)
    assert [t.replace("\u200b", "") for t in _texts(article)] == _texts(clean)
    assert "\u200b" in article.text


def test_nul_and_control_characters_are_kept_and_noted() -> None:
    """NUL, bell and escape characters neither crash nor move paragraphs; a note counts them."""
    text = ARTICLE.replace("union leaders", "union\x00 leaders").replace("summer", "sum\x07mer\x1b")
    article = _clean_parse(text)
    assert len(article.paragraphs) == len(newsdoc.parse(ARTICLE).paragraphs)
    assert any("3 control characters" in note for note in article.notes)
    assert "\x00" in article.text


def test_html_character_references_stay_in_text_and_are_noted() -> None:
    """&amp; and &#8220; are left as written (spans stay valid) and reported in notes."""
    text = ARTICLE.replace("pay by 6%", "pay &amp; leave by 6%").replace("“We got", "&#8220;We got")
    article = _clean_parse(text)
    assert "pay &amp; leave" in article.text
    assert any("2 HTML character references" in note for note in article.notes)
    assert not newsdoc.parse(ARTICLE).notes


def test_mixed_curly_and_straight_quotes_are_all_found() -> None:
    """Straight and curly quote marks in one article give the same quotes as all-curly text."""
    curly = ARTICLE.replace('"Nobody', "“Nobody").replace('summer."', "summer.”")
    mixed = _clean_parse(ARTICLE)
    assert len(mixed.quotes) == len(newsdoc.parse(curly).quotes)
    assert len(mixed.quotes) >= 2


def test_mojibake_is_flagged_and_source_left_intact() -> None:
    """UTF-8 read as cp1252 ("â€œ") is flagged in notes; source and spans are untouched."""
    garbled = ARTICLE.encode("utf-8").decode("cp1252", errors="replace")
    article = _clean_parse(garbled)
    assert article.source == garbled
    assert any(note.startswith("looks like mojibake") and "â€œ" in note for note in article.notes)
    assert len(article.paragraphs) == len(newsdoc.parse(ARTICLE).paragraphs)


def test_mojibake_repairs_through_parse_bytes_of_the_original() -> None:
    """The note's advice works: parsing the original bytes gives the clean article."""
    article = newsdoc.parse_bytes(ARTICLE.encode("utf-8"))
    assert article.notes == ("decoded as utf-8",)
    assert _texts(article) == _texts(newsdoc.parse(ARTICLE))


def test_all_caps_article_keeps_its_structure() -> None:
    """An all-caps copy keeps headline, dateline, paragraph count and quotes."""
    upper = _clean_parse(ARTICLE.upper())
    clean = newsdoc.parse(ARTICLE)
    assert upper.headline == clean.headline.upper()  # type: ignore[union-attr]
    assert upper.dateline is not None
    assert [t.upper() for t in _texts(upper)] == [t.upper() for t in _texts(clean)]
    assert len(upper.quotes) == len(clean.quotes)


def test_document_of_only_boilerplate_has_no_body() -> None:
    """A page that is only furniture yields no headline and no paragraphs; all of it is removed."""
    text = "Share this article\n\nAdvertisement\n\nLeave a Reply\n"
    article = _clean_parse(text)
    assert article.headline is None
    assert article.paragraphs == ()
    assert [item.reason for item in article.removed] == ["boilerplate"] * 3


def test_empty_and_blank_documents_give_empty_articles() -> None:
    """The empty string and white space alone parse to articles with nothing in them."""
    for text in ("", " ", "\n\n\n", "\r\n\t \u00a0\u2028"):
        article = _clean_parse(text)
        assert article.source == text
        assert article.headline is None
        assert article.paragraphs == ()
        assert article.removed == ()


def test_single_word_document() -> None:
    """One word is either a headline or a paragraph, never lost."""
    article = _clean_parse("Hello")
    assert article.headline == "Hello" or _texts(article) == ["Hello"]


def test_lone_surrogate_gives_utf8_encodable_json_that_round_trips() -> None:
    """A lone surrogate in the source gives escaped JSON that encodes as UTF-8 and reads back."""
    article = _clean_parse(ARTICLE.replace("travellers", "travel\ud800lers"))
    text = article.to_json()
    text.encode("utf-8")
    assert newsdoc.Article.from_json(text) == article
    assert "\ud800" in newsdoc.Article.from_json(text).source


def test_json_without_surrogates_keeps_non_ascii_text_unescaped() -> None:
    """Ordinary non-ASCII text ("—", "“") is written as is, not as \\u escapes."""
    text = _clean_parse(ARTICLE).to_json()
    assert "—" in text
    assert "\\u" not in text


def test_capitals_byline_with_and_names_each_author() -> None:
    """A capitals byline "BY A AND B" gives two title-cased authors, as "By A and B" does."""
    text = "Harbour Tolls Rise\n\nBY LENA MARSH AND OWEN PRICE\n\nTolls rose by 4% on Monday.\n"
    article = _clean_parse(text)
    assert article.byline is not None
    assert article.byline.authors == ("Lena Marsh", "Owen Price")
    mixed_case = "By Lena Marsh and Owen Price"
    mixed = newsdoc.parse(text.replace("BY LENA MARSH AND OWEN PRICE", mixed_case))
    assert mixed.byline is not None
    assert mixed.byline.authors == article.byline.authors


def _dateline_of(opening: str) -> tuple[object, ...]:
    article = _clean_parse(f"Harbour Tolls Rise\n\n{opening}Tolls rose by 4% on Monday.\n")
    assert article.dateline is not None
    dateline = article.dateline
    return (dateline.location, dateline.agency, dateline.text, _texts(article))


def test_unicode_spaces_in_datelines_give_the_plain_dateline() -> None:
    """No-break and thin spaces inside a dateline give the dateline found with plain spaces."""
    for opening in ("WASHINGTON (Reuters) - ", "VIENNA — ", "Tokyo (CNN) -- ", "OSLO, Norway — "):
        for space in ("\u00a0", "\u2009", "\u202f"):
            assert _dateline_of(opening.replace(" ", space)) == _dateline_of(opening)


def test_unicode_spaces_in_bylines_give_plain_author_names() -> None:
    """A byline with no-break spaces ("By\\u00a0Lena\\u00a0Marsh") names the same authors."""
    for byline in ("By Lena Marsh and Owen Price", "BY LENA MARSH AND OWEN PRICE"):
        text = f"Harbour Tolls Rise\n\n{byline.replace(' ', chr(0xA0))}\n\nTolls rose by 4%.\n"
        article = _clean_parse(text)
        assert article.byline is not None
        assert article.byline.authors == ("Lena Marsh", "Owen Price")


def test_lines_of_only_zero_width_characters_are_blank_lines() -> None:
    """A line of only zero-width characters separates paragraphs and is recorded as removed."""
    invisible = "\u200b\u200c\u200d\u2060\ufeff"
    for line in (invisible, "\u200b", " \ufeff ", "\u00a0\u200b"):
        article = _clean_parse(ARTICLE.replace("\n\n", f"\n{line}\n"))
        assert _structure(article) == _structure(newsdoc.parse(ARTICLE))
        dropped = [item for item in article.removed if item.category == "invisible"]
        assert len(dropped) == ARTICLE.count("\n\n")
        assert all(item.text.strip(invisible + " \u00a0") == "" for item in dropped)
