"""Helpers of the ``page`` rule: the lines of a page and their shapes (:mod:`.lines`)."""
