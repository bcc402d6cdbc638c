"""The "Filters" tab, one panel per module (``tab.py`` lays them out)."""
