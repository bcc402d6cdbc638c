<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
    <context>
    <name>Breakdown</name>
    <message>
        <location filename="../../../ui/explain/breakdown.py" line="27" />
        <source>Click a cell of any map to see how its value was computed.</source>
        <translation>Klicke eine Zelle einer beliebigen Karte an, um zu sehen, wie ihr Wert berechnet wurde.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/breakdown.py" line="35" />
        <source>{stage}, map {n}, row {row}, column {col}</source>
        <translation>{stage}, Karte {n}, Zeile {row}, Spalte {col}</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/breakdown.py" line="39" />
        <source>Maps, rows and columns are counted from 1, rows from the top and columns from the left.</source>
        <translation>Karten, Zeilen und Spalten werden ab 1 gezählt, Zeilen von oben und Spalten von links.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/breakdown.py" line="45" />
        <source>{source} map {n}</source>
        <translation>{source} Karte {n}</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/breakdown.py" line="64" />
        <source>the pixels</source>
        <translation>die Pixel</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/breakdown.py" line="68" />
        <source> (+ {rest} more {source} maps with Σ = {s:+.3f})</source>
        <translation> (+ {rest} weitere Karten von {source} mit Σ = {s:+.3f})</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/breakdown.py" line="70" />
        <source>ReLU keeps positives: max(0, {v:.3f})</source>
        <translation>ReLU behält Positives: max(0, {v:.3f})</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/breakdown.py" line="73" />
        <source>no activation</source>
        <translation>keine Aktivierung</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/breakdown.py" line="75" />
        <source> The first layer sees the normalised pixels ((value − 0.1307) / 0.3081), so blank paper is −0.42; the padding around the image is 0.</source>
        <translation> Die erste Schicht sieht die normalisierten Pixel ((Wert − 0,1307) / 0,3081), leeres Papier ist also −0,42; der Rand (Padding) um das Bild ist 0.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/breakdown.py" line="77" />
        <source> The first layer sees the prepared pixels ({how}); the padding around the image is 0.</source>
        <translation> Die erste Schicht sieht die aufbereiteten Pixel ({how}); der Rand (Padding) um das Bild ist 0.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/breakdown.py" line="79" />
        <source> Batch norm is folded into these weights and bias.</source>
        <translation> Die Batch-Normalisierung ist in diese Gewichte und den Bias eingerechnet.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/breakdown.py" line="80" />
        <source>&lt;b&gt;{cell}&lt;/b&gt;: multiply the window by the filter and add everything up: Σ products = {sum:+.3f}{hidden}, plus bias {bias:+.3f} = {pre:+.3f}; {act} = &lt;b&gt;{result:.3f}&lt;/b&gt;, the value in the map.</source>
        <translation>&lt;b&gt;{cell}&lt;/b&gt;: Fenster mit dem Filter multiplizieren und alles addieren: Σ Produkte = {sum:+.3f}{hidden}, plus Bias {bias:+.3f} = {pre:+.3f}; {act} = &lt;b&gt;{result:.3f}&lt;/b&gt;, der Wert in der Karte.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/breakdown.py" line="97" />
        <source>the largest value (ringed) wins</source>
        <translation>der größte Wert (eingekreist) gewinnt</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/breakdown.py" line="98" />
        <source>the values are averaged</source>
        <translation>die Werte werden gemittelt</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/breakdown.py" line="101" />
        <source>{name}: a {kh}×{kw} window of {source} (rows {top}–{bottom}, columns {left}–{right}); {what}: &lt;b&gt;{result:.3f}&lt;/b&gt;. No weights: pooling only summarises.</source>
        <translation>{name}: ein {kh}×{kw}-Fenster von {source} (Zeilen {top}–{bottom}, Spalten {left}–{right}); {what}: &lt;b&gt;{result:.3f}&lt;/b&gt;. Keine Gewichte: Pooling fasst nur zusammen.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/breakdown.py" line="111" />
        <source>{name}: a residual block adds two paths. The main path (3×3 conv, batch norm, ReLU, 3×3 conv, batch norm) gives {main:+.3f}; the shortcut carries the block's input (or its 1×1 projection) here: {shortcut:+.3f}. ReLU({main:+.3f} {shortcut:+.3f}) = &lt;b&gt;{result:.3f}&lt;/b&gt;, the value in the map.</source>
        <translation>{name}: Ein Residualblock addiert zwei Wege. Der Hauptweg (3×3-Faltung, Batch-Normalisierung, ReLU, 3×3-Faltung, Batch-Normalisierung) ergibt {main:+.3f}; die Abkürzung bringt die Eingabe des Blocks (oder ihre 1×1-Projektion) hierher: {shortcut:+.3f}. ReLU({main:+.3f} {shortcut:+.3f}) = &lt;b&gt;{result:.3f}&lt;/b&gt;, der Wert in der Karte.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/breakdown.py" line="116" />
        <source>{name} = {value:.3f}. This stage is not a single convolution, pooling or residual block, so there is no one calculation to show.</source>
        <translation>{name} = {value:.3f}. Diese Stufe ist keine einzelne Faltung, kein Pooling und kein Residualblock, daher gibt es nicht die eine Rechnung zu zeigen.</translation>
    </message>
