"""The lessons' UI: the lesson panel and its highlight, exercises, lesson files, the worksheet, and Help's
glossary and shortcut list (the Qt-free part is ``cnnviz.lessons``)."""
