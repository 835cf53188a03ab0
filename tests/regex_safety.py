"""A static check that a regex cannot backtrack without bound (issue #18).

A backtracking engine is slow only when it can match the same text in many ways. The check
builds the pattern's position automaton (Glushkov: one state per character test, ``a*``
loops back onto itself) with every repeat of more than one taken as unbounded (``{1,30}``
is ``+``: a bounded repeat of a long run is as slow in practice), look-arounds taken out
of the main path, and for a search a leading loop over any character (a search tries every
start). It then looks, in the product of the automaton with itself, for the two shapes that
make backtracking super-linear:

- *exponential*: two different paths from one state back to itself on the same text
  (``(a|a)*``; and ``(a+)+``, ``(\\w+\\s?)+``, where the inner and the outer loop make the
  same step, an edge the automaton would merge and the check counts twice);
- *polynomial*: states p ≠ q with paths p→p, p→q and q→q on the same text (``\\s*\\s+x``,
  ``\\w+\\d+``), which costs a square (or more) of the run's length; flagged when both
  loops are unbounded (a bounded one costs at most its bound times the other's length).

For a search, the leading loop and a loop of the pattern reading the same text count only
when an attempt can still fail after that loop and a later start can fall inside what it read
(``\\s+x``); not when every path to the loop passes a point after which the rest can be
skipped with no test and nothing read after such a point can open a match (``\\s+``,
``[A-Z][a-z]*(?: [A-Z][a-z]*)*``). A look-around holding an unbounded repeat inside a repeat
re-reads its text on every round, and is flagged; each look-around is checked on its own;
back-references are flagged.

The product test over-approximates (it asks that each pair of the three paths share a text,
not all three; atomic groups and possessive repeats are read as plain ones, which can only add
paths), so a pattern it flags may still be safe: those are listed, with the reason, in the
test's allow-list. Not modelled: flags scoped to a group (``(?i:…)``; the package has none),
and characters outside the sample below.

Character tests are compared by the engine itself: each is compiled alone and run over a
sample of characters (ASCII, Latin, general punctuation, symbols, and a few from each further
block), so two tests overlap when the engine gives a character to both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import attrs
import regex

from regex_syntax import START, Alt, Atom, BackReference, Look, Repeat, Seq, Test, read

_SAMPLE_RANGES = (
    (0x0000, 0x3400),  # ASCII to CJK punctuation: every script and mark news text uses
    (0x4E00, 0x4E20),
    (0xAC00, 0xAC10),
    (0xD7FB, 0xD800),  # the last characters before the surrogates
    (0xE000, 0xE010),
    (0xFB00, 0xFB10),
    (0xFE00, 0xFFFE),  # variation selectors, BOM, full-width forms, specials
    (0x10000, 0x10010),
    (0x1D400, 0x1D410),
    (0x1F300, 0x1F320),
    (0x1F600, 0x1F610),
    (0x20000, 0x20010),
    (0xE0000, 0xE0080),  # tags
    (0x10FFF0, 0x10FFFE),
)
SAMPLE = "".join(chr(c) for low, high in _SAMPLE_RANGES for c in range(low, high))
_MARK = "\U0010ffff"  # not in the sample: it marks the characters a test takes
_TO_BITS = {ord(c): "0" for c in SAMPLE} | {ord(_MARK): "1"}
ANY = (1 << len(SAMPLE)) - 1


@cache
def _mask(engine: str, source: str, flags: int) -> int:
    """The sample characters the character test ``source`` takes, as bits."""
    module: Any = regex if engine == "regex" else re
    compiled = module.compile(f"(?:{source})", flags)
    return int(compiled.sub(_MARK, SAMPLE).translate(_TO_BITS)[::-1], 2)


@attrs.define
class Automaton:
    """Positions (character tests), which may follow which, and the problems met building it."""

    engine: str
    flags: int
    masks: list[int] = attrs.Factory(list)
    sources: list[str] = attrs.Factory(list)
    follow: list[set[int]] = attrs.Factory(list)
    unbounded: list[bool] = attrs.Factory(list)  # inside a repeat with no upper bound
    # Edges made twice (``(a+)+``: the inner and the outer loop both lead from a to a): two
    # ways to take one step, which the position automaton otherwise merges.
    doubled: set[tuple[int, int]] = attrs.Factory(set)
    looks: list[tuple[Any, bool]] = attrs.Factory(list)  # (body, inside a repeat)
    problems: list[str] = attrs.Factory(list)

    def add(self, source: str, mask: int, unbounded: bool = True) -> int:
        self.masks.append(mask)
        self.sources.append(source)
        self.follow.append(set())
        self.unbounded.append(unbounded)
        return len(self.masks) - 1

    def link(self, position: int, targets: set[int]) -> None:
        """Add the edges from ``position`` to ``targets``, noting those already there."""
        self.doubled.update((position, target) for target in targets & self.follow[position])
        self.follow[position] |= targets

    def build(self, node: Any, looping: bool = False, unbounded: bool = False) -> _Parts:
        """The first and last positions of ``node`` and more (see :class:`_Parts`), adding the
        edges inside it."""
        if isinstance(node, Atom):
            mask = _mask(self.engine, node.source, self.flags)
            index = self.add(node.source, mask, unbounded)
            return _Parts(False, False, {index}, {index}, {index})
        if isinstance(node, (Look, Test, BackReference)):
            if isinstance(node, Look):
                self.looks.append((node.body, looping))
            if isinstance(node, BackReference):
                self.problems.append("a back-reference")
            return _Parts(True, False, set(), set(), set())
        if isinstance(node, Alt):
            parts = [self.build(option, looping, unbounded) for option in node.options]
            return _Parts(
                any(part.nullable for part in parts),
                any(part.free for part in parts),
                set().union(*(part.first for part in parts)),
                set().union(*(part.last for part in parts)),
                set().union(*(part.free_last for part in parts)),
            )
        if isinstance(node, Repeat):
            if node.high == 0:
                return _Parts(True, True, set(), set(), set())
            loops = node.high is None or node.high > 1
            body = self.build(node.body, looping or loops, unbounded or node.high is None)
            if loops:
                for position in body.last:
                    self.link(position, body.first)
            optional = node.low == 0
            return _Parts(
                body.nullable or optional,
                body.free or optional,
                body.first,
                body.last,
                body.free_last,
            )
        assert isinstance(node, Seq)
        whole = _Parts(True, True, set(), set(), set())
        for item in node.items:
            part = self.build(item, looping, unbounded)
            for position in whole.last:
                self.link(position, part.first)
            whole = _Parts(
                whole.nullable and part.nullable,
                whole.free and part.free,
                whole.first | part.first if whole.nullable else whole.first,
                part.last | (whole.last if part.nullable else set()),
                part.free_last | (whole.free_last if part.free else set()),
            )
        return whole


@attrs.frozen
class _Parts:
    """What a sub-pattern contributes to the automaton."""

    nullable: bool  # it can match the empty text (zero-width tests passing)
    free: bool  # ... with no test that could fail
    first: set[int]  # positions that can start it
    last: set[int]  # positions that can end it
    free_last: set[int]  # positions after which the rest of it can be skipped, no test


def _has_unbounded_repeat(node: Any) -> bool:
    if isinstance(node, Repeat):
        return node.high is None or _has_unbounded_repeat(node.body)
    if isinstance(node, (Seq, Alt)):
        children = node.items if isinstance(node, Seq) else node.options
        return any(_has_unbounded_repeat(child) for child in children)
    if isinstance(node, Look):
        return _has_unbounded_repeat(node.body)
    return False


def _strongly_connected(nodes: set[tuple[int, int]], edges: dict[Any, list[Any]]) -> list[Any]:
    """Tarjan's components (iterative), each as a list of nodes."""
    index: dict[Any, int] = {}
    low: dict[Any, int] = {}
    stack: list[Any] = []
    on_stack: set[Any] = set()
    components = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(edges.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            advanced = False
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = counter
                    counter += 1
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(edges.get(successor, ()))))
                    advanced = True
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    return components