</context><context>
    <name>CellView</name>
    <message>
        <location filename="../../../ui/explain/cell_view.py" line="23" />
        <source>Click any cell of any map: its receptive field — the part of each earlier map and of the 28×28 input it can see — is outlined, and below is the arithmetic that produced its value. Hover a cell to draw lines to the cells that feed it. Without a mouse: click into the maps or Tab to them, then the arrow keys move the cell, Page Up/Down go to the previous/next layer's map, and Enter explains it.</source>
        <translation>Klicke eine beliebige Zelle einer Karte an: Ihr rezeptives Feld – der Teil jeder früheren Karte und der 28×28-Eingabe, den sie sehen kann – wird umrandet, und darunter steht die Rechnung, die ihren Wert ergab. Zeige mit der Maus auf eine Zelle, um Linien zu den Zellen zu ziehen, die sie speisen. Ohne Maus: in die Karten klicken oder mit Tab hineingehen, dann bewegen die Pfeiltasten die Zelle, Bild auf/ab wechseln zur Karte der vorigen/nächsten Schicht, und Enter erklärt sie.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/cell_view.py" line="65" />
        <source>Feature maps: arrow keys move the cell, Enter explains it</source>
        <translation>Merkmalskarten: Pfeiltasten bewegen die Zelle, Enter erklärt sie</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/cell_view.py" line="67" />
        <source>Click a cell to explain its value; hover a cell to draw lines to the cells that feed it</source>
        <translation>Klicke eine Zelle an, um ihren Wert zu erklären; zeige mit der Maus auf eine Zelle, um Linien zu den Zellen zu ziehen, die sie speisen</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/cell_view.py" line="74" />
        <source>The maps in words</source>
        <translation>Die Karten in Worten</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/cell_view.py" line="77" />
        <source>The cell the arrow keys are on</source>
        <translation>Die Zelle, auf der die Pfeiltasten stehen</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/cell_view.py" line="123" />
        <source>{arch} has no feature maps: every neuron of a fully connected layer sees the whole image, so there is no receptive field or sliding dot product to show. Open a CNN to explore this view.</source>
        <translation>{arch} hat keine Merkmalskarten: Jedes Neuron einer vollständig verbundenen Schicht sieht das ganze Bild, daher gibt es kein rezeptives Feld und kein gleitendes Skalarprodukt zu zeigen. Öffne ein CNN, um diese Ansicht zu erkunden.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/cell_view.py" line="131" />
        <source>{stage}: map </source>
        <translation>{stage}: Karte </translation>
    </message>
    <message>
        <location filename="../../../ui/explain/cell_view.py" line="133" />
        <source>Which map of {stage} to show (counted from 1)</source>
        <translation>Welche Karte von {stage} gezeigt wird (ab 1 gezählt)</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/cell_view.py" line="134" />
        <source>Map of {stage} shown</source>
        <translation>Gezeigte Karte von {stage}</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/cell_view.py" line="179" />
        <source> of {n}</source>
        <translation> von {n}</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/cell_view.py" line="187" />
        <source>{stage}, map {n}: {description}.</source>
        <translation>{stage}, Karte {n}: {description}.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/cell_view.py" line="229" />
        <source> This map is switched off (Draw &amp; explore → Switch maps off), so the map shows {shown:.3f}.</source>
        <translation> Diese Karte ist abgeschaltet (Zeichnen &amp; erkunden → Karten abschalten), daher zeigt die Karte {shown:.3f}.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/cell_view.py" line="232" />
        <source> It sees a {size:.0f}×{size:.0f}-pixel patch of the input (outlined, clipped at the borders).</source>
        <translation> Sie sieht einen {size:.0f}×{size:.0f}-Pixel-Ausschnitt der Eingabe (umrandet, an den Rändern abgeschnitten).</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/cell_view.py" line="278" />
        <source>Keyboard cell: {cell}, value {v:.3f}. Press Enter to explain it.</source>
        <translation>Tastaturzelle: {cell}, Wert {v:.3f}. Drücke Enter, um sie zu erklären.</translation>
    </message>
