"""The ordered list of named rules, and the API to disable, insert or replace them.

A rule is a plain function ``rule(state: DocumentState) -> None`` registered under a name.
The default order lives in :data:`DEFAULT_RULES`, on one screen::

    segment → markup → page → headline → duplicates → dek → boilerplate → dates
            → dateline → byline → explainers → sections → quotes → metadata

``dates`` runs before ``dateline`` so that a dateline's "March 3" resolves against a
publication stamp found on the page.

A :class:`Pipeline` is immutable: every edit returns a new pipeline, so a ``Parser`` stays
safe to share between threads and to pickle (rules must be module-level functions for that).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import attrs

from newsdoc.rules import (
    boilerplate,
    byline,
    dateline,
    dates,
    dek,
    duplicates,
    explainers,
    headline,
    markup,
    metadata,
    page,
    quotes,
    sections,
    segment,
)
from newsdoc.state import DocumentState

RuleFunction = Callable[[DocumentState], None]


@attrs.frozen(slots=True)
class Rule:
    """A named rule; ``name`` is what users disable it by."""

    name: str
    function: RuleFunction = attrs.field(eq=False)

    def __call__(self, state: DocumentState) -> None:
        """Run the rule on ``state``."""
        self.function(state)


DEFAULT_RULES: tuple[Rule, ...] = (
    Rule("segment", segment.segment),
    Rule("markup", markup.apply_markup),
    Rule("page", page.find_page_zone),
    Rule("headline", headline.find_headline),
    Rule("duplicates", duplicates.remove_duplicates),
    Rule("dek", dek.find_dek),
    Rule("boilerplate", boilerplate.remove_boilerplate),
    Rule("dates", dates.find_dates),
    Rule("dateline", dateline.find_dateline),
    Rule("byline", byline.find_byline),
    Rule("explainers", explainers.find_explainers),
    Rule("sections", sections.build_sections),
    Rule("quotes", quotes.find_quotes),
    Rule("metadata", metadata.merge_metadata),
)


def _validate_rules(_instance: object, _attribute: object, rules: tuple[Rule, ...]) -> None:
    names = [rule.name for rule in rules]
    duplicated = sorted({name for name in names if names.count(name) > 1})
    if duplicated:
        raise ValueError(f"Pipeline.rules: rule names must be unique, repeated: {duplicated}")


@attrs.frozen(slots=True)
class Pipeline:
    """An ordered, immutable list of rules with markdown-it style editing."""

    rules: tuple[Rule, ...] = attrs.field(default=DEFAULT_RULES, validator=_validate_rules)

    @property
    def names(self) -> tuple[str, ...]:
        """Rule names in run order."""
        return tuple(rule.name for rule in self.rules)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def _index(self, name: str) -> int:
        for index, rule in enumerate(self.rules):
            if rule.name == name:
                return index
        raise ValueError(f"no rule named {name!r}; rules are {list(self.names)}")

    def disable(self, *names: str) -> Pipeline:
        """A pipeline without the named rules."""
        for name in names:
            self._index(name)
        return Pipeline(tuple(rule for rule in self.rules if rule.name not in names))

    def only(self, names: Iterable[str]) -> Pipeline:
        """A pipeline keeping only the named rules, in their existing order."""
        wanted = set(names)
        for name in wanted:
            self._index(name)
        return Pipeline(tuple(rule for rule in self.rules if rule.name in wanted))

    def insert_before(self, name: str, rule: Rule) -> Pipeline:
        """A pipeline with ``rule`` inserted just before the rule called ``name``."""
        index = self._index(name)
        return Pipeline((*self.rules[:index], rule, *self.rules[index:]))

    def insert_after(self, name: str, rule: Rule) -> Pipeline:
        """A pipeline with ``rule`` inserted just after the rule called ``name``."""
        index = self._index(name) + 1
        return Pipeline((*self.rules[:index], rule, *self.rules[index:]))

    def replace(self, name: str, function: RuleFunction) -> Pipeline:
        """A pipeline where the rule called ``name`` runs ``function`` instead."""
        index = self._index(name)
        return Pipeline((*self.rules[:index], Rule(name, function), *self.rules[index + 1 :]))

    def append(self, rule: Rule) -> Pipeline:
        """A pipeline with ``rule`` run last."""
        return Pipeline((*self.rules, rule))
