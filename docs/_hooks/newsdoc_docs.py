"""MkDocs hooks: pages generated from the code, so that the docs cannot drift from it.

- ``rules.md``: the ``<!-- newsdoc:rules -->`` marker becomes one section per rule of
  ``newsdoc.pipeline.DEFAULT_RULES`` in run order: the rule module's docstring, the removal
  reasons and vocabularies found in its source, how to turn it off or replace it, and a
  small invented example parsed at build time with its real output.
- ``schema.md``: the ``<!-- newsdoc:schema -->`` marker becomes ``newsdoc.schema.json_schema()``.
- Pages other parts of the project write (benchmark reports, batch guides) get a short
  placeholder only while they are missing, so the site still builds with ``--strict``.
"""

from __future__ import annotations

import ast
import inspect
import json
import pprint
import re
import sys
from typing import Any

import newsdoc
from newsdoc.pipeline import DEFAULT_RULES, Rule
from newsdoc.schema import json_schema

RULES_MARKER = "<!-- newsdoc:rules -->"
ORDER_MARKER = "<!-- newsdoc:rule-order -->"
SCHEMA_MARKER = "<!-- newsdoc:schema -->"
PLACEHOLDERS = {
    "accuracy.md": ("Accuracy", "python -m benchmarks.accuracy"),
    "performance.md": ("Performance", "the performance benchmark in benchmarks/"),
    "robustness.md": ("Robustness", "the robustness tests"),
    "batch.md": ("Batch processing in depth", "the batch engineer"),
    "arrow-schema.md": ("Arrow and Parquet schema", "newsdoc.tables"),
}
_ROLE = re.compile(r":(?:class|func|meth|data|attr|mod|obj):`~?([^`]+)`")
_VOCAB_USE = re.compile(r"state\.vocab\.(\w+)")

