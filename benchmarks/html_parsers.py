"""Measure the HTML parsers newsdoc could use: Lexbor (selectolax) and libxml2 (lxml).

    python -m benchmarks.html_parsers

Speed: parse each ``web_pages`` page (Dragnet and Readability sets) and walk every node, the
work the renderer needs; tolerance: markup nested 1,000 deep and unclosed paragraphs (does
every word come out?). The figures and the choice are in ``docs/html.md``.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in {None, ""}:  # run as a script
    sys.path[:0] = [str(Path(__file__).resolve().parents[1])]

from benchmarks.web_pages import SETS, iter_pages

DEEP = "<div>" * 1000 + "<p>deepest words</p>" + "</div>" * 1000
UNCLOSED = "<p>one<p>two<table><tr><td>three<td>four</table><p>five"


def _lexbor(html: bytes | str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    words = [node.text_content or "" for node in tree.root.traverse(include_text=True)]
    return " ".join(words)


def _lxml(html: bytes | str) -> str:
    import lxml.html

    tree = lxml.html.document_fromstring(html)
    return " ".join(tree.itertext())


PARSERS: dict[str, Callable[[bytes | str], str]] = {"lexbor": _lexbor, "lxml": _lxml}


def main() -> int:
    """Print median and total time per parser, then the tolerance checks."""
    pages = [html for name in SETS for _page, html in iter_pages(name)]
    print(f"{len(pages)} pages")
    for name, parse in PARSERS.items():
        times = []
        for html in pages:
            started = time.perf_counter()
            parse(html)
            times.append(time.perf_counter() - started)
        print(
            f"{name:7} median {1000 * statistics.median(times):.2f} ms, "
            f"max {1000 * max(times):.1f} ms, total {sum(times):.2f} s; "
            f"nested 1,000 deep keeps the text: {'deepest words' in parse(DEEP)}; "
            f"unclosed tags keep every word: {all(w in parse(UNCLOSED) for w in ('one', 'five'))}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
