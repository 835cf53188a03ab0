"""Quote windows: tokenizing only the sentences around quotes changes no result.

The windows' tokens must be exactly the whole paragraph's tokens at the same offsets, a read
outside them must raise, and the quotes of any text must be those found on whole paragraphs.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsdoc
from newsdoc.quoting import extract
from newsdoc.quoting.marks import find_quote_parts
from newsdoc.quoting.tokens import MAX_CONTEXT, tokenize
from newsdoc.quoting.windows import OutsideWindowError, Windows, is_gap
from newsdoc.vocab import default_vocabulary

_ABBREVIATIONS = default_vocabulary().abbreviations

# Sentences in the shapes the cuts and the rules care about: sure sentence ends, abbreviations,
# initialisms, numbers, quotes that open or close a sentence, attributions before and after,
# titles in quotes, a colon introduction, and quotes whose speaker is named sentences before.
_SENTENCES = [
    "The council met on Tuesday.",
    "Mayor Dana Whitfield proposed the study.",
    "Mr. Pruitt runs a bait shop.",
    "It cost $1.2 million in 2015.",
    "The U.S. Senate voted late.",
    "Officials in the U.S. The plan stalled.",
    "“We cannot keep pumping,” said Whitfield.",
    "“Either we build it or we retreat.” Whitfield said on Monday.",
    "“We won.” That was all.",
    "Whitfield added: “We will wait.”",
    "“People come here to see the water,” he said, “not a wall.”",
    "She called the plan a “dead end” approach.",
    "The film “Independence Day” opens soon.",
    "Critics were blunt, saying the wall was “ugly.”",
    "Did it work? Nobody knows.",
    "He left (quietly). Then he returned.",
    "“Is this it?” asked Sen. Ruiz, D-Calif.",
    "According to Ms. Vance, “the vote is close.”",
    "Schiff, 47, said the town had no choice.",
    "“It is unlikely,” Chief Inspector Brad Ebanks told Cayman 27.",
    "Harold Pruitt disagreed. “People come here to see the water.”",
    "no. 5 ranked. The end.",
    'He said "we are done." Then silence.',
    "Dana Whitfield said the town would wait.",
    "“We cannot keep pumping.”",
    "The water rose again.",
    "“Open to the end of the paragraph",
]


def _text(choices: list[int], breaks: list[bool]) -> str:
    """The chosen sentences, a paragraph break before each one whose ``breaks`` flag is set."""
    pieces = ["Headline for a test story"]
    for choice, new_paragraph in zip(choices, breaks, strict=False):
        pieces.append("\n\n" if new_paragraph or len(pieces) == 1 else " ")
        pieces.append(_SENTENCES[choice])
    return "".join(pieces)


_CHOICES = st.lists(st.integers(0, len(_SENTENCES) - 1), min_size=1, max_size=40)
_BREAKS = st.lists(st.sampled_from([False] * 9 + [True]), min_size=40, max_size=40)


def _quotes(text: str, windowed: bool, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    monkeypatch.setattr(extract, "MIN_WINDOWED", 0 if windowed else 10**9)
    return list(newsdoc.parse(text).to_dict()["quotes"])


@settings(max_examples=300, deadline=None)
@given(_CHOICES, _BREAKS)
def test_windowed_reading_finds_the_quotes_of_whole_paragraphs(
    choices: list[int], breaks: list[bool]
) -> None:
    """Any mix of the sentence shapes, in long paragraphs or short ones: same quotes, speakers,
    roles, cues and spans whether paragraphs are read in windows or whole."""
    text = _text(choices, breaks)
    with pytest.MonkeyPatch.context() as patch:
        windowed = _quotes(text, True, patch)
        whole = _quotes(text, False, patch)
    assert windowed == whole


@settings(max_examples=300, deadline=None)
@given(_CHOICES)
def test_window_tokens_are_the_whole_paragraphs_tokens(choices: list[int]) -> None:
    """Every token in the windows is the whole paragraph's token at that offset, with the same
    sentence end; every quote token is there; gaps stand only between windows."""
    source = " ".join(_SENTENCES[choice] for choice in choices)
    parts = find_quote_parts(source, 0, len(source))
    whole = {
        token.start: token for token in tokenize(source, 0, len(source), parts, _ABBREVIATIONS)
    }
    windows = Windows(source, 0, len(source), parts, _ABBREVIATIONS)
    real = [token for token in windows.tokens if not is_gap(token)]
    for token in real:
        assert attrs.astuple(token, recurse=False) == attrs.astuple(
            whole[token.start], recurse=False
        )
    assert [windows.tokens[index].start for index in windows.quotes] == [
        part.start for part in parts
    ]
    assert [token.start for token in real] == sorted({token.start for token in real})


@settings(max_examples=100, deadline=None)
@given(_CHOICES)
def test_a_jump_back_from_a_window_lands_in_its_gap(choices: list[int]) -> None:
    """The one long reach of the rules, ``MAX_CONTEXT`` tokens back from a quote's sentence,
    never lands in an earlier window: a gap is longer than that."""
    source = ". ".join(["The water rose over the harbor steps again"] * 30) + ". "
    source += " ".join(_SENTENCES[choice] for choice in choices) + " " + source
    parts = find_quote_parts(source, 0, len(source))
    windows = Windows(source, 0, len(source), parts, _ABBREVIATIONS, [0])
    tokens = windows.tokens
    openings = [i for i in range(1, len(tokens)) if is_gap(tokens[i - 1]) and not is_gap(tokens[i])]
    for opening in openings:
        # the window's first sentence starts after "word ." (two tokens)
        assert all(is_gap(token) for token in tokens[opening + 2 - MAX_CONTEXT : opening])


def test_a_read_outside_the_windows_raises() -> None:
    """The gap between two windows stands for text never tokenized: reading it raises."""
    filler = "The council met again. " * 20
    source = f"“We agree,” said Anna Brezina. {filler}“No,” Ms. Brezina said."
    parts = find_quote_parts(source, 0, len(source))
    windows = Windows(source, 0, len(source), parts, _ABBREVIATIONS)
    gaps = [token for token in windows.tokens if is_gap(token)]
    assert gaps
    assert len(windows.tokens) - len(gaps) < 30
    with pytest.raises(OutsideWindowError) as raised:
        _ = gaps[0].text
    low, high = raised.value.skipped
    assert source[low:high] in filler  # the filler, skipped
    assert high - low > len(filler) / 2


def test_a_speaker_named_in_the_sentence_before_is_found_by_growing_the_window() -> None:
    """“…” with no speaker in its sentence takes the cue of the sentence before ("…, Dana
    Whitfield said. “…”"): the rule reads past its window, and the window grows."""
    filler = "The water rose over the harbor steps again. " * 30
    text = (
        f"Sea wall\n\n{filler}The plan has critics, Dana Whitfield said."
        f" “We cannot keep pumping out the same basements.” {filler}"
    )
    grown = []
    grow = extract._Paragraph.grow
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract._Paragraph, "grow", lambda *args: grown.append(1) or grow(*args))
        windowed = _quotes(text, True, patch)
        assert grown == [1]
        whole = _quotes(text, False, patch)
    assert windowed == whole
    assert [quote["speaker"] for quote in windowed] == ["Dana Whitfield"]
