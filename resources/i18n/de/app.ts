<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
    <context>
    <name>Banner</name>
    <message>
        <location filename="../../../ui/banner.py" line="23" />
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../../../ui/banner.py" line="26" />
        <source>Dismiss this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
    <message>
        <location filename="../../../ui/banner.py" line="27" />
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
</context><context>
    <name>DataControl</name>
    <message>
        <location filename="../../../ui/data_control.py" line="35" />
        <source>{name}: {train:,} training and {test:,} test images, colour {h}×{w}, {classes} classes</source>
        <translation>{name}: {train:,} Trainings- und {test:,} Testbilder, farbig {h}×{w}, {classes} Klassen</translation>
    </message>
    <message>
        <location filename="../../../ui/data_control.py" line="37" />
        <source>{name}: {train:,} training and {test:,} test images, grey {h}×{w}, {classes} classes</source>
        <translation>{name}: {train:,} Trainings- und {test:,} Testbilder, grau {h}×{w}, {classes} Klassen</translation>
    </message>
    <message>
        <location filename="../../../ui/data_control.py" line="86" />
        <source>A data set is already being opened; cancel it first.</source>
        <translation>Es wird bereits ein Datensatz geöffnet; brich ihn zuerst ab.</translation>
    </message>
    <message>
        <location filename="../../../ui/data_control.py" line="97" />
        <source>Opening {name}…</source>
        <translation>{name} wird geöffnet …</translation>
    </message>
    <message>
        <location filename="../../../ui/data_control.py" line="117" />
        <source> {count:,} unreadable file(s) skipped ({names}).</source>
        <translation> {count:,} unlesbare Datei(en) übersprungen ({names}).</translation>
    </message>
    <message>
        <location filename="../../../ui/data_control.py" line="119" />
        <source>Data: {data} (File → Retrain explorer CNN trains on it).</source>
        <translation>Daten: {data} (Datei → Explorer-CNN neu trainieren trainiert damit).</translation>
    </message>
    <message>
        <location filename="../../../ui/data_control.py" line="125" />
        <source>This data set could not be opened: {reason}

Still using {data}.</source>
        <translation>Dieser Datensatz konnte nicht geöffnet werden: {reason}

Weiterhin wird {data} verwendet.</translation>
    </message>
    <message>
        <location filename="../../../ui/data_control.py" line="129" />
        <source>the data set</source>
        <translation>des Datensatzes</translation>
    </message>
    <message>
        <location filename="../../../ui/data_control.py" line="130" />
        <source>Opening {what} was cancelled; still using {data}.</source>
        <translation>Das Öffnen {what} wurde abgebrochen; weiterhin wird {data} verwendet.</translation>
    </message>
</context><context>
    <name>DataProgress</name>
    <message>
        <location filename="../../../ui/data_control.py" line="56" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../../ui/data_control.py" line="57" />
        <source>Stop reading; the data set that is open now stays open</source>
        <translation>Lesen beenden; der jetzt geöffnete Datensatz bleibt offen</translation>
    </message>
</context><context>
    <name>DrawingCanvas</name>
    <message>
        <location filename="../../../ui/canvas.py" line="73" />
        <source>Drawing canvas</source>
        <translation>Zeichenfläche</translation>
    </message>
    <message>
        <location filename="../../../ui/canvas.py" line="74" />
        <source>Draw a digit. Esc/Delete clears, Ctrl+Z undoes the last stroke; drop a PNG/JPEG here.</source>
        <translation>Zeichne eine Ziffer. Esc/Entf löscht, Strg+Z nimmt den letzten Strich zurück; hier kannst du ein PNG/JPEG ablegen.</translation>
    </message>
    <message>
        <location filename="../../../ui/canvas.py" line="206" />
        <source>{name}: the image is blank — no digit found.</source>
        <translation>{name}: Das Bild ist leer – keine Ziffer gefunden.</translation>
    </message>
    <message>
        <location filename="../../../ui/canvas.py" line="342" />
        <source>Open, drop or paste a picture
(or pick one from the test set)</source>
        <translation>Bild öffnen, ablegen oder einfügen
(oder eines aus dem Testsatz wählen)</translation>
    </message>
    <message>
        <location filename="../../../ui/canvas.py" line="343" />
        <source>Draw a digit here
