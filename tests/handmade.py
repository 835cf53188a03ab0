"""Hand-written articles with quotes, removed text and an explainer, for the display tests.

The quotes are placed by hand (with spans found in the source) so the display, Markdown and
DataFrame tests do not depend on the attribution engine. One article is full of markup and
quote characters to prove that rendering escapes everything.
"""

from __future__ import annotations

import attrs

import newsdoc
from newsdoc.model import Article, Explainer, ExplainerCard, Quote, Removed, Span

HOSTILE_SOURCE = """City Council Approves <script>alert(1)</script> "Budget" & Plan

By Jane Roe and Sam Poe

SPRINGFIELD — The city council voted 7-2 on Tuesday to approve the
budget. "We did what we had to do," said Mayor Ana Ruiz. "This is a
fair plan."

Critics were unconvinced. "It is <b>reckless</b> & short-sighted," said council member Tom Oak.

Share this article
"""
HOSTILE_SPEAKER = 'Tom "Acorn" Oak'
HOSTILE_REMOVED = '<script>alert("removed")</script> & more'


def span_of(source: str, needle: str, after: int = 0) -> Span:
    """The span of the first ``needle`` in ``source`` at or after ``after``."""
    start = source.index(needle, after)
    return Span(start, start + len(needle))


def hostile_article() -> Article:
    """An article whose headline, quotes, speaker and removed text all carry markup."""
    article = newsdoc.parse(HOSTILE_SOURCE)
    source = article.source
    first = span_of(source, "We did what we had to do,")
    second = span_of(source, "This is a\nfair plan.")
    quotes = (
        Quote(
            text="We did what we had to do, This is a fair plan.",
            spans=(first, second),
            kind="direct",
            speaker="Ana Ruiz",
            speaker_mention="Mayor Ana Ruiz",
            speaker_span=span_of(source, "Mayor Ana Ruiz"),
            speaker_role="Mayor",
            cue="said",
            paragraph=0,
        ),
        Quote(
            text="It is <b>reckless</b> & short-sighted,",
            spans=(span_of(source, "It is <b>reckless</b> & short-sighted,"),),
            kind="direct",
            speaker=HOSTILE_SPEAKER,
            speaker_mention="council member Tom Oak",
            speaker_span=span_of(source, "council member Tom Oak"),
            speaker_role="council member",
            cue="said",
            paragraph=1,
        ),
    )
    explainer = Explainer(
        title='What <the> budget & "plan" mean',
        cards=(
            ExplainerCard(1, "Taxes <up>", 'Property taxes rise & fees "fall".', Span(0, 0)),
            ExplainerCard(2, "Parks", "Two parks reopen in <May>.", Span(0, 0)),
        ),
        span=Span(len(source), len(source)),
    )
    extra = Removed(HOSTILE_REMOVED, Span(0, 0), 'odd "reason" <x>', "test", None)
    return attrs.evolve(
        article,
        quotes=quotes,
        explainers=(explainer,),
        removed=(*article.removed, extra),
    )


def plain_articles() -> list[Article]:
    """Two small quoted articles for list and DataFrame tests."""
    first = hostile_article()
    source = """Library Opens Late on Fridays

By Lee Park

OAKTOWN — The main library will stay open until 10 p.m. on Fridays, officials said.

"Students asked for it, and we listened," said Rosa Diaz, the head librarian.
"""
    second = newsdoc.parse(source)
    quote = Quote(
        text="Students asked for it, and we listened,",
        spans=(span_of(source, "Students asked for it, and we listened,"),),
        kind="direct",
        speaker="Rosa Diaz",
        speaker_mention="Rosa Diaz",
        speaker_span=span_of(source, "Rosa Diaz"),
        speaker_role="the head librarian",
        cue="said",
        paragraph=1,
    )
    return [first, attrs.evolve(second, quotes=(quote,))]
