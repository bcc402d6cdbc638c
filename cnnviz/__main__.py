"""``python -m cnnviz``: the same as the ``cnnviz`` command (no arguments opens the app, sub-commands use the CLI).

Also what ``torchrun -m cnnviz train …`` runs. The UI layer is imported only here, at call time, so importing
the core never imports Qt.
"""

from __future__ import annotations

import sys


def main() -> int:
    from ui.launch import main as launch_main

    return launch_main()


if __name__ == "__main__":
    sys.exit(main())
