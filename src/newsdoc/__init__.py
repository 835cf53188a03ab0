"""newsdoc: parse raw news text into a clean, typed object model.

>>> import newsdoc
>>> article = newsdoc.parse("Headline\\n\\nWASHINGTON (AP) — Officials said on Monday ...")
"""

from newsdoc.batch import parse_many
from newsdoc.decode import parse_bytes
from newsdoc.frames import quotes_dataframe, to_dataframe
from newsdoc.html import parse_html
from newsdoc.model import (
    Article,
    Byline,
    Credit,
    Dateline,
    Element,
    Explainer,
    ExplainerCard,
    Paragraph,
    Quote,
    Removed,
    Section,
    Span,
    Speaker,
    Speakers,
)
from newsdoc.parser import Parser, ParserConfig, parse
from newsdoc.pipeline import Pipeline, Rule
from newsdoc.speakers import speakers_table

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Byline",
    "Credit",
    "Dateline",
    "Element",
    "Explainer",
    "ExplainerCard",
    "Paragraph",
    "Parser",
    "ParserConfig",
    "Pipeline",
    "Quote",
    "Removed",
    "Rule",
    "Section",
    "Span",
    "Speaker",
    "Speakers",
    "__version__",
    "parse",
    "parse_bytes",
    "parse_html",
    "parse_many",
    "quotes_dataframe",
    "speakers_table",
    "to_dataframe",
]