</context><context>
    <name>ExplainTab</name>
    <message>
        <location filename="../../../ui/explain/common.py" line="35" />
        <source>Export PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/common.py" line="36" />
        <source>Save this view as a PNG picture</source>
        <translation>Diese Ansicht als PNG-Bild speichern</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/common.py" line="39" />
        <source>Export as PNG</source>
        <translation>Als PNG exportieren</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/common.py" line="41" />
        <source>Could not write {path}: choose a folder you can write to.</source>
        <translation>{path} konnte nicht geschrieben werden: Wähle einen Ordner, in den du schreiben darfst.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/tab.py" line="46" />
        <source>Use a random test image</source>
        <translation>Zufälliges Testbild verwenden</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/tab.py" line="47" />
        <source>Put an image from the open data set's test set on the canvas</source>
        <translation>Ein Bild aus der Testmenge des geöffneten Datensatzes auf die Zeichenfläche legen</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/tab.py" line="59" />
        <source>Behind a number</source>
        <translation>Hinter einer Zahl</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/tab.py" line="60" />
        <source>Behind a class score</source>
        <translation>Hinter einem Klassenwert</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/tab.py" line="61" />
        <source>Saliency</source>
        <translation>Saliency</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/tab.py" line="62" />
        <source>Invariance probe</source>
        <translation>Invarianztest</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/tab.py" line="63" />
        <source>Explanations</source>
        <translation>Erklärungen</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/tab.py" line="64" />
        <source>Choose how to look inside the network's answer</source>
        <translation>Wähle, wie du in die Antwort des Netzes hineinschaust</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/tab.py" line="98" />
        <source>The invariance probe moves a digit and compares with an MNIST network: it is for models that read 28×28 MNIST digits.</source>
        <translation>Der Invarianztest verschiebt eine Ziffer und vergleicht mit einem MNIST-Netz: Er ist für Modelle, die 28×28-MNIST-Ziffern lesen.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/tab.py" line="119" />
        <source>No model yet: one is being trained, or open one from the File menu.</source>
        <translation>Noch kein Modell: Eines wird gerade trainiert, oder öffne eines über das Menü Datei.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/tab.py" line="122" />
        <source>Draw a digit or pick a picture, or use a random test image, to see what the network does with it.</source>
        <translation>Zeichne eine Ziffer, wähle ein Bild oder nimm ein zufälliges Testbild, um zu sehen, was das Netz damit macht.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/tab.py" line="127" />
        <source> (true label: {name})</source>
        <translation> (wahre Klasse: {name})</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/tab.py" line="130" />
        <source>&lt;b&gt;{arch}&lt;/b&gt; predicts &lt;b&gt;{name}&lt;/b&gt; with {p} probability{truth}.{off}</source>
        <translation>&lt;b&gt;{arch}&lt;/b&gt; sagt &lt;b&gt;{name}&lt;/b&gt; mit {p} Wahrscheinlichkeit vorher{truth}.{off}</translation>
    </message>
