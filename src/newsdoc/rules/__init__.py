"""The parser's rules, one module per rule, each named as users disable it.

Rules import only ``newsdoc.state``, ``newsdoc.model``, ``newsdoc.vocab`` and
``newsdoc.text``: never each other (``tests/test_layering.py`` enforces it).
"""
