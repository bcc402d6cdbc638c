"""Every interface string goes through Qt's translation machinery: ``translate(context, text)``.

Convention (one way everywhere in ``ui/``): ``translate("DrawTab", "Step through the layers")`` with a string
literal (``pylupdate6`` extracts it), named placeholders filled after translation
(``translate("LabTab", "Done in {s:.1f} s").format(s=seconds)``), never an f-string inside. The context is the
panel's class name. Translations live in ``resources/i18n/<language>/*.ts``.
"""

from __future__ import annotations

from PyQt6.QtCore import QCoreApplication

translate = QCoreApplication.translate