def _reachable(start: Any, edges: dict[Any, list[Any]]) -> set[Any]:
    """Nodes reachable from ``start`` by one step or more."""
    seen: set[Any] = set()
    frontier = list(edges.get(start, ()))
    while frontier:
        node = frontier.pop()
        if node not in seen:
            seen.add(node)
            frontier.extend(edges.get(node, ()))
    return seen


def _search_safe(automaton: Automaton, first: set[int], final: set[int]) -> set[int]:
    """Loops a search's later starts cannot read again.

    An attempt that has passed a position after which the rest can be skipped with no test
    (``final``) succeeds, and the search goes on after its match: what it read there is not
    read again. Past its last such position it can still fail, but when no character read
    there (by positions between final ones) can open a match, no later attempt starts inside
    that stretch either. The loops always reached through a final position are then safe.
    """
    follow, masks = automaton.follow, automaton.masks

    def through_non_final(starts: set[int]) -> set[int]:
        seen: set[int] = set()
        frontier = [position for position in starts if position not in final]
        while frontier:
            position = frontier.pop()
            if position not in seen:
                seen.add(position)
                frontier.extend(n for n in follow[position] if n not in final)
        return seen

    before_final = through_non_final(first)
    after_final = through_non_final(set().union(*(follow[p] for p in final)) if final else set())
    opening = 0
    for position in first:
        opening |= masks[position]
    if any(masks[position] & opening for position in after_final):
        return set(final)
    return set(range(len(masks))) - before_final


