<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
    <context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../../ui/widgets/export.py" line="19" />
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
</context></TS>
