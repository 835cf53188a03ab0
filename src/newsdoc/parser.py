"""``ParserConfig``, the reusable ``Parser`` and the ``parse`` convenience function."""

from __future__ import annotations

from datetime import date, datetime

import attrs

from newsdoc.decode import text_notes
from newsdoc.model import Article, Element
from newsdoc.pipeline import Pipeline
from newsdoc.state import DocumentState
from newsdoc.text import PATTERN_TIMEOUT
from newsdoc.vocab import Vocabulary, default_vocabulary

DEFAULT_MAX_CHARS = 50_000_000


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"ParserConfig.{attribute.name} must be a positive int, got {value!r}")


def _boolean(instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    if not isinstance(value, bool):
        raise ValueError(f"ParserConfig.{attribute.name} must be True or False, got {value!r}")


def _phrases(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        raise ValueError(
            "ParserConfig.boilerplate_phrases must be a sequence of phrases, got a single str"
        )
    if not isinstance(value, (list, tuple, set, frozenset)):
        raise ValueError(
            "ParserConfig.boilerplate_phrases must be a sequence of str, "
            f"got {type(value).__name__}"
        )
    phrases = tuple(value)
    for phrase in phrases:
        if not isinstance(phrase, str) or not phrase.strip():
            raise ValueError(
                f"ParserConfig.boilerplate_phrases must hold non-empty str, got {phrase!r}"
            )
    # A set has no order; sorting keeps equal configs equal (and their pickles identical).
    return tuple(sorted(phrases)) if isinstance(value, (set, frozenset)) else phrases


def _pipeline(instance: object, attribute: attrs.Attribute[Pipeline], value: object) -> None:
    if not isinstance(value, Pipeline):
        raise ValueError(
            f"ParserConfig.pipeline must be a newsdoc.Pipeline, got {type(value).__name__}"
        )


@attrs.frozen(slots=True)
class ParserConfig:
    """How a :class:`Parser` behaves; validated at construction.

    - ``pipeline``: the rules to run (``Pipeline().disable("quotes")`` to skip one).
    - ``boilerplate_phrases``: extra whole-line phrases to drop as boilerplate (category "custom").
    - ``max_chars``: inputs longer than this raise ``ValueError``.
    - ``resolve_weekdays``: resolve "on Thursday" in the body against ``published`` (see ``dates``).
    """

    pipeline: Pipeline = attrs.field(factory=Pipeline, validator=_pipeline)
    boilerplate_phrases: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    max_chars: int = attrs.field(default=DEFAULT_MAX_CHARS, validator=_positive)
    resolve_weekdays: bool = attrs.field(default=False, validator=_boolean)

    def disable(self, *names: str) -> ParserConfig:
        """A copy of this config with the named rules turned off."""
        return attrs.evolve(self, pipeline=self.pipeline.disable(*names))


def _is_config(instance: object, attribute: attrs.Attribute[ParserConfig], value: object) -> None:
    if not isinstance(value, ParserConfig):
        raise TypeError(
            f"Parser.{attribute.name} must be a newsdoc.ParserConfig, got {type(value).__name__}"
            " (Parser() takes the default one)"
        )


@attrs.frozen(slots=True)
class Parser:
    """A reusable, thread-safe, picklable parser: ``Parser(config).parse(text)``."""

    config: ParserConfig = attrs.field(factory=ParserConfig, validator=_is_config)

    def parse(self, text: str, *, published: date | datetime | None = None) -> Article:
        """Parse one raw news document into an :class:`Article`."""
        if not isinstance(text, str):
            hint = ""
            if isinstance(text, (bytes, bytearray, memoryview)):
                hint = " (decode it first, or use newsdoc.parse_bytes)"
            elif text is None:
                hint = " (pass the article text; an empty document is the empty string)"
            raise TypeError(f"parse() needs the article as str, got {type(text).__name__}{hint}")
        if published is not None and not isinstance(published, date):
            raise TypeError(f"published must be a date or datetime, got {type(published).__name__}")
        if len(text) > self.config.max_chars:
            raise ValueError(
                f"input has {len(text):,} characters, over ParserConfig.max_chars="
                f"{self.config.max_chars:,}; raise the limit (newsdoc --max-chars) or split "
                "the input"
            )
        state = DocumentState(
            source=text, config=self.config, vocab=_vocabulary(), published=published
        )
        state.notes.extend(text_notes(text))
        return self._run(state)

    def parse_html(
        self,
        html: str | bytes,
        *,
        url: str | None = None,
        published: date | datetime | None = None,
    ) -> Article:
        """Parse one HTML page: render it to text blocks with their markup evidence, read its
        metadata, and run the same rules as :meth:`parse` (``docs/html.md``)."""
        from newsdoc.html.page import read_page  # the html extra is needed only here

        if published is not None and not isinstance(published, date):
            raise TypeError(f"published must be a date or datetime, got {type(published).__name__}")
        page = read_page(html, max_chars=self.config.max_chars)
        rendering = page.rendering
        state = DocumentState(
            source=rendering.text, config=self.config, vocab=_vocabulary(), published=published
        )
        state.notes.extend(page.notes)
        state.notes.extend(text_notes(rendering.text))
        state.evidence = rendering.evidence
        state.page = True
        state.metadata = page.metadata
        state.url = url
        return self._run(state, rendering.elements)

    def _run(self, state: DocumentState, elements: tuple[Element, ...] = ()) -> Article:
        for rule in self.config.pipeline:
            state.current_rule = rule.name
            try:
                rule(state)
            except TimeoutError:
                # The regex backstop fired: keep what the earlier rules found and go on.
                state.notes.append(
                    f"rule {rule.name!r} gave up: a pattern ran past its time limit"
                    f" ({PATTERN_TIMEOUT:g} s); this parse is best-effort"
                )
        return _article_from(state, elements)


def _vocabulary() -> Vocabulary:
    return default_vocabulary()


def _article_from(state: DocumentState, elements: tuple[Element, ...]) -> Article:
    return Article(
        source=state.source,
        headline=state.headline,
        headline_span=state.headline_span,
        dek=state.dek,
        dek_span=state.dek_span,
        byline=state.byline,
        dateline=state.dateline,
        published=state.published,
        updated=state.updated,
        sections=tuple(state.sections),
        quotes=tuple(state.quotes),
        explainers=tuple(state.explainers),
        credits=tuple(state.credits),
        # (start, end) orders as Span does, without its generated comparison on every step
        removed=tuple(sorted(state.removed, key=lambda item: (item.span.start, item.span.end))),
        notes=tuple(state.notes),
        site=state.site,
        url=state.url,
        lang=state.lang,
        elements=elements,
    )


DEFAULT_PARSER = Parser()


def parse(
    text: str,
    *,
    published: date | datetime | None = None,
    config: ParserConfig | None = None,
) -> Article:
    """Parse one raw news document into an :class:`Article` (see :class:`Parser`).

    ``config`` is a :class:`ParserConfig` (``TypeError`` for anything else) or None.
    """
    if config is not None and not isinstance(config, ParserConfig):
        kind = type(config).__name__
        raise TypeError(f"config must be a newsdoc.ParserConfig or None, got {kind}")
    parser = DEFAULT_PARSER if config is None else Parser(config)
    return parser.parse(text, published=published)