def _ambiguities(automaton: Automaton, safe: set[int], anywhere: int | None) -> Iterator[str]:
    """The exponential and polynomial shapes in the automaton's product with itself (a loop
    in ``safe`` is not counted against the search's own loop, see :func:`_search_safe`)."""
    masks, follow = automaton.masks, automaton.follow
    edges: dict[tuple[int, int], list[tuple[int, int]]] = {}
    nodes = set()
    for p, p_next in enumerate(follow):
        for q, q_next in enumerate(follow):
            if not masks[p] & masks[q]:
                continue
            nodes.add((p, q))
            edges[(p, q)] = [(a, b) for a in p_next for b in q_next if masks[a] & masks[b]]
    cyclic: set[tuple[int, int]] = set()
    for component in _strongly_connected(nodes, edges):
        if len(component) == 1 and component[0] not in edges.get(component[0], ()):
            continue
        cyclic.update(component)
        diagonal = [p for p, q in component if p == q]
        members = set(component)
        doubled = [
            p
            for p in diagonal
            for a, b in edges[(p, p)]
            if a == b and (p, a) in automaton.doubled and (a, a) in members
        ]
        if doubled or (diagonal and len(diagonal) < len(component)):
            p = (doubled or diagonal)[0]
            yield f"exponential: two ways round the loop at {automaton.sources[p]!r}"
    reach: dict[tuple[int, int], set[tuple[int, int]]] = {}
    for p, q in sorted(cyclic):
        if p == q or (p, p) not in cyclic or (q, q) not in cyclic:
            continue
        if p == anywhere and q in safe:
            continue
        if not (automaton.unbounded[p] and automaton.unbounded[q]):
            continue  # a bounded loop: at most its bound times the other's length
        if (p, p) not in reach:
            reach[(p, p)] = _reachable((p, p), edges)
        if (p, q) not in reach[(p, p)]:
            continue
        if (p, q) not in reach:
            reach[(p, q)] = _reachable((p, q), edges)
        if (q, q) in reach[(p, q)]:
            sources = automaton.sources
            yield f"polynomial: loops at {sources[p]!r} then {sources[q]!r} take the same text"


def problems(
    pattern: re.Pattern[str] | re.Pattern[bytes] | regex.Pattern[str], search: bool
) -> list[str]:
    """Why ``pattern`` may backtrack without bound (empty when it cannot); ``search``: it is
    used to search (every start tried), not only to match at one place."""
    engine = "regex" if isinstance(pattern, regex.Pattern) else "re"
    verbose_flag = regex.VERBOSE if engine == "regex" else re.VERBOSE
    flags = pattern.flags & ~verbose_flag
    source = pattern.pattern
    if isinstance(source, bytes):  # a bytes pattern: one character per byte
        source = source.decode("latin-1")
    return check(read(source, bool(pattern.flags & verbose_flag)), engine, flags, search)


def _opens_with_start(tree: Any) -> bool:
    """The pattern opens with ``^`` or ``\\A`` on every branch."""
    if isinstance(tree, Alt):
        return all(_opens_with_start(option) for option in tree.options)
    if isinstance(tree, Seq):
        return bool(tree.items) and _opens_with_start(tree.items[0])
    return tree == START


def check(tree: Any, engine: str, flags: int, search: bool) -> list[str]:
    """The problems of one syntax tree (see :func:`problems`)."""
    automaton = Automaton(engine, flags)
    parts = automaton.build(tree)
    anywhere = None
    multiline = flags & (regex.MULTILINE if engine == "regex" else re.MULTILINE)
    if search and _opens_with_start(tree) and not multiline:
        search = False  # only the start of the text is tried
    if search:
        anywhere = automaton.add("<any character before the match>", ANY)
        automaton.follow[anywhere].add(anywhere)
        if _opens_with_start(tree):
            # A start is tried after each line break only: the text before it ends in one.
            line_break = automaton.add("<a line break before the match>", _mask(engine, "\n", 0))
            automaton.follow[anywhere].add(line_break)
            automaton.follow[line_break] |= parts.first
        else:
            automaton.follow[anywhere] |= parts.first
    found = list(automaton.problems)
    safe = _search_safe(automaton, parts.first, parts.free_last) if search else set()
    found.extend(dict.fromkeys(_ambiguities(automaton, safe, anywhere)))
    for body, looping in automaton.looks:
        if looping and _has_unbounded_repeat(body):
            found.append("a look-around with an unbounded repeat inside a repeat")
        found.extend(f"in a look-around: {item}" for item in check(body, engine, flags, False))
    return found
