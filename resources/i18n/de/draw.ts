<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
    <context>
    <name>AblationPanel</name>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="32" />
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="32" />
        <source>On/off</source>
        <translation>An/aus</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="33" />
        <source>P(predicted) without it</source>
        <translation>P(Vorh.) ohne</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="33" />
        <source>Drop</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="34" />
        <source>Then predicts</source>
        <translation>Sagt dann vorher</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="42" />
        <source>Every map is on.</source>
        <translation>Alle Karten sind an.</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="43" />
        <source>{stage} maps {which}</source>
        <translation>{stage} Karten {which}</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="44" />
        <source>{stage} map {which}</source>
        <translation>{stage} Karte {which}</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="47" />
        <source>Switched off: {parts}.</source>
        <translation>Abgeschaltet: {parts}.</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="60" />
        <source>Which maps matter for this digit: each map of the stage is switched off on its own (set to 0) and the network run again. Tick a map to switch it off while you draw.</source>
        <translation>Welche Merkmalskarten für diese Ziffer zählen: Jede Karte der Stufe wird einzeln abgeschaltet (auf 0 gesetzt) und das Netz erneut gerechnet. Hake eine Karte an, um sie beim Zeichnen abzuschalten.</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="66" />
        <source>Stage:</source>
        <translation>Stufe:</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="68" />
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="69" />
        <source>The stage whose maps are ranked and can be switched off</source>
        <translation>Die Stufe, deren Karten bewertet werden und abgeschaltet werden können</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="72" />
        <source>Switch all back on</source>
        <translation>Alle wieder an</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="73" />
        <source>Switch every map of every stage back on</source>
        <translation>Jede Karte jeder Stufe wieder einschalten</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="120" />
        <location filename="../../../ui/draw/ablation_panel.py" line="76" />
        <source>Switch the enlarged map off</source>
        <translation>Vergrößerte Karte abschalten</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="77" />
        <source>Enlarge one map of a convolution (click it) to switch it off or on here</source>
        <translation>Vergrößere eine Karte einer Faltung (anklicken), um sie hier ab- oder einzuschalten</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="85" />
        <source>Maps ranked by how much they matter</source>
        <translation>Karten nach ihrer Bedeutung geordnet</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="86" />
        <source>One row per map: the probability of the predicted class without it, the drop, and what the network then predicts; tick a map to switch it off.</source>
        <translation>Eine Zeile pro Karte: die Wahrscheinlichkeit der vorhergesagten Klasse ohne sie, der Verlust und was das Netz dann vorhersagt; hake eine Karte an, um sie abzuschalten.</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="124" />
        <source>Switch {stage} map {n} back on</source>
        <translation>{stage} Karte {n} wieder einschalten</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="125" />
        <source>Switch {stage} map {n} off</source>
        <translation>{stage} Karte {n} abschalten</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="178" />
        <source>switched off</source>
        <translation>abgeschaltet</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="187" />
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="187" />
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="191" />
        <source>Switch map {n} of {stage} back on</source>
        <translation>Karte {n} von {stage} wieder einschalten</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="192" />
        <source>Switch map {n} of {stage} off</source>
        <translation>Karte {n} von {stage} abschalten</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/ablation_panel.py" line="196" />
        <source>{name} is predicted with {p}; the drop is how much of that probability is lost when the map is switched off.</source>
        <translation>{name} wird mit {p} vorhergesagt; der Verlust gibt an, wie viel dieser Wahrscheinlichkeit verloren geht, wenn die Karte abgeschaltet ist.</translation>
    </message>
</context><context>
    <name>CameraPanel</name>
    <message>
        <location filename="../../../ui/draw/camera_panel.py" line="66" />
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/camera_panel.py" line="68" />
        <source>Feed the camera's picture to the network, live</source>
        <translation>Das Kamerabild live in das Netz geben</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/camera_panel.py" line="70" />
        <source>Freeze</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/camera_panel.py" line="73" />
        <source>Hold the current frame (draw on it, or unfreeze to go on)</source>
        <translation>Das aktuelle Bild festhalten (darauf zeichnen oder zum Weitermachen lösen)</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/camera_panel.py" line="118" />
        <source>it is in use or was unplugged</source>
        <translation>sie wird gerade benutzt oder wurde abgesteckt</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/camera_panel.py" line="119" />
        <source>The camera stopped: {reason}.</source>
        <translation>Die Kamera hat angehalten: {reason}.</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/camera_panel.py" line="131" />
        <source>the camera frame</source>
        <translation>das Kamerabild</translation>
    </message>