</context><context>
    <name>LinearView</name>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="34" />
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="34" />
        <source>Logit</source>
        <translation>Logit</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="35" />
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="42" />
        <source>{source} map {n}, {cell}</source>
        <translation>{source} Karte {n}, {cell}</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="44" />
        <source>{source} unit {n}</source>
        <translation>{source} Einheit {n}</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="49" />
        <source>ReLU keeps positives: max(0, {v:.3f})</source>
        <translation>ReLU behält Positives: max(0, {v:.3f})</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="51" />
        <source>no activation</source>
        <translation>keine Aktivierung</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="52" />
        <source>{stage}, unit {n}</source>
        <translation>{stage}, Einheit {n}</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="53" />
        <source>&lt;b&gt;{name}&lt;/b&gt; = Σ of {terms} terms wᵢ·xᵢ + b: the terms that pushed it up add to {up:+.3f}, those that pushed it down to {down:+.3f}; plus bias {bias:+.3f} = {pre:+.3f}; {act} = &lt;b&gt;{result:.3f}&lt;/b&gt;, the value in {stage}.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; = Σ aus {terms} Termen wᵢ·xᵢ + b: Die Terme, die ihn erhöht haben, ergeben zusammen {up:+.3f}, die ihn gesenkt haben {down:+.3f}; plus Bias {bias:+.3f} = {pre:+.3f}; {act} = &lt;b&gt;{result:.3f}&lt;/b&gt;, der Wert in {stage}.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="61" />
        <source> Every logit has the largest, {shift:.3f}, subtracted first, which keeps exp finite and leaves the probabilities unchanged.</source>
        <translation> Von jedem Logit wird zuerst das größte, {shift:.3f}, abgezogen; das hält exp endlich und lässt die Wahrscheinlichkeiten unverändert.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="64" />
        <source>Softmax: exponentiate each class score (logit), add the exponentials up (Σ = {total:.4g}) and divide each by the sum. &lt;b&gt;{name}&lt;/b&gt;: exp({logit:.3f}) / {total:.4g} = &lt;b&gt;{p}&lt;/b&gt;.</source>
        <translation>Softmax: Jeden Klassenwert (Logit) exponenzieren, die Exponentialwerte addieren (Σ = {total:.4g}) und jeden durch die Summe teilen. &lt;b&gt;{name}&lt;/b&gt;: exp({logit:.3f}) / {total:.4g} = &lt;b&gt;{p}&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="85" />
        <source>A fully connected unit multiplies every one of its inputs by its own weight and adds them all up, plus a bias. The map shows each term wᵢ·xᵢ where its input sits: red pushed the unit up, blue pushed it down. Pick the softmax to see how the class scores become probabilities.</source>
        <translation>Eine vollständig verbundene Einheit multipliziert jede ihrer Eingaben mit einem eigenen Gewicht und addiert alles, plus einen Bias. Die Karte zeigt jeden Term wᵢ·xᵢ dort, wo seine Eingabe liegt: Rot hat die Einheit erhöht, Blau hat sie gesenkt. Wähle softmax, um zu sehen, wie aus den Klassenwerten Wahrscheinlichkeiten werden.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="95" />
        <source>Stage:</source>
        <translation>Stufe:</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="97" />
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="98" />
        <source>A fully connected stage, or the softmax</source>
        <translation>Eine vollständig verbundene Stufe oder die Softmax</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="102" />
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="103" />
        <source>Which unit (class) to break down, counted from 1</source>
        <translation>Welche Einheit (Klasse) zerlegt wird, ab 1 gezählt</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="114" />
        <source>Contribution map</source>
        <translation>Beitragskarte</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="115" />
        <source>Each input's term wᵢ·xᵢ where the input sits: red pushed the unit up, blue pushed it down</source>
        <translation>Der Term wᵢ·xᵢ jeder Eingabe an ihrer Stelle: Rot hat die Einheit erhöht, Blau hat sie gesenkt</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="120" />
        <source>The largest terms</source>
        <translation>Die größten Terme</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="121" />
        <source>The inputs whose terms wᵢ·xᵢ are largest, or the softmax step by step</source>
        <translation>Die Eingaben mit den größten Termen wᵢ·xᵢ, oder die Softmax Schritt für Schritt</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="170" />
        <source>class </source>
        <translation>Klasse </translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="171" />
        <source>unit </source>
        <translation>Einheit </translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="172" />
        <source> of {n}</source>
        <translation> von {n}</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="183" />
        <source>Draw a digit to see how a fully connected unit and the softmax add up.</source>
        <translation>Zeichne eine Ziffer, um zu sehen, wie sich eine vollständig verbundene Einheit und die Softmax zusammensetzen.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="185" />
        <source>{arch} has no fully connected stage.</source>
        <translation>{arch} hat keine vollständig verbundene Stufe.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="203" />
        <source>Each input's term wᵢ·xᵢ, laid out like {source}</source>
        <translation>Der Term wᵢ·xᵢ jeder Eingabe, angeordnet wie {source}</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="210" />
        <source>{stage}, the score of class {name}</source>
        <translation>{stage}, der Wert der Klasse {name}</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="213" />
        <source> The table lists the {n} largest terms.</source>
        <translation> Die Tabelle listet die {n} größten Terme.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="218" />
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="245" />
        <source>; the largest exponent is {v:.3f}</source>
        <translation>; der größte Exponent ist {v:.3f}</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/linear_view.py" line="246" />
        <source>exp of each logit</source>
        <translation>exp jedes Logits</translation>
    </message>
