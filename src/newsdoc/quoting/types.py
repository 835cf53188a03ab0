"""Small records shared by the quoting modules: quote parts, tokens and mentions."""

from __future__ import annotations

import attrs


@attrs.frozen(slots=True)
class QuotePart:
    """One quoted stretch ``source[start:end]``, marks included; ``closed`` is False when the
    paragraph ends before a closing mark; ``runs_on`` when the quote goes on in the next part
    after a sentence end without a closing mark (a paragraph break lost: "… for you. "Somehow
    …")."""

    start: int
    end: int
    closed: bool = True
    runs_on: bool = False


WORD = "word"
PUNCT = "punct"
QUOTE = "quote"


@attrs.define(slots=True)
class Token:
    """A word, a punctuation mark or a whole quote part of a paragraph, with source offsets."""

    text: str
    start: int
    end: int
    kind: str = WORD
    part: QuotePart | None = None
    ends_sentence: bool = False

    @property
    def lower(self) -> str:
        """The token in lower case."""
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        """Whether the token is a word starting with an upper-case letter."""
        return self.kind == WORD and self.text[:1].isupper()


@attrs.frozen(slots=True)
class Mention:
    """A speaker mention found around a cue: token range ``[first, last]`` of the local mention.

    ``kind`` is ``name``, ``pronoun`` or ``noun`` (a common noun phrase such as "a spokesman");
    ``role`` is a title or apposition describing the speaker, with its character span.
    """

    first: int
    last: int
    kind: str
    role: str | None = None
    role_span: tuple[int, int] | None = None
    antecedent: Mention | None = None  # for a relative "which"/"who": the name it stands for