</context><context>
    <name>DimensionTable</name>
    <message>
        <location filename="../../../ui/draw/dimension_table.py" line="16" />
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/dimension_table.py" line="16" />
        <source>Output shape</source>
        <translation>Ausgabeform</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/dimension_table.py" line="17" />
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/dimension_table.py" line="18" />
        <source>Stages and their sizes</source>
        <translation>Stufen und ihre Größen</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/dimension_table.py" line="19" />
        <source>Each stage's output shape and parameter count, the total, and the input's preprocessing; pick a row to enlarge that stage</source>
        <translation>Ausgabeform und Parameterzahl jeder Stufe, die Summe und die Vorverarbeitung der Eingabe; wähle eine Zeile, um diese Stufe zu vergrößern</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/dimension_table.py" line="32" />
        <source>grey</source>
        <translation>grau</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/dimension_table.py" line="34" />
        <source>mean {values}</source>
        <translation>Mittelwert {values}</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/dimension_table.py" line="35" />
        <source>std {values}</source>
        <translation>Std.-abw. {values}</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/dimension_table.py" line="42" />
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/dimension_table.py" line="43" />
        <source>Preprocessing</source>
        <translation>Vorverarbeitung</translation>
    </message>
</context><context>
    <name>DrawTab</name>
    <message>
        <location filename="../../../ui/draw/tab.py" line="37" />
        <source>The clipboard holds no picture (copy an image, or an image file, first).</source>
        <translation>In der Zwischenablage ist kein Bild (kopiere zuerst ein Bild oder eine Bilddatei).</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/tab.py" line="43" />
        <source>Open an image</source>
        <translation>Bild öffnen</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/tab.py" line="44" />
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/tab.py" line="72" />
        <source>Pooling zoom</source>
        <translation>Pooling-Lupe</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/tab.py" line="73" />
        <source>Switch maps off</source>
        <translation>Karten abschalten</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/tab.py" line="78" />
        <source>One training step</source>
        <translation>Ein Trainingsschritt</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/tab.py" line="79" />
        <source>Beside the enlarged stage</source>
        <translation>Neben der vergrößerten Stufe</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/tab.py" line="80" />
        <source>Choose the pooling zoom, the maps to switch off, or one training step</source>
        <translation>Wähle die Pooling-Lupe, die abschaltbaren Karten oder einen Trainingsschritt</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/tab.py" line="169" />
        <source>the pasted picture</source>
        <translation>das eingefügte Bild</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/tab.py" line="264" />
        <source>The network's stages will appear here as soon as the model is trained.</source>
        <translation>Die Stufen des Netzes erscheinen hier, sobald das Modell trainiert ist.</translation>
    </message>
</context><context>
    <name>FocusView</name>
    <message>
        <location filename="../../../ui/draw/focus_view.py" line="29" />
        <source>Enlarged stage</source>
        <translation>Vergrößerte Stufe</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/focus_view.py" line="30" />
        <source>The chosen stage's maps, enlarged: hover to read a value, click a map to enlarge it on its own</source>
        <translation>Die Karten der gewählten Stufe, vergrößert: zeige mit der Maus auf einen Wert, um ihn abzulesen; klicke eine Karte an, um sie allein zu vergrößern</translation>
    </message>
