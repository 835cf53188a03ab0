"""What a capitalised run's words say by themselves (``newsdoc.quoting.run_words``)."""

from __future__ import annotations

import attrs
import pytest

from newsdoc.quoting.run_words import RunWords, read_run
from newsdoc.vocab import default_vocabulary

VOCAB = default_vocabulary()


@pytest.mark.parametrize(
    ("run", "reading"),
    [
        ("Sen. Maren Holt", RunWords(None, ("senator", None), ("Maren", "Holt"), None)),
        ("Mr. Rau", RunWords(None, None, ("Rau",), "Mr.")),
        ("The Harbour Daily News", RunWords((4, "Harbour Daily News"), None, (), None)),
        ("Biden Aims Insult At Trump", RunWords(None, None, (), None)),
    ],
)
def test_read_run(run: str, reading: RunWords) -> None:
    """A run's body, title, name words and honorific, read from its words alone."""
    assert read_run(run, VOCAB) == reading


def test_readings_are_kept_per_vocabulary() -> None:
    """A run met again is not read again; another vocabulary reads it afresh."""
    assert read_run("Mayor Jan Oduya", VOCAB) is read_run("Mayor Jan Oduya", VOCAB)
    other = attrs.evolve(VOCAB, role_titles={})
    assert read_run("Mayor Jan Oduya", other).title is None
    assert read_run("Mayor Jan Oduya", VOCAB).title is not None
