"""Who speaks in an article: the speaker index behind ``Article.speakers``, and its rows.

:func:`build_speakers` groups an article's quotes by resolved speaker in one pass (the order
of first quotes), with each speaker's kind, roles, pronoun and mentions. Roles come from the
quotes' own mentions ("Foreign Minister Zbigniew Rau", "the mayor") and from the apposition
where the article names the speaker in full ("Russia’s foreign minister, Sergey V. Lavrov").

:func:`speaker_rows` turns one parse result into rows of the ``speakers`` table (one per
article and speaker, matching :func:`speaker_schema`); it needs only the standard library, so
workers build rows without pyarrow. :func:`speakers_table` makes the same table for articles
in memory, as a pandas DataFrame or an Arrow table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from newsdoc.model import Article, Quote, Span, Speaker, SpeakerKind, Speakers
from newsdoc.quoting.entity_kinds import kind_of_name
from newsdoc.quoting.roles import role_phrases
from newsdoc.vocab import Vocabulary, default_vocabulary

if TYPE_CHECKING:
    import pandas
    import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]

    from newsdoc.io import Result

SPEAKERS = "speakers"  # the table's name (``OUT.speakers.parquet/`` of a Parquet output)
# how far before a speaker's first quote the article's full naming of it is looked for (as far
# as the resolver looks back): each speaker costs the same however long the article is
MAX_LOOKBACK = 50_000
TITLE_CHARS = 60  # how far before a name its titles are read
_PRONOUNS = frozenset(("he", "she", "they"))
_DETERMINERS = ("the ", "a ", "an ", "this ")
SPEAKER_COLUMNS = (
    "article_id",
    "speaker_index",
    "name",
    "kind",
    "roles",
    "pronoun",
    "quote_count",
    "quote_indices",
    "mentions",
)


class _Group:
    """One speaker's quotes, mentions and roles while the index is built."""

    __slots__ = ("kind", "mentions", "pronouns", "quotes", "roles", "seen")

    def __init__(self) -> None:
        self.quotes: list[Quote] = []
        self.mentions: list[Span] = []
        self.seen: set[tuple[int, int]] = set()  # (a tuple hashes in C, a Span in Python)
        self.roles: dict[str, None] = {}  # insertion-ordered set
        self.pronouns: dict[str, int] = {}
        self.kind: SpeakerKind | None = None  # of the first quote that has one

    def add(self, quote: Quote) -> None:
        self.quotes.append(quote)
        span = quote.speaker_span
        if span is not None:
            key = (span.start, span.end)
            if key not in self.seen:
                self.seen.add(key)
                self.mentions.append(span)
        if quote.speaker_role:
            self.roles.setdefault(quote.speaker_role)
        mention = quote.speaker_mention
        if mention and mention != quote.speaker:
            lower = mention.lower()
            if lower in _PRONOUNS:
                self.pronouns[lower] = self.pronouns.get(lower, 0) + 1
            elif lower.startswith(_DETERMINERS) and quote.speaker_kind != "anonymous":
                self.roles.setdefault(mention)  # "the Florida senator": a description resolved
        if self.kind is None:
            self.kind = quote.speaker_kind


def _start_end(span: Span) -> tuple[int, int]:
    return span.start, span.end


def _text_roles(source: str, name: str, first: Span | None, vocab: Vocabulary) -> list[str]:
    """The titles and appositions the article gives ``name`` where it first names it in full,
    before its first quote's mention ``first`` (else after it)."""
    if " " not in name or first is None:
        return []
    at = source.find(name, max(0, first.start - MAX_LOOKBACK), first.end + len(name))
    if at < 0:
        at = source.find(name, first.start, first.start + MAX_LOOKBACK)
    if at < 0:
        return []
    # the titles right before the name ("Mayor Lena Okafor", "Foreign Minister Zbigniew Rau")
    words = source[max(0, at - TITLE_CHARS) : at].split()
    count = 0
    while count < len(words) and words[len(words) - 1 - count] in vocab.titles:
        count += 1
    titles = [" ".join(words[len(words) - count :])] if count else []
    return titles + role_phrases(source, at, at + len(name), vocab)


