"""``python -m newsdoc``: the command line (see :mod:`newsdoc.cli`)."""

from newsdoc.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
