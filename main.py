"""Launch cnnviz from a checkout: ``python main.py`` (same as the ``cnnviz`` command)."""

import sys

from ui.launch import main

if __name__ == "__main__":
    sys.exit(main())