# One invented example per rule: the input and the expressions whose values show what the
# rule found. They are evaluated at build time, so the printed results are always current.
EXAMPLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "segment": (
        "Port Lifts Docking Fees\n\nNEWPORT, March 3 - The port authority said it would raise\n"
        "docking fees by four pct from April, citing the rising cost of\ndredging the harbour.\n"
        "    The new fees apply to vessels of more than 200 tonnes.\n",
        ("[paragraph.text for paragraph in article.paragraphs]",),
    ),
    "page": (
        "* Home\n* News\n* Sport\n* Business\n* Weather\n* Opinion\n* Contact\n* Search\n\n"
        "Library Opens Late on Thursdays\n\nBy Ana Ruiz\n\n"
        "The central library will stay open until nine on Thursday evenings from next month,"
        " the city said on Monday, after a survey of more than two thousand readers.\n\n"
        "Staff will run homework clubs and a quiet reading room in the extra hours, and the"
        " cafe on the ground floor will keep its doors open until eight.\n\n"
        "Share this:\n* Facebook\n* Twitter\n* Email\n\nRelated\n"
        "* Council Approves New Bus Routes\n* Pool Reopens After Repairs\n\n"
        "Leave a Reply\n\nYour email address will not be published.\n\n"
        "© 2024 The Valley Courier\n* About\n* Privacy\n* Terms\n",
        (
            "article.headline",
            "[paragraph.text[:40] for paragraph in article.paragraphs]",
            "[(item.category, item.text) for item in article.removed if item.rule == 'page']",
        ),
    ),
    "headline": (
        "City Pool Reopens After Summer Repairs\n\n"
        "The city pool reopened on Saturday after three months of repairs to its roof.\n",
        ("article.headline", "article.headline_span"),
    ),
    "duplicates": (
        "Storm Closes Schools Across the County\n\nStorm Closes Schools Across the County\n\n"
        "All public schools in the county will be closed on Monday, officials said.\n",
        ("article.headline", "[(item.text, item.reason) for item in article.removed]"),
    ),
    "dek": (
        "Bridge Repairs Will Close Main Street\n\n"
        "The work, expected to last two months, will divert buses through the old town.\n\n"
        "By Ann Lee\n\n"
        "The city will close Main Street bridge to traffic from June 1, engineers said.\n",
        ("article.dek",),
    ),
    "boilerplate": (
        "Library Extends Its Opening Hours\n\n"
        "The central library will stay open until 10 p.m. on weekdays from next month.\n\n"
        "Advertisement\n\nShare this article\n\nLeave a Reply\n",
        ("[(item.text, item.reason, item.category) for item in article.removed]",),
    ),
    "dates": (
        "Farmers Market Moves to the Harbour\n\nPublished March 5, 2024\n\n"
        "The weekly farmers market will move to the harbour front in April.\n",
        ("article.published", "[(item.text, item.reason) for item in article.removed]"),
    ),
    "dateline": (
        "Ferry Service Resumes\n\n"
        "RIVERTON, Ore. (AP) — Ferry service across the river resumed on Tuesday.\n",
        ("article.dateline", "article.paragraphs[0].text"),
    ),
    "byline": (
        "Council Delays Budget Vote\n\nBy Lauren Hale and David Osei\n\n"
        "The council delayed its budget vote by a week on Monday.\n\n"
        "Sam Poe contributed reporting.\n",
        ("article.byline.authors", "[credit.text for credit in article.credits]"),
    ),
    "explainers": (
        "Town Weighs New Bus Routes\n\n"
        "The town is weighing three new bus routes to reach the growing east side.\n\n"
        "What the Plan Means\n\nCard 1 of 2\n\n"
        "Longer hours. Buses would run until midnight on weekdays and on Saturdays.\n\n"
        "New stops. Twelve stops would be added along the eastern ring road.\n\n"
        "A public hearing on the routes is scheduled for next Thursday at the town hall.\n",
        (
            "article.explainers[0].title",
            "[(card.number, card.heading) for card in article.explainers[0].cards]",
        ),
    ),
    "sections": (
        "School Board Approves New Calendar\n\n"
        "The school board approved a calendar on Monday that starts the year a week earlier "
        "and adds a break in February for families.\n\n"
        "What Changes for Families\n\n"
        "Parents will need to plan for a shorter summer, and the board said it would keep "
        "its summer programs open an extra week to help.\n",
        ("[(section.heading, len(section.paragraphs)) for section in article.sections]",),
    ),
    "quotes": (
        "Tenants Rally at City Hall\n\n"
        "Hundreds of tenants rallied outside City Hall on Tuesday.\n\n"
        "“We will be back,” said Rosa Jimenez, an organizer with the tenants union, "
        "“and next time we will have the votes.”\n",
        (
            "[(quote.text, quote.speaker, quote.speaker_role) for quote in article.quotes]",
            "[quote.spans for quote in article.quotes]",
        ),
    ),
}
# Rules that act on HTML input only: their examples are pages, parsed with parse_html.
HTML_EXAMPLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "markup": (
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>\n'
        "<article><h1>Dam gates opened</h1><p>Engineers opened the dam's gates on Friday "
        "after a week of rain, the water board said.</p></article>\n"
        '<footer class="site-footer"><p>All rights reserved.</p></footer>\n',
        ("[(item.text, item.category) for item in article.removed]", "article.text"),
    ),
    "metadata": (
        '<meta property="og:site_name" content="River News">\n'
        '<meta property="article:published_time" content="2024-05-03T08:00:00Z">\n'
        '<meta name="author" content="Ana Ruiz">\n'
        "<article><h1>Dam gates opened</h1><p>Engineers opened the gates on Friday.</p>"
        "</article>\n",
        ("(article.site, article.published, article.byline.authors)",),
    ),
}


def _markdown_of_docstring(text: str) -> str:
    """Docstring text as Markdown: Sphinx roles become code, ``x`` stays code."""
    return _ROLE.sub(lambda match: f"`{match.group(1)}`", inspect.cleandoc(text))


