"""A small kit shared by every panel: lazy refresh and restyling, tables, status labels, PNG export."""