</context><context>
    <name>InputPanel</name>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="44" />
        <source>Keep drawing — the mark is still too small to be read as a digit.</source>
        <translation>Zeichne weiter – das Zeichen ist noch zu klein, um als Ziffer gelesen zu werden.</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="56" />
        <source>{name} ({count:,})</source>
        <translation>{name} ({count:,})</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="57" />
        <source>any class</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="73" />
        <source>Drawing canvas</source>
        <translation>Zeichenfläche</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="74" />
        <source>Draw a digit with the mouse or a pen (or drop or paste a picture): it is the network's input. Esc clears it, Ctrl+Z undoes a stroke.</source>
        <translation>Zeichne eine Ziffer mit der Maus oder einem Stift (oder ziehe ein Bild hierher bzw. füge es ein): Das ist die Eingabe des Netzes. Esc löscht, Strg+Z nimmt einen Strich zurück.</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="83" />
        <source>Brush size</source>
        <translation>Pinselgröße</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="84" />
        <source>How thick the brush draws</source>
        <translation>Wie dick der Pinsel zeichnet</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="86" />
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="87" />
        <source>Clear the canvas (Esc or Delete)</source>
        <translation>Zeichenfläche löschen (Esc oder Entf)</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="88" />
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="89" />
        <source>Undo the last stroke (Ctrl+Z)</source>
        <translation>Letzten Strich zurücknehmen (Strg+Z)</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="90" />
        <source>Ink…</source>
        <translation>Farbe…</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="91" />
        <source>The colour the brush paints on a colour picture</source>
        <translation>Die Farbe, mit der der Pinsel auf ein Farbbild malt</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="93" />
        <source>Brush</source>
        <translation>Pinsel</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="100" />
        <source>Open image…</source>
        <translation>Bild öffnen…</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="101" />
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="102" />
        <source>Use the picture on the clipboard (Ctrl+V)</source>
        <translation>Das Bild aus der Zwischenablage verwenden (Strg+V)</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="111" />
        <source>test #</source>
        <translation>Test Nr. </translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="112" />
        <source>Test image number</source>
        <translation>Nummer des Testbilds</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="113" />
        <source>Show this image of the test set (numbered from 0, as in the data set's files)</source>
        <translation>Dieses Bild der Testmenge zeigen (ab 0 nummeriert, wie in den Dateien des Datensatzes)</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="115" />
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="116" />
        <source>Put the test image with this number on the canvas</source>
        <translation>Das Testbild mit dieser Nummer auf die Zeichenfläche legen</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="121" />
        <source>Class of the random test image</source>
        <translation>Klasse des zufälligen Testbilds</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="122" />
        <source>Random test image of this class (its number of test images in brackets)</source>
        <translation>Zufälliges Testbild dieser Klasse (die Zahl ihrer Testbilder in Klammern)</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="124" />
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="125" />
        <source>Put a random test image of the chosen class on the canvas</source>
        <translation>Ein zufälliges Testbild der gewählten Klasse auf die Zeichenfläche legen</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="217" />
        <location filename="../../../ui/draw/input_panel.py" line="143" />
        <source>Network input</source>
        <translation>Eingabe des Netzes</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="178" />
        <source>Open a picture (or drop one on the canvas, or paste it with Ctrl+V)</source>
        <translation>Ein Bild öffnen (oder auf die Zeichenfläche ziehen oder mit Strg+V einfügen)</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="179" />
        <source>Open a PNG or JPEG of a digit (or drop it on the canvas)</source>
        <translation>Ein PNG oder JPEG einer Ziffer öffnen (oder auf die Zeichenfläche ziehen)</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="181" />
        <source>The picture the network is given, before it is resized and normalised for the model</source>
        <translation>Das Bild, das das Netz bekommt, bevor es für das Modell skaliert und normalisiert wird</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="183" />
        <source>The 28×28 input the network sees: your drawing made the way MNIST digits were</source>
        <translation>Die 28×28-Eingabe, die das Netz sieht: deine Zeichnung so aufbereitet wie die MNIST-Ziffern</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="192" />
        <source>Ink colour</source>
        <translation>Pinselfarbe</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="213" />
        <source>Network input ({h}×{w}, colour)</source>
        <translation>Eingabe des Netzes ({h}×{w}, farbig)</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="214" />
        <source>Network input ({h}×{w})</source>
        <translation>Eingabe des Netzes ({h}×{w})</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="228" />
        <source>Pick or paste a picture</source>
        <translation>Wähle ein Bild oder füge eines ein</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="229" />
        <source>Draw a digit</source>
        <translation>Zeichne eine Ziffer</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="231" />
        <source>The model is still training…</source>
        <translation>Das Modell wird noch trainiert…</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="233" />
        <source>Thinking…</source>
        <translation>Rechnet…</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="236" />
        <source>It's a {name} ({p})</source>
        <translation>Erkannt: {name} ({p})</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="243" />
        <source>True class: {name} — ✓ correct</source>
        <translation>Wahre Klasse: {name} – ✓ richtig</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/input_panel.py" line="244" />
        <source>True class: {name} — ✗ wrong</source>
        <translation>Wahre Klasse: {name} – ✗ falsch</translation>
    </message>
</context><context>
    <name>OneStepPanel</name>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="49" />
        <source>Label</source>
        <translation>Zielklasse</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="50" />
        <source>The class the step teaches the network for this digit</source>
        <translation>Die Klasse, die der Schritt dem Netz für diese Ziffer beibringt</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="56" />
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="57" />
        <source>How far the step moves every weight against its gradient</source>
        <translation>Wie weit der Schritt jedes Gewicht gegen seinen Gradienten verschiebt</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="59" />
        <source>Weight to follow</source>
        <translation>Beobachtetes Gewicht</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="60" />
        <source>Whose before, gradient and after are written out</source>
        <translation>Dessen Wert vorher, Gradient und Wert nachher ausgeschrieben werden</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="62" />
        <source>Position in the parameter</source>
        <translation>Position im Parameter</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="63" />
        <source>Which number of the chosen parameter (counted from 0 in reading order)</source>
        <translation>Welche Zahl des gewählten Parameters (ab 0 in Leserichtung gezählt)</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="66" />
        <source>Label:</source>
        <translation>Zielklasse:</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="67" />
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="68" />
        <source>Weight:</source>
        <translation>Gewicht:</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="69" />
        <source>Position:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="80" />
        <source>Probabilities before and after the step</source>
        <translation>Wahrscheinlichkeiten vor und nach dem Schritt</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="81" />
        <source>Each class's probability before the step (grey) and after it (blue)</source>
        <translation>Die Wahrscheinlichkeit jeder Klasse vor dem Schritt (grau) und danach (blau)</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="88" />
        <source>One step of training on this digit, on a copy of the model: every weight w becomes w − lr · g, g its gradient.</source>
        <translation>Ein Trainingsschritt auf dieser Ziffer, an einer Kopie des Modells: Jedes Gewicht w wird zu w − lr · g, mit g seinem Gradienten.</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="95" />
        <source>Probabilities: before the step (grey bar), after it (blue bar)</source>
        <translation>Wahrscheinlichkeiten: vor dem Schritt (grauer Balken), danach (blauer Balken)</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="123" />
        <source>the one with the largest gradient</source>
        <translation>das mit dem größten Gradienten</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="162" />
        <source>Draw a digit or pick a test image: the step is taken on it.</source>
        <translation>Zeichne eine Ziffer oder wähle ein Testbild: Der Schritt wird darauf ausgeführt.</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="165" />
        <source>One training step works on models that take 28×28 grey digits the MNIST way; this model takes other input.</source>
        <translation>Ein Trainingsschritt geht nur mit Modellen, die 28×28 graue Ziffern wie bei MNIST nehmen; dieses Modell nimmt eine andere Eingabe.</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="176" />
        <source>Taking the step…</source>
        <translation>Führe den Schritt aus …</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="181" />
        <source>The step failed: {reason}</source>
        <translation>Der Schritt ist fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="188" />
        <source>Taught “{label}”: the loss went {way}.</source>
        <translation>„{label}“ beigebracht: Der Verlust ist {way}.</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="189" />
        <source>down</source>
        <translation>gesunken</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="189" />
        <source>up</source>
        <translation>gestiegen</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/one_step_panel.py" line="190" />
        <source>Loss: {before:.4f} → {after:.4f}
Weight {weight}
w − lr · g = {w:.5f} − {lr:g} × ({g:.5f}) = {new:.5f}</source>
        <translation>Verlust: {before:.4f} → {after:.4f}
Gewicht {weight}
w − lr · g = {w:.5f} − {lr:g} × ({g:.5f}) = {new:.5f}</translation>
    </message>
</context><context>
    <name>PipelineView</name>
    <message>
        <location filename="../../../ui/draw/pipeline_view.py" line="28" />
        <source>Hover over the maps to read their values (maps, rows and columns counted from 1, from the top left); click a map to enlarge it.</source>
        <translation>Zeige mit der Maus auf die Karten, um ihre Werte abzulesen (Karten, Zeilen und Spalten ab 1 gezählt, von oben links); klicke eine Karte an, um sie zu vergrößern.</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/pipeline_view.py" line="53" />
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/pipeline_view.py" line="54" />
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/pipeline_view.py" line="221" />
        <location filename="../../../ui/draw/pipeline_view.py" line="55" />
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/pipeline_view.py" line="57" />
        <source>Show all maps</source>
        <translation>Alle Karten zeigen</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/pipeline_view.py" line="58" />
        <source>Previous stage (←)</source>
        <translation>Vorige Stufe (←)</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/pipeline_view.py" line="59" />
        <source>Next stage (→)</source>
        <translation>Nächste Stufe (→)</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/pipeline_view.py" line="60" />
        <source>Step through every stage automatically</source>
        <translation>Alle Stufen automatisch nacheinander zeigen</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/pipeline_view.py" line="61" />
        <source>Back to every map of this stage</source>
        <translation>Zurück zu allen Karten dieser Stufe</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/pipeline_view.py" line="69" />
        <source>Previous maps</source>
        <translation>Vorige Karten</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/pipeline_view.py" line="70" />
        <source>The previous {n} maps of this stage</source>
        <translation>Die vorigen {n} Karten dieser Stufe</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/pipeline_view.py" line="71" />
        <source>Next maps</source>
        <translation>Nächste Karten</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/pipeline_view.py" line="72" />
        <source>The next {n} maps of this stage</source>
        <translation>Die nächsten {n} Karten dieser Stufe</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/pipeline_view.py" line="80" />
        <source> s/stage</source>
        <translation> s/Stufe</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/pipeline_view.py" line="81" />
        <source>Pace</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/pipeline_view.py" line="82" />
        <source>How long Play stays on each stage (seconds)</source>
        <translation>Wie lange „Abspielen“ auf jeder Stufe bleibt (Sekunden)</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/pipeline_view.py" line="145" />
        <source>Draw a digit — every stage of the network will appear here.</source>
        <translation>Zeichne eine Ziffer – jede Stufe des Netzes erscheint dann hier.</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/pipeline_view.py" line="221" />
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/pipeline_view.py" line="257" />
        <source>{stage} — map {n}</source>
        <translation>{stage} – Karte {n}</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/pipeline_view.py" line="267" />
        <source>maps {first}–{last:,} of {n:,}</source>
        <translation>Karten {first}–{last:,} von {n:,}</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/pipeline_view.py" line="273" />
        <source>Stage {i} of {n}: {title}</source>
        <translation>Stufe {i} von {n}: {title}</translation>
    </message>
</context><context>
    <name>ProbabilityChart</name>
    <message>
        <location filename="../../../ui/draw/probability_chart.py" line="20" />
        <source>The network must pick one of its {n} classes for any input, even a scribble: the bars always add up to 100%, so a high bar is not proof that this is a digit.</source>
        <translation>Das Netz muss für jede Eingabe eine seiner {n} Klassen wählen, selbst für ein Gekritzel: Die Balken ergeben zusammen immer 100 %, ein hoher Balken beweist also nicht, dass dies eine Ziffer ist.</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/probability_chart.py" line="49" />
        <source>Class probabilities</source>
        <translation>Wahrscheinlichkeiten der Klassen</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/probability_chart.py" line="50" />
        <source>One bar per class: how probable the network finds each class for the input; the highest bar is highlighted.</source>
        <translation>Ein Balken pro Klasse: wie wahrscheinlich das Netz jede Klasse für die Eingabe hält; der höchste Balken ist hervorgehoben.</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/probability_chart.py" line="72" />
        <source>probability (top {top} of {n})</source>
        <translation>Wahrscheinlichkeit (beste {top} von {n})</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/probability_chart.py" line="73" />
        <source>probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
</context><context>
    <name>StageCaption</name>
    <message>
        <location filename="../../../ui/draw/stage_caption.py" line="18" />
        <source> {count} maps in {rows} rows of {cols}.</source>
        <translation> {count} Karten in {rows} Reihen zu {cols}.</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/stage_caption.py" line="21" />
        <source> This stage has {n:,} maps: {shown} are shown at a time (◀ ▶ beside the step controls).</source>
        <translation> Diese Stufe hat {n:,} Karten: {shown} werden auf einmal gezeigt (◀ ▶ neben den Schrittknöpfen).</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/stage_caption.py" line="24" />
        <source> Maps {which} are switched off (crossed; see Switch maps off).</source>
        <translation> Die Karten {which} sind abgeschaltet (durchgekreuzt; siehe „Karten abschalten“).</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/stage_caption.py" line="26" />
        <source> Map {which} is switched off (crossed; see Switch maps off).</source>
        <translation> Karte {which} ist abgeschaltet (durchgekreuzt; siehe „Karten abschalten“).</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/stage_caption.py" line="31" />
        <source>{count:,} of these {n:,}</source>
        <translation>{count:,} dieser {n:,}</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/stage_caption.py" line="33" />
        <source> Maps {which} stay at 0 on this input (a uniform dark tile): that filter found nothing it responds to here, or never fires at all (a 'dead' filter).</source>
        <translation> Die Karten {which} bleiben bei dieser Eingabe 0 (eine gleichmäßig dunkle Kachel): Der Filter findet hier nichts, worauf er anspricht, oder feuert nie (ein „toter“ Filter).</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/stage_caption.py" line="36" />
        <source> Map {which} stay at 0 on this input (a uniform dark tile): that filter found nothing it responds to here, or never fires at all (a 'dead' filter).</source>
        <translation> Karte {which} bleibt bei dieser Eingabe 0 (eine gleichmäßig dunkle Kachel): Der Filter findet hier nichts, worauf er anspricht, oder feuert nie (ein „toter“ Filter).</translation>
    </message>
</context><context>
    <name>StagePicture</name>
    <message>
        <location filename="../../../ui/draw/stage_picture.py" line="28" />
        <source>Colours: one scale for every value of this stage.</source>
        <translation>Farben: eine Skala für alle Werte dieser Stufe.</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/stage_picture.py" line="29" />
        <source>The input in colour, as the model sees it (before its mean and std are applied).</source>
        <translation>Die Eingabe in Farbe, wie das Modell sie sieht (bevor Mittelwert und Standardabweichung angewendet werden).</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/stage_picture.py" line="36" />
        <source>Colours: one scale shared by all maps of this stage (maps compare with each other).</source>
        <translation>Farben: eine gemeinsame Skala für alle Karten dieser Stufe (die Karten sind untereinander vergleichbar).</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/stage_picture.py" line="38" />
        <source>Colours: each map on its own scale, from its lowest to its highest value.</source>
        <translation>Farben: jede Karte auf ihrer eigenen Skala, von ihrem kleinsten bis zu ihrem größten Wert.</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/stage_picture.py" line="41" />
        <source>Colours: each map on its own scale, from its lowest to its highest value. The bar shows the fraction of each map's own range.</source>
        <translation>Farben: jede Karte auf ihrer eigenen Skala, von ihrem kleinsten bis zu ihrem größten Wert. Der Balken zeigt den Anteil am eigenen Wertebereich jeder Karte.</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/stage_picture.py" line="67" />
        <source>class {index} = {v:.3f}</source>
        <translation>Klasse {index} = {v:.3f}</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/stage_picture.py" line="69" />
        <source>value {i} of {n} = {v:.3f}</source>
        <translation>Wert {i} von {n} = {v:.3f}</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/stage_picture.py" line="77" />
        <source>pixel {cell} = red {r:.3f}, green {g:.3f}, blue {b:.3f}</source>
        <translation>Pixel {cell} = rot {r:.3f}, grün {g:.3f}, blau {b:.3f}</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/stage_picture.py" line="80" />
        <source>map {n}, {cell} = {v:.3f}</source>
        <translation>Karte {n}, {cell} = {v:.3f}</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/stage_picture.py" line="86" />
        <source>row {row}, column {col}</source>
        <translation>Zeile {row}, Spalte {col}</translation>
    </message>
</context><context>
    <name>StageStrip</name>
    <message>
        <location filename="../../../ui/draw/stage_strip.py" line="26" />
        <source>Every stage of the network</source>
        <translation>Alle Stufen des Netzes</translation>
    </message>
    <message>
        <location filename="../../../ui/draw/stage_strip.py" line="27" />
        <source>Every stage of the network on the current input. Click a stage to enlarge it, or one of its maps to enlarge that map.</source>
        <translation>Alle Stufen des Netzes für die aktuelle Eingabe. Klicke eine Stufe an, um sie zu vergrößern, oder eine ihrer Karten, um diese Karte zu vergrößern.</translation>
    </message>
</context></TS>
