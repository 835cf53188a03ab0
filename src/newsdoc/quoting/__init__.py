"""Quote finding and speaker attribution: pure functions over source offsets.

The stages, each a module:

- ``marks``: pair quotation marks in a paragraph (curly, straight, guillemets; apostrophes
  are never marks; a stray mark spoils only its own paragraph);
- ``tokens``: split a paragraph into words, punctuation and whole-quote tokens; sentences;
- ``windows``: in a long paragraph, tokenize only the sentences around its quotes. The rules
  must walk from token to token (reading at most three past the last one walked to, or jumping
  back at most ``MAX_CONTEXT``), so that a read outside a window meets a gap token and the
  window grows; ``tests/test_quoting_windows.py`` checks windowed and whole readings agree;
- ``kinds``: direct quote, partial quote, or not a quote (titles, nicknames, markup);
- ``names`` and ``inverted``: the speaker mention next to a cue, its title or apposition role;
- ``cues``: cue verbs (``vocab/speech_verbs.txt``), not in the passive nor as nouns;
- ``clauses``: where a clause starts, its introductory phrase and opening subject;
- ``attribution``: the frames around a quote and the clause that reports it;
- ``precedence``: which frame attributes a quote;
- ``resolve``: link "Mr. Rau", "she" or "which" to the full name seen earlier, from the
  people and bodies the ``scan`` of capitalised runs finds (``run_words``: what a run's words
  say, kept per vocabulary; ``lowercase``: whether the text writes a word in lower case);
- ``extract``: put it together into :class:`newsdoc.model.Quote` records.

Measured on PolNeAR dev (``benchmarks/polnear.py``): content F1 0.965, speaker accuracy on
matched quotes 0.923, end-to-end F1 0.891 (train: 0.953, 0.893, 0.851).
"""

from __future__ import annotations

from newsdoc.quoting.extract import extract_quotes

__all__ = ["extract_quotes"]
