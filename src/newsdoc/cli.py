"""The ``newsdoc`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from newsdoc.parser import parse


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    arguments = argparse.ArgumentParser(prog="newsdoc", description=__doc__)
    commands = arguments.add_subparsers(dest="command", required=True)
    parse_command = commands.add_parser("parse", help="parse article files (stdin when none)")
    parse_command.add_argument("files", nargs="*")
    options = arguments.parse_args(argv)
    texts = (
        [Path(name).read_text(encoding="utf-8") for name in options.files]
        if options.files
        else [sys.stdin.read()]
    )
    for text in texts:
        print(parse(text).to_json(indent=2))
    return 0