(or drop an image)</source>
        <translation>Zeichne hier eine Ziffer
(oder lege ein Bild ab)</translation>
    </message>
    <message>
        <location filename="../../../ui/canvas.py" line="396" />
        <source>Only files can be dropped here (a PNG or JPEG of a digit).</source>
        <translation>Hier können nur Dateien abgelegt werden (ein PNG oder JPEG einer Ziffer).</translation>
    </message>
</context><context>
    <name>MainWindow</name>
    <message>
        <location filename="../../../ui/main_window.py" line="76" />
        <source>cnnviz — see how a CNN works</source>
        <translation>cnnviz – sieh, wie ein CNN arbeitet</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="88" />
        <source>Parts of the app</source>
        <translation>Teile der App</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="89" />
        <source>Each tab is one part of the app; Ctrl+1 to Ctrl+6 open them</source>
        <translation>Jeder Tab ist ein Teil der App; Strg+1 bis Strg+6 öffnen sie</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="111" />
        <source>Model: loading…</source>
        <translation>Modell: wird geladen …</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="157" />
        <source>Training explorer CNN…</source>
        <translation>Explorer-CNN wird trainiert …</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="225" />
        <source>Device: {device}</source>
        <translation>Gerät: {device}</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="228" />
        <source>Model: none yet</source>
        <translation>Modell: noch keines</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="233" />
        <source>Model: {file} ({format})</source>
        <translation>Modell: {file} ({format})</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="234" />
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="236" />
        <source>Model: {model} ({data}, {epochs} epochs)</source>
        <translation>Modell: {model} ({data}, {epochs} Epochen)</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="239" />
        <source>Test accuracy: {acc:.2%}</source>
        <translation>Testgenauigkeit: {acc:.2%}</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="240" />
        <source>Test accuracy: n/a</source>
        <translation>Testgenauigkeit: –</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="302" />
        <source>cnnviz cannot start: {reason}</source>
        <translation>cnnviz kann nicht starten: {reason}</translation>
    </message>
    <message>
        <location filename="../../../ui/main_window.py" line="324" />
        <source>Saved {path}</source>
        <translation>{path} gespeichert</translation>
    </message>
