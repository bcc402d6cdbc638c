<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../../ui/window_menus.py" line="114" />
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="131" />
        <source>cnnviz is shown in {language}.</source>
        <translation>cnnviz wird auf {language} angezeigt.</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="134" />
        <source>The language changes to {language} the next time cnnviz starts.</source>
        <translation>Die Sprache wechselt beim nächsten Start von cnnviz zu {language}.</translation>
    </message>
</context></TS>