def _reasons(module_source: str) -> list[str]:
    """Reasons passed as literals to ``state.remove(...)`` / ``state.remove_block(...)``."""
    reasons: set[str] = set()
    for node in ast.walk(ast.parse(module_source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        position = {"remove": 2, "remove_block": 1}.get(node.func.attr)
        if position is None:
            continue
        arguments = [*node.args[position : position + 1]]
        arguments += [keyword.value for keyword in node.keywords if keyword.arg == "reason"]
        for argument in arguments:
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                reasons.add(argument.value)
    return sorted(reasons)


def _example(name: str) -> str:
    if name not in EXAMPLES and name not in HTML_EXAMPLES:
        return ""
    html = name in HTML_EXAMPLES
    text, expressions = HTML_EXAMPLES[name] if html else EXAMPLES[name]
    article = newsdoc.parse_html(text) if html else newsdoc.parse(text)
    lines = [f">>> article = newsdoc.{'parse_html' if html else 'parse'}(text)"]
    for expression in expressions:
        # Our own constant expressions, evaluated on the example article.
        value = eval(
            expression, {"__builtins__": {"len": len, "sorted": sorted}}, {"article": article}
        )
        lines += [f">>> {expression}", pprint.pformat(value, width=88)]
    shown = "\n".join(lines)
    return (
        f"**Example** (invented text, parsed when these docs were built):\n\n"
        f"```{'html' if html else 'text'}\n{text.rstrip()}\n```\n\n```python\n{shown}\n```\n"
    )


def _rule_section(position: int, rule: Rule) -> str:
    module = sys.modules[rule.function.__module__]
    source = inspect.getsource(module)
    parts = [
        f"## {position}. `{rule.name}`",
        "",
        f"Function `{rule.function.__module__}.{rule.function.__name__}`.",
        "",
        _markdown_of_docstring(module.__doc__ or "(no description)"),
        "",
    ]
    reasons = _reasons(source)
    if reasons:
        listed = ", ".join(f"`{reason}`" for reason in reasons)
        parts += [f"**Records in `Article.removed` with reason:** {listed}.", ""]
    vocabularies = sorted(set(_VOCAB_USE.findall(source)))
    if vocabularies:
        listed = ", ".join(f"`{word}`" for word in vocabularies)
        parts += [f"**Vocabularies used** (`newsdoc.vocab.Vocabulary` fields): {listed}.", ""]
    parts += [
        "**Turn it off or replace it:**",
        "",
        "```python",
        f'pipeline = newsdoc.Pipeline().disable("{rule.name}")  # turn it off',
        f'pipeline = newsdoc.Pipeline().replace("{rule.name}", my_rule)  # or run yours',
        "article = newsdoc.parse(text, config=newsdoc.ParserConfig(pipeline=pipeline))",
        "```",
        "",
        _example(rule.name),
    ]
    return "\n".join(parts)


def rules_reference() -> str:
    """Markdown for every default rule, in run order."""
    return "\n".join(
        _rule_section(position, rule) for position, rule in enumerate(DEFAULT_RULES, start=1)
    )


def rule_order() -> str:
    """The default order as one line of rule names."""
    return " → ".join(f"`{rule.name}`" for rule in DEFAULT_RULES)


def on_files(files: Any, config: Any) -> Any:
    """Add a placeholder for each page written elsewhere that does not exist yet."""
    from mkdocs.structure.files import File

    for name, (title, source) in PLACEHOLDERS.items():
        if files.get_file_from_path(name) is None:
            content = (
                f"# {title}\n\nThis page is written by {source} and was not present when "
                "these docs were built.\n"
            )
            files.append(File.generated(config, name, content=content))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Fill the generated parts of the rule reference and schema pages."""
    if page.file.src_uri == "rules.md":
        markdown = markdown.replace(ORDER_MARKER, rule_order())
        markdown = markdown.replace(RULES_MARKER, rules_reference())
    if page.file.src_uri == "schema.md":
        schema = json.dumps(json_schema(), indent=2, ensure_ascii=False)
        markdown = markdown.replace(SCHEMA_MARKER, f"```json\n{schema}\n```")
    return markdown