def build_speakers(article: Article, vocab: Vocabulary | None = None) -> Speakers:
    """The speaker index of ``article``: one :class:`Speaker` per resolved speaker name, in
    the order of their first quote; one pass over the quotes, and a bounded look for each
    speaker's full naming."""
    vocab = vocab or default_vocabulary()
    groups: dict[str, _Group] = {}
    for quote in article.quotes:
        if quote.speaker is None:
            continue
        group = groups.get(quote.speaker)
        if group is None:
            group = groups[quote.speaker] = _Group()
        group.add(quote)
    speakers = []
    for name, group in groups.items():
        kind = group.kind or kind_of_name(
            name, vocab, article.source, group.mentions[0].start if group.mentions else 0
        )
        if kind == "person":
            first = group.mentions[0] if group.mentions else None
            for role in _text_roles(article.source, name, first, vocab):
                group.roles.setdefault(role)
        pronouns = group.pronouns
        pronoun = max(pronouns, key=pronouns.__getitem__) if pronouns else None
        speakers.append(
            Speaker(
                name=name,
                kind=kind,
                roles=tuple(group.roles),
                pronoun=pronoun,
                mentions=tuple(sorted(group.mentions, key=_start_end)),
                quotes=tuple(group.quotes),
            )
        )
    return Speakers(speakers)


def speaker_rows(result: Result) -> list[dict[str, Any]]:
    """Rows of the ``speakers`` table for one parse result (a :class:`newsdoc.io.Result`):
    one per speaker, in the order of their first quote; none for a failed parse."""
    article = result.article
    if article is None:
        return []
    positions = {id(quote): index for index, quote in enumerate(article.quotes)}
    return [
        {
            "article_id": result.id,
            "speaker_index": number,
            "name": speaker.name,
            "kind": speaker.kind,
            "roles": list(speaker.roles),
            "pronoun": speaker.pronoun,
            "quote_count": speaker.quote_count,
            "quote_indices": [positions[id(quote)] for quote in speaker.quotes],
            "mentions": [{"start": span.start, "end": span.end} for span in speaker.mentions],
        }
        for number, speaker in enumerate(article.speakers.values())
    ]


def speaker_schema() -> pa.Schema:
    """The Arrow schema of the ``speakers`` table (documented in ``docs/arrow-schema.md``)."""
    import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]

    from newsdoc.tables import SCHEMA_VERSION  # (tables imports this module)

    span = pa.struct([("start", pa.int64()), ("end", pa.int64())])
    return pa.schema(
        [
            pa.field("article_id", pa.string(), nullable=False),
            pa.field("speaker_index", pa.int32(), nullable=False),
            pa.field("name", pa.string(), nullable=False),
            ("kind", pa.string()),
            ("roles", pa.list_(pa.string())),
            ("pronoun", pa.string()),
            ("quote_count", pa.int32()),
            ("quote_indices", pa.list_(pa.int32())),
            ("mentions", pa.list_(span)),
        ],
        metadata={"newsdoc.table": SPEAKERS, "newsdoc.schema_version": str(SCHEMA_VERSION)},
    )


def speakers_table(
    articles: Article | Iterable[Article],
    *,
    ids: Sequence[str] | None = None,
    arrow: bool = False,
) -> pandas.DataFrame | pa.Table:
    """One row per article and speaker of ``articles``, with the columns of the Parquet
    ``speakers`` table: ``article_id`` (``ids[i]``, default the article's position as text, as
    in :func:`newsdoc.to_dataframe`), ``speaker_index``, ``name``, ``kind``, ``roles``,
    ``pronoun``, ``quote_count``, ``quote_indices`` and ``mentions``. A pandas DataFrame, or
    with ``arrow=True`` an Arrow table with :func:`speaker_schema`
    (``pip install 'newsdoc[pandas]'`` / ``[arrow]``)."""
    from newsdoc.frames import _check_extra, _frame, _results

    if not arrow:
        _check_extra()
    import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]

    rows = [row for result in _results(articles, ids) for row in speaker_rows(result)]
    table = pa.Table.from_pylist(rows, schema=speaker_schema())
    return table if arrow else _frame(table)
