"""The "Draw & explore" tab, one panel per module (``tab.py`` lays them out)."""
