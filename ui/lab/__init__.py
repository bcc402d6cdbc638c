"""The Training lab tab, one panel per file: the form, the live curves, the filters and the results."""
