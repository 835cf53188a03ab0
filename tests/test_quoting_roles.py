"""What a text says a named person is (``newsdoc.quoting.roles``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsdoc.quoting.roles import role_text, role_words
from newsdoc.vocab import default_vocabulary

VOCAB = default_vocabulary()
NAME = "Sen. Maren Holt"


def _roles_and_text(before: str, after: str) -> tuple[set[str], str]:
    source = before + NAME + after
    start, end = len(before), len(before) + len(NAME)
    return (
        role_words(source, start, end, ["Sen."], VOCAB),
        role_text(source, start, end, ["Sen."], VOCAB),
    )


def test_role_text_holds_the_title_noun_and_the_words_around() -> None:
    """The role noun a title stands for ("senator") is in the text, as are the words near."""
    roles, text = _roles_and_text("The Budget Committee's chair, ", ", the Oregon Democrat, said.")
    assert {"senator", "oregon", "democrat", "chair"} <= roles
    assert all(role in text for role in roles)
    assert "mayor" not in text


@given(
    st.text(alphabet="abcAB .,’'-:;\nÉé", max_size=90),
    st.text(alphabet="abcAB .,’'-:;\nÉé", max_size=100),
)
def test_every_role_word_is_in_the_role_text(before: str, after: str) -> None:
    """Whatever the words around the name, each role word is written in the role text, so
    a word the text lacks can be ruled out without reading the roles."""
    roles, text = _roles_and_text(before, after)
    assert all(role in text for role in roles)
