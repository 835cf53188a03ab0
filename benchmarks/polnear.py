"""Score ``newsdoc.parse(text).quotes`` against PolNeAR attribution relations.

Run from the repository root: ``python -m benchmarks.polnear [SPLIT_DIR]`` (default: the dev
split under ``$NEWSDOC_CORPUS`` or ``../shared/corpus``). The scoring is the shared reference
scorer's (``shared/eval/score_polnear.py``), re-implemented so the accuracy harness can call
:func:`score`:

- gold: one ``.ann`` per article (the first by name); a relation's content is the union of
  its ``Content``/``Content2`` fragments, its speaker the ``Source`` span (or none);
- the slice scored is the gold relations whose content holds a double quote mark;
- predictions match gold one-to-one, greedily by the share of the prediction's characters
  inside the gold content (at least 0.5); matches outside the slice count neither way, and an
  unmatched prediction lying mostly inside some gold content is not a false positive;
- a matched speaker is right when the predicted ``speaker_span`` lies inside the gold Source,
  or when both are absent.

``docs_per_s`` is measured in CPU time of ``newsdoc.parse`` alone (one core), so a busy
machine does not lower it; the reference scorer's wall-clock figure can be lower.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

if __package__ in {None, ""}:  # run as a script: make ``benchmarks`` and ``newsdoc`` importable
    sys.path[:0] = [
        str(Path(__file__).resolve().parents[1]),
        str(Path(__file__).resolve().parents[1] / "src"),
    ]

import newsdoc

Fragments = list[tuple[int, int]]
Relation = dict[str, Fragments]
_QUOTE_MARKS = frozenset('"“”')
_LINE_START = re.compile(r"^[TEAN#]\d*\t")
_TRIM = "\"“”‘’' ,.;:"


def default_split() -> Path:
    """The PolNeAR dev split under ``$NEWSDOC_CORPUS`` (or ``../shared/corpus``)."""
    import os

    configured = os.environ.get("NEWSDOC_CORPUS")
    root = Path(configured) if configured else Path(__file__).resolve().parents[2] / "shared/corpus"
    return root / "polnear" / "data" / "dev"


def _resolve_split(split_dir: Path) -> Path:
    """Accept ``polnear/data/dev`` or the shorter ``polnear/dev``."""
    if (split_dir / "text").is_dir():
        return split_dir
    alternative = split_dir.parent / "data" / split_dir.name
    if (alternative / "text").is_dir():
        return alternative
    raise FileNotFoundError(f"no PolNeAR split with a text/ folder at {split_dir}")


def read_relations(path: Path) -> list[Relation]:
    """The attribution relations of one brat ``.ann`` file (content, source, cue fragments)."""
    lines: list[str] = []
    for raw in path.read_text(encoding="utf-8").split("\n"):
        if _LINE_START.match(raw) or raw.startswith("#") or not lines:
            lines.append(raw)
        else:
            lines[-1] += "\n" + raw  # a surface text holding a newline continues here
    spans: dict[str, Fragments] = {}
    for line in lines:
        if line.startswith("T"):
            identifier, middle = line.split("\t")[:2]
            offsets = middle.split(" ", 1)[1]
            spans[identifier] = [
                (int(part.split()[0]), int(part.split()[1])) for part in offsets.split(";")
            ]
    relations: list[Relation] = []
    for line in lines:
        if not line.startswith("E"):
            continue
        roles: dict[str, list[str]] = {}
        for argument in line.split("\t")[1].split()[1:]:
            role, target = argument.split(":")
            roles.setdefault(role, []).append(target)
        content = [
            f for role in ("Content", "Content2") for t in roles.get(role, []) for f in spans[t]
        ]
        if content:
            source = [f for t in roles.get("Source", []) for f in spans[t]]
            relations.append({"content": content, "source": source})
    return relations


def _chars(fragments: Fragments) -> set[int]:
    return {index for start, end in fragments for index in range(start, end)}


def _trimmed(text: str, fragments: Fragments) -> str:
    joined = " ".join(text[start:end] for start, end in fragments)
    return re.sub(r"\s+", " ", joined).strip().strip(_TRIM).strip()


def _f1(hits: int, predicted: int, gold: int) -> float:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _relation_in_slice(text: str, relation: Relation) -> bool:
    return any(text[i] in _QUOTE_MARKS for i in _chars(relation["content"]) if i < len(text))


def _predictions(article: newsdoc.Article) -> list[tuple[Fragments, Fragments]]:
    found = []
    for quote in article.quotes:
        speaker = quote.speaker_span
        found.append(
            (
                [(span.start, span.end) for span in quote.spans],
                [] if speaker is None else [(speaker.start, speaker.end)],
            )
        )
    return found


def score_document(text: str, gold: list[Relation], article: newsdoc.Article) -> Counter[str]:
    """Counts for one article: gold, matched, exact, speaker_right, false_positives."""
    counts: Counter[str] = Counter()
    in_slice = [_relation_in_slice(text, relation) for relation in gold]
    counts["gold"] = sum(in_slice)
    predictions = _predictions(article)
    gold_chars = [_chars(relation["content"]) for relation in gold]
    pairs = []
    for p_index, (content, _) in enumerate(predictions):
        predicted = _chars(content)
        for g_index, gold_content in enumerate(gold_chars):
            overlap = len(predicted & gold_content)
            if overlap:
                pairs.append((overlap / len(predicted), p_index, g_index))
    pairs.sort(reverse=True)
    used_predictions: set[int] = set()
    used_gold: set[int] = set()
    for share, p_index, g_index in pairs:
        if share < 0.5 or p_index in used_predictions or g_index in used_gold:
            continue
        used_predictions.add(p_index)
        used_gold.add(g_index)
        if not in_slice[g_index]:
            continue  # a match outside the slice counts neither way
        counts["matched"] += 1
        content, speaker = predictions[p_index]
        counts["exact"] += _trimmed(text, content) == _trimmed(text, gold[g_index]["content"])
        gold_source, predicted_source = _chars(gold[g_index]["source"]), _chars(speaker)
        counts["speaker_right"] += (not gold_source and not predicted_source) or (
            bool(predicted_source) and bool(gold_source) and predicted_source <= gold_source
        )
    all_gold = set().union(*gold_chars) if gold_chars else set()
    for p_index, (content, _) in enumerate(predictions):
        predicted = _chars(content)
        if p_index in used_predictions or not predicted:
            continue
        # a prediction mostly inside some gold content is another fragment of it
        counts["false_positives"] += len(predicted & all_gold) / len(predicted) < 0.5
    return counts


def score(split_dir: Path) -> dict[str, float]:
    """Figures for one split: e2e_f1, content_f1, exact_f1, speaker_acc, docs_per_s, ..."""
    split = _resolve_split(Path(split_dir))
    totals: Counter[str] = Counter()
    parse_seconds = 0.0
    newsdoc.parse("Warm-up.")  # load the vocabulary outside the timed parses
    for text_path in sorted((split / "text").glob("*.txt")):
        annotations = sorted((split / "attributions").glob(text_path.stem + "_*.ann"))
        if not annotations:
            continue
        text = text_path.read_text(encoding="utf-8")
        started = time.process_time()  # CPU time: single-core speed, whatever else runs
        article = newsdoc.parse(text)
        parse_seconds += time.process_time() - started
        totals["documents"] += 1
        totals.update(score_document(text, read_relations(annotations[0]), article))
    predicted = totals["matched"] + totals["false_positives"]
    gold = totals["gold"]
    return {
        "e2e_f1": _f1(totals["speaker_right"], predicted, gold),
        "content_f1": _f1(totals["matched"], predicted, gold),
        "content_precision": totals["matched"] / predicted if predicted else 0.0,
        "content_recall": totals["matched"] / gold if gold else 0.0,
        "exact_f1": _f1(totals["exact"], predicted, gold),
        "speaker_acc": totals["speaker_right"] / totals["matched"] if totals["matched"] else 0.0,
        "docs_per_s": totals["documents"] / parse_seconds if parse_seconds else 0.0,
        "documents": float(totals["documents"]),
        "gold_quotes": float(gold),
    }


def main(argv: list[str] | None = None) -> None:
    """Print the figures for the split given on the command line (default: dev)."""
    arguments = sys.argv[1:] if argv is None else argv
    split = Path(arguments[0]) if arguments else default_split()
    results = score(split)
    for name, value in results.items():
        print(f"{name:18} {value:.3f}")


if __name__ == "__main__":
    main()