</context><context>
    <name>ModelControl</name>
    <message>
        <location filename="../../../ui/model_control.py" line="85" />
        <source>A training run is already in progress.</source>
        <translation>Es läuft bereits ein Training.</translation>
    </message>
    <message>
        <location filename="../../../ui/model_control.py" line="106" />
        <source>No trained model yet. Training the explorer CNN on {data} now — this runs in the background and is saved, so the next launch is instant. You can draw meanwhile.</source>
        <translation>Noch kein trainiertes Modell. Das Explorer-CNN wird jetzt mit {data} trainiert – das läuft im Hintergrund und wird gespeichert, damit der nächste Start sofort geht. Du kannst währenddessen zeichnen.</translation>
    </message>
    <message>
        <location filename="../../../ui/model_control.py" line="109" />
        <source>Training a new explorer CNN on {data}; the current model stays open until it is done.</source>
        <translation>Ein neues Explorer-CNN wird mit {data} trainiert; das aktuelle Modell bleibt offen, bis es fertig ist.</translation>
    </message>
    <message>
        <location filename="../../../ui/model_control.py" line="118" />
        <source>The explorer CNN is trained ({acc:.2%} test accuracy) and saved to {path}. Draw a digit!</source>
        <translation>Das Explorer-CNN ist trainiert ({acc:.2%} Testgenauigkeit) und unter {path} gespeichert. Zeichne eine Ziffer!</translation>
    </message>
    <message>
        <location filename="../../../ui/model_control.py" line="122" />
        <source>The explorer CNN is trained ({acc:.2%} test accuracy) but could not be saved ({problem}). Draw a digit!</source>
        <translation>Das Explorer-CNN ist trainiert ({acc:.2%} Testgenauigkeit), konnte aber nicht gespeichert werden ({problem}). Zeichne eine Ziffer!</translation>
    </message>
    <message>
        <location filename="../../../ui/model_control.py" line="131" />
        <source>Training cancelled, so there is no model yet. Use File → Retrain explorer CNN, or File → Open model….</source>
        <translation>Training abgebrochen, daher gibt es noch kein Modell. Nutze Datei → Explorer-CNN neu trainieren oder Datei → Modell öffnen ….</translation>
    </message>
    <message>
        <location filename="../../../ui/model_control.py" line="134" />
        <source>Training cancelled; the model you had is still open.</source>
        <translation>Training abgebrochen; dein bisheriges Modell ist weiterhin offen.</translation>
    </message>
    <message>
        <location filename="../../../ui/model_control.py" line="137" />
        <source>Training failed: {reason}</source>
        <translation>Training fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <location filename="../../../ui/model_control.py" line="158" />
        <source>Opening {path}…</source>
        <translation>{path} wird geöffnet …</translation>
    </message>
    <message>
        <location filename="../../../ui/model_control.py" line="159" />
        <source>A model file is already being opened.</source>
        <translation>Es wird bereits eine Modelldatei geöffnet.</translation>
    </message>
    <message>
        <location filename="../../../ui/model_control.py" line="171" />
        <source>Opened {name} ({format}): {classes} classes, input {c}×{h}×{w}.</source>
        <translation>{name} geöffnet ({format}): {classes} Klassen, Eingabe {c}×{h}×{w}.</translation>
    </message>
    <message>
        <location filename="../../../ui/model_control.py" line="173" />
        <source>model file</source>
        <translation>Modelldatei</translation>
    </message>
    <message>
        <location filename="../../../ui/model_control.py" line="203" />
        <source>There is no trained model to save yet.</source>
        <translation>Es gibt noch kein trainiertes Modell zum Speichern.</translation>
    </message>
    <message>
        <location filename="../../../ui/model_control.py" line="206" />
        <source>{name} was opened from a model file, so it cannot be saved as a cnnviz checkpoint (those rebuild one of cnnviz's own architectures): use File → Export model as ONNX… to save a copy.</source>
        <translation>{name} wurde aus einer Modelldatei geöffnet und kann daher nicht als cnnviz-Checkpoint gespeichert werden (diese bauen eine von cnnvizs eigenen Architekturen nach): Nutze Datei → Modell als ONNX exportieren …, um eine Kopie zu speichern.</translation>
    </message>
    <message>
        <location filename="../../../ui/model_control.py" line="209" />
        <source>This model</source>
        <translation>Dieses Modell</translation>
    </message>
    <message>
        <location filename="../../../ui/model_control.py" line="214" />
        <source>Could not save {path}: {problem}</source>
        <translation>{path} konnte nicht gespeichert werden: {problem}</translation>
    </message>
    <message>
        <location filename="../../../ui/model_control.py" line="223" />
        <source>There is no model to export yet.</source>
        <translation>Es gibt noch kein Modell zum Exportieren.</translation>
    </message>
    <message>
        <location filename="../../../ui/model_control.py" line="239" />
        <source>Exported {files}</source>
        <translation>Exportiert: {files}</translation>
    </message>
    <message>
        <location filename="../../../ui/model_control.py" line="240" />
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <location filename="../../../ui/model_control.py" line="246" />
        <source>Exporting {path}…</source>
        <translation>{path} wird exportiert …</translation>
    </message>
</context><context>
    <name>PoolZoomPanel</name>
    <message>
        <location filename="../../../ui/pool_zoom.py" line="47" />
        <source>&lt;b&gt;Pooling zoom&lt;/b&gt; — click the map to pick a 4×4 patch</source>
        <translation>&lt;b&gt;Pooling-Lupe&lt;/b&gt; – klicke in die Karte, um einen 4×4-Ausschnitt zu wählen</translation>
    </message>
    <message>
        <location filename="../../../ui/pool_zoom.py" line="56" />
        <source>Pooling stage</source>
        <translation>Pooling-Stufe</translation>
    </message>
    <message>
        <location filename="../../../ui/pool_zoom.py" line="57" />
        <source>Which pooling stage to look inside</source>
        <translation>In welche Pooling-Stufe du hineinschaust</translation>
    </message>
    <message>
        <location filename="../../../ui/pool_zoom.py" line="59" />
        <source>map </source>
        <translation>Karte </translation>
    </message>
    <message>
        <location filename="../../../ui/pool_zoom.py" line="61" />
        <source>Feature map</source>
        <translation>Merkmalskarte</translation>
    </message>
    <message>
        <location filename="../../../ui/pool_zoom.py" line="62" />
        <source>Which feature map of the stage before the pooling (counted from 1)</source>
        <translation>Welche Merkmalskarte der Stufe vor dem Pooling (ab 1 gezählt)</translation>
    </message>
    <message>
        <location filename="../../../ui/pool_zoom.py" line="72" />
        <source>Feature map to zoom into</source>
        <translation>Merkmalskarte zum Vergrößern</translation>
    </message>
    <message>
        <location filename="../../../ui/pool_zoom.py" line="73" />
        <source>Click a pixel to centre the 4×4 patch on it</source>
        <translation>Klicke auf ein Pixel, um den 4×4-Ausschnitt darauf zu zentrieren</translation>
    </message>
    <message>
        <location filename="../../../ui/pool_zoom.py" line="82" />
        <source>4×4 patch</source>
        <translation>4×4-Ausschnitt</translation>
    </message>
    <message>
        <location filename="../../../ui/pool_zoom.py" line="84" />
        <source>pooled 2×2</source>
        <translation>gepoolt 2×2</translation>
    </message>
    <message>
        <location filename="../../../ui/pool_zoom.py" line="169" />
        <source>This model has no max or average pooling layer to look inside (it shrinks its maps another way, e.g. strided convolutions).</source>
        <translation>Dieses Modell hat keine Max- oder Average-Pooling-Schicht zum Hineinschauen (es verkleinert seine Karten anders, z. B. durch Faltungen mit Schrittweite).</translation>
    </message>
    <message>
        <location filename="../../../ui/pool_zoom.py" line="172" />
        <source>Draw a digit to look inside a pooling layer.</source>
        <translation>Zeichne eine Ziffer, um in eine Pooling-Schicht hineinzuschauen.</translation>
    </message>
    <message>
        <location filename="../../../ui/pool_zoom.py" line="177" />
        <source> of {count}</source>
        <translation> von {count}</translation>
    </message>
    <message>
        <location filename="../../../ui/pool_zoom.py" line="193" />
        <source>Colours: one scale for all {count} maps of {stage} ({lo:.2f} to {hi:.2f})</source>
        <translation>Farben: eine Skala für alle {count} Karten von {stage} ({lo:.2f} bis {hi:.2f})</translation>
    </message>
    <message>
        <location filename="../../../ui/pool_zoom.py" line="195" />
        <source>Colours: this map's own scale ({lo:.2f} to {hi:.2f})</source>
        <translation>Farben: eigene Skala dieser Karte ({lo:.2f} bis {hi:.2f})</translation>
    </message>
    <message>
        <location filename="../../../ui/pool_zoom.py" line="200" />
        <source>{h}×{w} patch from row {row}, column {col}
(counted from 1, top-left)</source>
        <translation>{h}×{w}-Ausschnitt ab Zeile {row}, Spalte {col}
(ab 1 gezählt, von oben links)</translation>
    </message>
    <message>
        <location filename="../../../ui/pool_zoom.py" line="203" />
        <source>max → {rows}×{cols}</source>
        <translation>Max → {rows}×{cols}</translation>
    </message>
    <message>
        <location filename="../../../ui/pool_zoom.py" line="204" />
        <source>mean → {rows}×{cols}</source>
        <translation>Mittelwert → {rows}×{cols}</translation>
    </message>
    <message>
        <location filename="../../../ui/pool_zoom.py" line="208" />
        <source>Each coloured {k} window keeps only its largest value (framed), and the map becomes {s}× smaller in each direction. A feature that moves but stays inside its window gives the same pooled value; a move into the next window changes it.</source>
        <translation>Jedes farbige {k}-Fenster behält nur seinen größten Wert (umrahmt), und die Karte wird in jeder Richtung {s}-mal kleiner. Ein Merkmal, das sich bewegt, aber in seinem Fenster bleibt, ergibt denselben gepoolten Wert; wandert es ins nächste Fenster, ändert er sich.</translation>
    </message>
    <message>
        <location filename="../../../ui/pool_zoom.py" line="213" />
        <source>Each coloured {k} window is replaced by the mean of its values, and the map becomes {s}× smaller in each direction; any change inside a window changes its mean.</source>
        <translation>Jedes farbige {k}-Fenster wird durch den Mittelwert seiner Werte ersetzt, und die Karte wird in jeder Richtung {s}-mal kleiner; jede Änderung in einem Fenster ändert seinen Mittelwert.</translation>
    </message>
</context><context>
    <name>PreprocessDialog</name>
    <message>
        <location filename="../../../ui/preprocess_dialog.py" line="18" />
        <source>{name} does not say how its input images were prepared for training. Choose the preparation it was trained with (the wrong one still runs, but its answers will be poor); cnnviz remembers the choice for this file.

{details}</source>
        <translation>{name} gibt nicht an, wie die Eingabebilder für das Training vorbereitet wurden. Wähle die Vorbereitung, mit der es trainiert wurde (eine falsche läuft zwar auch, liefert aber schlechte Antworten); cnnviz merkt sich die Wahl für diese Datei.

{details}</translation>
    </message>
    <message>
        <location filename="../../../ui/preprocess_dialog.py" line="35" />
        <source>How was this model's input prepared?</source>
        <translation>Wie wurde die Eingabe dieses Modells vorbereitet?</translation>
    </message>
</context><context>
    <name>StartupPage</name>
    <message>
        <location filename="../../../ui/startup.py" line="29" />
        <source>Loading the network… You can start drawing a digit now.</source>
        <translation>Das Netz wird geladen … Du kannst schon eine Ziffer zeichnen.</translation>
    </message>
    <message>
        <location filename="../../../ui/startup.py" line="69" />
        <source>Start-up status</source>
        <translation>Startstatus</translation>
    </message>
</context><context>
    <name>Tabs</name>
    <message>
        <location filename="../../../ui/tabs.py" line="57" />
        <location filename="../../../ui/main_window.py" line="110" />
        <source>Draw &amp;&amp; explore</source>
        <translation>Zeichnen &amp;&amp; erkunden</translation>
    </message>
    <message>
        <location filename="../../../ui/tabs.py" line="58" />
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../../ui/tabs.py" line="59" />
        <source>Kernel sandbox</source>
        <translation>Filter-Sandkasten</translation>
    </message>
    <message>
        <location filename="../../../ui/tabs.py" line="60" />
        <source>Explain</source>
        <translation>Erklären</translation>
    </message>
    <message>
        <location filename="../../../ui/tabs.py" line="61" />
        <source>Training lab</source>
        <translation>Trainingslabor</translation>
    </message>
    <message>
        <location filename="../../../ui/tabs.py" line="62" />
        <source>Model zoo</source>
        <translation>Modellzoo</translation>
    </message>
</context><context>
    <name>TrainingProgress</name>
    <message>
        <location filename="../../../ui/training_progress.py" line="28" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../../ui/training_progress.py" line="29" />
        <source>Stop the training; the model you had stays open</source>
        <translation>Training beenden; dein bisheriges Modell bleibt offen</translation>
    </message>
    <message>
        <location filename="../../../ui/training_progress.py" line="47" />
        <source>epoch {epoch}/{epochs} · batch {batch}/{batches} · loss {loss:.3f} · acc {acc:.0%} · ETA {eta}</source>
        <translation>Epoche {epoch}/{epochs} · Batch {batch}/{batches} · Verlust {loss:.3f} · Genauigkeit {acc:.0%} · Rest {eta}</translation>
    </message>
</context><context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../../ui/window_menus.py" line="23" />
        <source>The MNIST database of handwritten digits, by Yann LeCun, Corinna Cortes and Christopher J.C. Burges; 60,000 training and 10,000 test images. Licensed under Creative Commons Attribution-Share Alike 3.0. Shipped with cnnviz in resources/mnist (see its README.md).</source>
        <translation>Die MNIST-Datenbank handgeschriebener Ziffern von Yann LeCun, Corinna Cortes und Christopher J.C. Burges; 60.000 Trainings- und 10.000 Testbilder. Lizenziert unter Creative Commons Attribution-Share Alike 3.0. Mit cnnviz ausgeliefert in resources/mnist (siehe dessen README.md).</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="30" />
        <source>Model files (*.pt *.pth *.onnx *.pt2);;cnnviz checkpoints (*.pt);;ONNX models (*.onnx);;TorchScript archives (*.pt *.pth);;torch.export programs (*.pt2);;All files (*)</source>
        <translation>Modelldateien (*.pt *.pth *.onnx *.pt2);;cnnviz-Checkpoints (*.pt);;ONNX-Modelle (*.onnx);;TorchScript-Archive (*.pt *.pth);;torch.export-Programme (*.pt2);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="33" />
        <source>One colour scale per &amp;stage (compare maps)</source>
        <translation>Eine Farbskala pro &amp;Stufe (Karten vergleichen)</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="34" />
        <source>Each &amp;map on its own scale (see detail)</source>
        <translation>Jede &amp;Karte mit eigener Skala (Details sehen)</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="61" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="63" />
        <source>&amp;Open model…</source>
        <translation>Modell ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="65" />
        <source>&amp;Save model as…</source>
        <translation>Modell &amp;speichern unter …</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="67" />
        <source>Export model as O&amp;NNX…</source>
        <translation>Modell als O&amp;NNX exportieren …</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="69" />
        <source>Open &amp;data folder…</source>
        <translation>&amp;Datenordner öffnen …</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="71" />
        <source>Open a &amp;fetched data set</source>
        <translation>&amp;Heruntergeladenen Datensatz öffnen</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="76" />
        <source>&amp;Retrain explorer CNN</source>
        <translation>Explorer-CNN neu &amp;trainieren</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="78" />
        <source>Open &amp;image of a digit…</source>
        <translation>&amp;Bild einer Ziffer öffnen …</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="81" />
        <source>&amp;Export view as PNG…</source>
        <translation>Ansicht als PNG &amp;exportieren …</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="84" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="91" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="93" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="98" />
        <source>&amp;Light palette</source>
        <translation>&amp;Helle Farbgebung</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="100" />
        <source>&amp;Dark palette</source>
        <translation>D&amp;unkle Farbgebung</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="106" />
        <source>Feature-map &amp;colour scale</source>
        <translation>&amp;Farbskala der Merkmalskarten</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="119" />
        <source>&amp;About cnnviz</source>
        <translation>Über &amp;cnnviz</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="120" />
        <source>About the &amp;MNIST data</source>
        <translation>Über die &amp;MNIST-Daten</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="124" />
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="141" />
        <source>cnnviz is shown in {language}.</source>
        <translation>cnnviz wird auf {language} angezeigt.</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="144" />
        <source>The language changes to {language} the next time cnnviz starts.</source>
        <translation>Die Sprache wechselt beim nächsten Start von cnnviz zu {language}.</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="169" />
        <source>&lt;b&gt;cnnviz&lt;/b&gt; — draw a digit and watch a convolutional neural network classify it, stage by stage.</source>
        <translation>&lt;b&gt;cnnviz&lt;/b&gt; – zeichne eine Ziffer und sieh zu, wie ein faltendes neuronales Netz (CNN) sie Stufe für Stufe klassifiziert.</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="171" />
        <source>About cnnviz</source>
        <translation>Über cnnviz</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="175" />
        <source>Files: {folder}</source>
        <translation>Dateien: {folder}</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="176" />
        <source>The MNIST data</source>
        <translation>Die MNIST-Daten</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="181" />
        <source>Open model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="187" />
        <source>Save model</source>
        <translation>Modell speichern</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="188" />
        <source>cnnviz checkpoints (*.pt)</source>
        <translation>cnnviz-Checkpoints (*.pt)</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="193" />
        <source>Export model as ONNX</source>
        <translation>Modell als ONNX exportieren</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="194" />
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX-Modelle (*.onnx)</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="200" />
        <source>Open a data set: an image folder (one subfolder per class), CIFAR binary or MNIST format</source>
        <translation>Datensatz öffnen: ein Bildordner (ein Unterordner pro Klasse), CIFAR-Binärformat oder MNIST-Format</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="215" />
        <source>MNIST (bundled)</source>
        <translation>MNIST (mitgeliefert)</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="220" />
        <source>(fetch more: cnnviz data fetch cifar10 | cifar100 | fashion-mnist | kmnist)</source>
        <translation>(weitere herunterladen: cnnviz data fetch cifar10 | cifar100 | fashion-mnist | kmnist)</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="237" />
        <source>Export view as PNG</source>
        <translation>Ansicht als PNG exportieren</translation>
    </message>
    <message>
        <location filename="../../../ui/window_menus.py" line="239" />
        <source>Could not write {path}</source>
        <translation>{path} konnte nicht geschrieben werden</translation>
    </message>
</context></TS>
