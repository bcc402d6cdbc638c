<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>core</name>
        <message>
            <source>FC (hidden {hidden})</source>
            <translation>FC ({hidden} versteckte Neuronen)</translation>
        </message>
        <message>
            <source>CNN ({c1}/{c2} filters)</source>
            <translation>CNN ({c1}/{c2} Filter)</translation>
        </message>
        <message>
            <source>hidden {hidden} vs {c1}/{c2} filters · {samples:,} samples · {epochs} ep · bs {batch} · {optimizer} lr {lr:g} · seed {seed}</source>
            <translation>{hidden} versteckte Neuronen gegen {c1}/{c2} Filter · {samples:,} Bilder · {epochs} Ep. · Batch {batch} · {optimizer} Lernrate {lr:g} · Seed {seed}</translation>
        </message>
        <message>
            <source>{sentence} {then}</source>
            <translation>{sentence} {then}</translation>
        </message>
        <message>
            <source>{problems}</source>
            <translation>{problems}</translation>
        </message>
        <message>
            <source>FC hidden size must be 1–4096 (got {value}).</source>
            <translation>Die versteckten Neuronen des FC-Netzes müssen 1–4096 sein (eingegeben: {value}).</translation>
        </message>
        <message>
            <source>Epochs must be 1–{most} (got {value}).</source>
            <translation>Die Epochen müssen 1–{most} sein (eingegeben: {value}).</translation>
        </message>
        <message>
            <source>Batch size must be 1–4096 (got {value}).</source>
            <translation>Die Batchgröße muss 1–4096 sein (eingegeben: {value}).</translation>
        </message>
        <message>
            <source>Learning rate must be above 0 and at most 1 (got {value:g}).</source>
            <translation>Die Lernrate muss größer als 0 und höchstens 1 sein (eingegeben: {value:g}).</translation>
        </message>
        <message>
            <source>Optimizer must be one of {choices} (got {value!r}).</source>
            <translation>Der Optimierer muss einer von {choices} sein (eingegeben: {value!r}).</translation>
        </message>
        <message>
            <source>Mode must be one of {choices} (got {value!r}).</source>
            <translation>Der Modus muss einer von {choices} sein (eingegeben: {value!r}).</translation>
        </message>
        <message>
            <source>Training samples must be {least:,}–{most:,} (got {value:,}).</source>
            <translation>Die Trainingsbilder müssen {least:,}–{most:,} sein (eingegeben: {value:,}).</translation>
        </message>
        <message>
            <source>Test samples must be 1–{most:,} (got {value:,}).</source>
            <translation>Die Testbilder müssen 1–{most:,} sein (eingegeben: {value:,}).</translation>
        </message>
        <message>
            <source>CNN {name} filters must be 1–128 (got {value}).</source>
            <translation>Die Filter des CNN in {name} müssen 1–128 sein (eingegeben: {value}).</translation>
        </message>
        <message>
            <source>pooling must be one of {kinds} (got {kind!r})</source>
            <translation>Das Pooling muss eines von {kinds} sein (angegeben: {kind!r})</translation>
        </message>
        <message>
            <source>depth must be an even number of layers, 4 or more (got {depth})</source>
            <translation>Die Tiefe muss eine gerade Zahl von Schichten sein, 4 oder mehr (angegeben: {depth})</translation>
        </message>
        <message>
            <source>{depth} layers, with skips</source>
            <translation>{depth} Schichten, mit Skip-Verbindungen</translation>
        </message>
        <message>
            <source>{depth} layers, without skips</source>
            <translation>{depth} Schichten, ohne Skip-Verbindungen</translation>
        </message>
        <message>
            <source>the model has no parameter {name!r}</source>
            <translation>Das Modell hat keinen Parameter {name!r}</translation>
        </message>
        <message>
            <source>{better} makes {ratio:.1f}× fewer errors ({few:,} vs {many:,})</source>
            <translation>{better} macht {ratio:.1f}× weniger Fehler ({few:,} gegen {many:,})</translation>
        </message>
        <message>
            <source>{smaller} has {ratio:.1f}× fewer parameters</source>
            <translation>{smaller} hat {ratio:.1f}× weniger Parameter</translation>
        </message>
        <message>
            <source>{better} makes no test errors ({worse}: {many:,})</source>
            <translation>{better} macht keine Testfehler ({worse}: {many:,})</translation>
        </message>
        <message>
            <source>both have {parameters:,} parameters</source>
            <translation>beide haben {parameters:,} Parameter</translation>
        </message>
        <message>
            <source>Stopped before the end: no final comparison</source>
            <translation>Vor dem Ende gestoppt: kein abschließender Vergleich</translation>
        </message>
        <message>
            <source>Both make no test errors</source>
            <translation>Beide machen keine Testfehler</translation>
        </message>
        <message>
            <source>Both make {errors:,} test errors</source>
            <translation>Beide machen {errors:,} Testfehler</translation>
        </message>
        <message>
            <source>{model}: {notice}</source>
            <translation>{model}: {notice}</translation>
        </message>
    </context>
</TS>
