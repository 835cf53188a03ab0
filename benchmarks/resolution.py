"""Score newsdoc's speaker resolution on the hand-labelled PolNeAR referents.

Run from the repository root: ``python -m benchmarks.resolution [dev|train]``. The gold is
``polnear/resolution/{dev,train}.jsonl`` under ``$NEWSDOC_CORPUS`` (or ``../shared/corpus``): for
quotes whose PolNeAR source is a pronoun or a description, the person or body it refers to, or
none when the article never names it. The matching of quotes and of names is the reference
scorer's (``shared/eval/score_resolution.py``, loaded from beside the corpus and used as it is),
so the figures here are that script's:

- accuracy over matched quotes, and over pronoun and description mentions apart;
- anonymous kept anonymous: a speaker the article never names is given no invented name.
"""

from __future__ import annotations

import collections
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

if __package__ in {None, ""}:  # run as a script: make ``benchmarks`` and ``newsdoc`` importable
    sys.path[:0] = [
        str(Path(__file__).resolve().parents[1]),
        str(Path(__file__).resolve().parents[1] / "src"),
    ]

from benchmarks import corpora

SPLITS = ("dev", "train")
# the targets of issue 16, by figure
TARGETS = {"accuracy": 0.85, "pronoun_acc": 0.88, "description_acc": 0.75, "anonymous_ok": 0.95}


def reference_scorer() -> ModuleType | None:
    """The shared reference scorer module, or None when it is not beside the corpus."""
    path = corpora.corpus_root().parent / "eval" / "score_resolution.py"
    if not path.exists():
        return None
    sys.path.insert(0, str(path.parent))  # it imports score_polnear from its own folder
    try:
        spec = importlib.util.spec_from_file_location("score_resolution", path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module


def score(split: str, scorer: ModuleType | None = None) -> dict[str, Any] | None:
    """The resolution figures of ``split`` (None when its gold or the scorer is absent)."""
    root = corpora.corpus_root() / "polnear"
    gold_path = root / "resolution" / f"{split}.jsonl"
    split_dir = root / "data" / split
    scorer = scorer or reference_scorer()
    if scorer is None or not gold_path.exists() or not split_dir.exists():
        return None
    lines = gold_path.read_text(encoding="utf-8").splitlines()
    by_doc: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for line in lines:
        if line.strip():
            item = json.loads(line)
            by_doc[item["doc"]].append(item)
    tally: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for doc, items in sorted(by_doc.items()):
        text = (split_dir / "text" / doc).read_text(encoding="utf-8")
        gold = scorer.read_ann(split_dir / "attributions" / items[0]["ann"])
        predictions = scorer.predict(text)
        matched = scorer.match(predictions, gold)
        for item in items:
            fragments = [tuple(f) for f in item["content_fragments"]]
            index = next(
                (k for k, g in enumerate(gold) if [tuple(f) for f in g["content"]] == fragments),
                None,
            )
            if index is None or index not in matched:
                continue
            speaker = predictions[matched[index]]["speaker"]
            kind = item["referent_type"]
            if kind == "anonymous":
                right = not scorer.invents_name(speaker, item["source"])
            else:
                right = scorer.names_match(speaker, item["referent"], kind, item.get("aliases", []))
            for key in ("all", item["mention_type"], kind):
                tally[key][0] += right
                tally[key][1] += 1

    def share(key: str) -> float:
        right, total = tally[key]
        return right / total if total else 0.0

    return {
        "accuracy": share("all"),
        "pronoun_acc": share("pronoun"),
        "description_acc": share("description"),
        "anonymous_ok": share("anonymous"),
        "matched": tally["all"][1],
        "pronouns": tally["pronoun"][1],
        "descriptions": tally["description"][1],
        "anonymous": tally["anonymous"][1],
    }


def main(argv: list[str] | None = None) -> int:
    """Print the figures of the named splits (both by default)."""
    for split in argv or list(SPLITS):
        figures = score(split)
        if figures is None:
            print(f"resolution[{split}]: gold or reference scorer not found")
            continue
        shown = " ".join(f"{key}={value:.3f}" for key, value in figures.items() if key in TARGETS)
        print(f"resolution[{split}]: {shown} n={figures['matched']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