</context><context>
    <name>ProbeView</name>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="45" />
        <source>Shift right (pixels)</source>
        <translation>Verschiebung nach rechts (Pixel)</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="46" />
        <source>shift right</source>
        <translation>nach rechts verschoben</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="47" />
        <source>Shift down (pixels)</source>
        <translation>Verschiebung nach unten (Pixel)</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="48" />
        <source>shift down</source>
        <translation>nach unten verschoben</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="49" />
        <source>Rotation anticlockwise (degrees)</source>
        <translation>Drehung gegen den Uhrzeigersinn (Grad)</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="50" />
        <source>rotation anticlockwise</source>
        <translation>gegen den Uhrzeigersinn gedreht</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="65" />
        <source>The saved FC network could not be opened ({reason}); it was set aside as {name} and a new one trained.</source>
        <translation>Das gespeicherte FC-Netz ließ sich nicht öffnen ({reason}); es wurde als {name} beiseitegelegt und ein neues trainiert.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="67" />
        <source>The saved FC network could not be opened ({reason}); it was set aside and a new one trained.</source>
        <translation>Das gespeicherte FC-Netz ließ sich nicht öffnen ({reason}); es wurde beiseitegelegt und ein neues trainiert.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="86" />
        <source>{acc:.1%} test accuracy</source>
        <translation>{acc:.1%} Testgenauigkeit</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="87" />
        <source>accuracy unknown</source>
        <translation>Genauigkeit unbekannt</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="89" />
        <source> on {n:,} digits</source>
        <translation> auf {n:,} Ziffern</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="90" />
        <source>, {n} hidden units</source>
        <translation>, {n} verborgene Einheiten</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="92" />
        <source>{n} epoch</source>
        <translation>{n} Epoche</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="92" />
        <source>{n} epochs</source>
        <translation>{n} Epochen</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="126" />
        <source>Invariance curves</source>
        <translation>Invarianzkurven</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="127" />
        <source>The probability of the class as the digit is moved or turned, for this model and for a fully connected network; the summary below says it in words</source>
        <translation>Die Wahrscheinlichkeit der Klasse, während die Ziffer verschoben oder gedreht wird, für dieses Modell und für ein vollständig verbundenes Netz; die Zusammenfassung darunter sagt es in Worten</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="134" />
        <source>probability of the class</source>
        <translation>Wahrscheinlichkeit der Klasse</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="150" />
        <source>First-layer map:</source>
        <translation>Karte der ersten Schicht:</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="153" />
        <source>First-layer map</source>
        <translation>Karte der ersten Schicht</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="154" />
        <source>Which map of the first stage to show (counted from 1)</source>
        <translation>Welche Karte der ersten Stufe gezeigt wird (ab 1 gezählt)</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="163" />
        <source>Shifted digits and their maps</source>
        <translation>Verschobene Ziffern und ihre Karten</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="164" />
        <source>Top: the digit moved left and right; bottom: the chosen first-layer map for each</source>
        <translation>Oben: die Ziffer nach links und rechts verschoben; unten: die gewählte Karte der ersten Schicht für jede</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="166" />
        <source>shift {dx:+.0f} px</source>
        <translation>verschoben {dx:+.0f} px</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="190" />
        <source>Preparing a small fully connected network to compare with (loading it, or training it the first time). The current model's curves are shown meanwhile.</source>
        <translation>Ein kleines vollständig verbundenes Netz zum Vergleich wird vorbereitet (geladen oder beim ersten Mal trainiert). Bis dahin werden die Kurven des aktuellen Modells gezeigt.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="197" />
        <source>Training the FC network failed: {message}</source>
        <translation>Das Training des FC-Netzes ist fehlgeschlagen: {message}</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="203" />
        <source>Training the FC network was stopped; it starts again when this view is shown.</source>
        <translation>Das Training des FC-Netzes wurde angehalten; es beginnt erneut, wenn diese Ansicht gezeigt wird.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="207" />
        <source>Training a small fully connected network ({arch}) to compare with: epoch {epoch} of {epochs} done. The current model's curves are shown meanwhile.</source>
        <translation>Ein kleines vollständig verbundenes Netz ({arch}) wird zum Vergleich trainiert: Epoche {epoch} von {epochs} fertig. Bis dahin werden die Kurven des aktuellen Modells gezeigt.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="223" />
        <source>{cnn_mark} {label}: {cnn}&amp;nbsp;&amp;nbsp; {fc_mark} FC: {fc}{note}</source>
        <translation>{cnn_mark} {label}: {cnn}&amp;nbsp;&amp;nbsp; {fc_mark} FC: {fc}{note}</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="244" />
        <source>Could not compute the probe: {message}</source>
        <translation>Der Test konnte nicht berechnet werden: {message}</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="261" />
        <source>probability of {name}</source>
        <translation>Wahrscheinlichkeit von {name}</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="277" />
        <source>Moved copies still called &lt;b&gt;{name}&lt;/b&gt; — {counts}. Labels on the curves show the class predicted instead, where it changed.</source>
        <translation>Verschobene Kopien, die weiterhin &lt;b&gt;{name}&lt;/b&gt; heißen – {counts}. Beschriftungen an den Kurven zeigen, welche Klasse stattdessen vorhergesagt wird, wo sie sich ändert.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="287" />
        <source>This model's first stage has no feature maps to compare.</source>
        <translation>Die erste Stufe dieses Modells hat keine Merkmalskarten zum Vergleichen.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="294" />
        <source> of {n}</source>
        <translation> von {n}</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="304" />
        <source> Away from the borders, the map of each moved digit equals the original map moved: largest difference {worst:.4f}, for values up to {top:.2f}.</source>
        <translation> Abseits der Ränder gleicht jede Karte der verschobenen Originalkarte: größte Abweichung {worst:.4f} bei Werten bis {top:.2f}.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/probe_view.py" line="307" />
        <source>&lt;b&gt;Weight sharing.&lt;/b&gt; Top: the digit shifted left and right. Bottom: map {n} of the first stage ({stage}) for each, on one colour scale. The same filter is applied everywhere, so the pattern is the same, just moved.{measured} The answer is not guaranteed to stay the same: pooling forgives only moves inside its small window, and the curves above show how much the later layers cope with the rest.</source>
        <translation>&lt;b&gt;Geteilte Gewichte.&lt;/b&gt; Oben: die Ziffer nach links und rechts verschoben. Unten: Karte {n} der ersten Stufe ({stage}) für jede, auf einer Farbskala. Derselbe Filter wirkt überall, also ist das Muster gleich, nur verschoben.{measured} Dass die Antwort gleich bleibt, ist nicht garantiert: Pooling verzeiht nur kleine Verschiebungen in seinem Fenster; die Kurven oben zeigen, wie die späteren Schichten mit dem Rest zurechtkommen.</translation>
    </message>
