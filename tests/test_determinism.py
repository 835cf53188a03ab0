"""Same input, same output: across calls, threads, pickling and hash seeds, byte for byte."""

from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import newsdoc
from conftest import REPO
from fuzz.target import seeds

SEEDS = seeds()

# Prints one digest over the JSON of every fixture and invented seed, for comparison across
# interpreter runs with different hash seeds (set iteration order changes between them).
DIGEST_SCRIPT = """
import hashlib, sys
sys.path.insert(0, sys.argv[1])
import newsdoc
from target import seeds
digest = hashlib.sha256()
for text in seeds():
    digest.update(newsdoc.parse(text).to_json().encode())
print(digest.hexdigest())
"""


def _json_of_all(parser: newsdoc.Parser) -> list[str]:
    return [parser.parse(text).to_json() for text in SEEDS]


def test_repeated_parses_give_identical_json() -> None:
    """Parsing the same text twice gives byte-identical JSON."""
    assert _json_of_all(newsdoc.Parser()) == _json_of_all(newsdoc.Parser())


def test_shared_parser_in_threads_matches_sequential_results() -> None:
    """One Parser used by eight threads gives exactly the sequential results, in order."""
    parser = newsdoc.Parser()
    sequential = _json_of_all(parser)
    many = SEEDS * 6
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(lambda text: parser.parse(text).to_json(), many))
    assert threaded == sequential * 6


def test_parser_pickles_and_parses_the_same() -> None:
    """pickle round-trips a Parser (also with a custom config) and it parses identically."""
    config = newsdoc.ParserConfig(boilerplate_phrases=("Subscribe now",), max_chars=10**6)
    for parser in (newsdoc.Parser(), newsdoc.Parser(config.disable("quotes"))):
        restored = pickle.loads(pickle.dumps(parser))
        assert restored == parser
        assert _json_of_all(restored) == _json_of_all(parser)


def test_article_pickles() -> None:
    """A parsed Article survives pickling unchanged."""
    article = newsdoc.parse(SEEDS[-1])
    assert pickle.loads(pickle.dumps(article)) == article


def test_output_does_not_depend_on_the_hash_seed() -> None:
    """Two interpreters with different PYTHONHASHSEED give the same JSON digest."""
    digests = set()
    for hash_seed in ("1", "2"):
        path = os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": path}
        result = subprocess.run(
            [sys.executable, "-c", DIGEST_SCRIPT, str(REPO / "tests" / "fuzz")],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=120,
        )
        digests.add(result.stdout.strip())
    local = hashlib.sha256()
    for text in SEEDS:
        local.update(newsdoc.parse(text).to_json().encode())
    assert digests == {local.hexdigest()}
