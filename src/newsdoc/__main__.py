"""``python -m newsdoc``: the command line (see :mod:`newsdoc.cli`)."""

from newsdoc.cli import main

raise SystemExit(main())