</context><context>
    <name>SaliencyView</name>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="85" />
        <source>Saliency overlay</source>
        <translation>Saliency-Überlagerung</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="86" />
        <source>The chosen method's map over the input: brighter mattered more</source>
        <translation>Die Karte der gewählten Methode über der Eingabe: heller war wichtiger</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="87" />
        <source>Saliency for the true class</source>
        <translation>Saliency für die wahre Klasse</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="88" />
        <source>The same method's map for the true class, beside the wrong answer's</source>
        <translation>Die Karte derselben Methode für die wahre Klasse, neben der für die falsche Antwort</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="95" />
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="97" />
        <source>Saliency method</source>
        <translation>Saliency-Methode</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="98" />
        <source>How the map of what mattered is computed</source>
        <translation>Wie die Karte dessen, was wichtig war, berechnet wird</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="103" />
        <source>Class:</source>
        <translation>Klasse:</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="105" />
        <source>Class to explain</source>
        <translation>Zu erklärende Klasse</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="106" />
        <source>The class whose evidence is shown</source>
        <translation>Die Klasse, deren Hinweise gezeigt werden</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="154" />
        <location filename="../../../ui/explain/saliency_view.py" line="107" />
        <source>the predicted class</source>
        <translation>die vorhergesagte Klasse</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="118" />
        <source>Overlay opacity:</source>
        <translation>Deckkraft der Überlagerung:</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="120" />
        <source>Overlay opacity</source>
        <translation>Deckkraft der Überlagerung</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="121" />
        <source>How strongly the map covers the input</source>
        <translation>Wie stark die Karte die Eingabe überdeckt</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="134" />
        <source>All methods for the same class (click one to enlarge it):</source>
        <translation>Alle Methoden für dieselbe Klasse (zum Vergrößern anklicken):</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="136" />
        <source>All methods</source>
        <translation>Alle Methoden</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="137" />
        <source>Every method's map for the same class; click one to enlarge it</source>
        <translation>Die Karte jeder Methode für dieselbe Klasse; zum Vergrößern anklicken</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="203" />
        <source>Could not compute the saliency maps: {message}</source>
        <translation>Die Saliency-Karten konnten nicht berechnet werden: {message}</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="224" />
        <source> Brighter = mattered more; each map is scaled to its own maximum, so compare where, not how much.</source>
        <translation> Heller = wichtiger; jede Karte ist auf ihr eigenes Maximum skaliert, vergleiche also das Wo, nicht das Wie-viel.</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="251" />
        <source>&lt;b&gt;{method}&lt;/b&gt;: what mattered for class &lt;b&gt;{name}&lt;/b&gt; (probability {p})</source>
        <translation>&lt;b&gt;{method}&lt;/b&gt;: was für die Klasse &lt;b&gt;{name}&lt;/b&gt; wichtig war (Wahrscheinlichkeit {p})</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="256" />
        <source>&lt;b&gt;{method}&lt;/b&gt; is not available: {reason}</source>
        <translation>&lt;b&gt;{method}&lt;/b&gt; ist nicht verfügbar: {reason}</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="271" />
        <source>True class {name}</source>
        <translation>Wahre Klasse {name}</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="275" />
        <source>Predicted {name}: wrong</source>
        <translation>Vorhersage {name}: falsch</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="276" />
        <source>Class {name}</source>
        <translation>Klasse {name}</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="277" />
        <source>Left: the wrong &lt;b&gt;{name}&lt;/b&gt;'s evidence; right: the true &lt;b&gt;{truth}&lt;/b&gt;'s ({p}).</source>
        <translation>Links: die Hinweise für die falsche Klasse &lt;b&gt;{name}&lt;/b&gt;; rechts: die für die wahre Klasse &lt;b&gt;{truth}&lt;/b&gt; ({p}).</translation>
    </message>
    <message>
        <location filename="../../../ui/explain/saliency_view.py" line="279" />
        <source>Left: class &lt;b&gt;{name}&lt;/b&gt;'s evidence; right: the true &lt;b&gt;{truth}&lt;/b&gt;'s ({p}).</source>
        <translation>Links: die Hinweise für die Klasse &lt;b&gt;{name}&lt;/b&gt;; rechts: die für die wahre Klasse &lt;b&gt;{truth}&lt;/b&gt; ({p}).</translation>
    </message>
</context></TS>
