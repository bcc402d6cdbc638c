<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>KernelEditor</name>
    <message>
        <location filename="../../../ui/sandbox/kernel_editor.py" line="34" />
        <source>Kernel weights</source>
        <translation>Gewichte des Filterkerns</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/kernel_editor.py" line="35" />
        <source>Click or drag to paint cells with the brush value; right-click sets a cell to 0</source>
        <translation>Klicken oder ziehen, um Zellen mit dem Malwert zu füllen; ein Rechtsklick setzt eine Zelle auf 0</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/kernel_editor.py" line="93" />
        <source>Paint value</source>
        <translation>Malwert</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/kernel_editor.py" line="94" />
        <source>The value a click or drag on the kernel paints</source>
        <translation>Der Wert, den ein Klick oder Ziehen auf dem Filterkern einträgt</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/kernel_editor.py" line="101" />
        <source>Kernel as text</source>
        <translation>Filterkern als Text</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/kernel_editor.py" line="102" />
        <source>The kernel's numbers, one row per line: edit them to change the kernel</source>
        <translation>Die Zahlen des Filterkerns, eine Kernzeile je Textzeile: Ändern Sie sie, um den Filterkern zu ändern</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/kernel_editor.py" line="111" />
        <source>Paint value:</source>
        <translation>Malwert:</translation>
    </message>
</context><context>
    <name>NumbersView</name>
    <message>
        <location filename="../../../ui/sandbox/numbers_view.py" line="29" />
        <source>Input under the window</source>
        <translation>Eingabe unter dem Fenster</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/numbers_view.py" line="30" />
        <source>The input values the kernel's taps read now: each is multiplied by the kernel's weight in the same place, and the products are summed into the output cell</source>
        <translation>Die Eingabewerte, die der Filterkern gerade liest: Jeder wird mit dem Gewicht des Filterkerns an derselben Stelle multipliziert, und die Produkte werden zur Ausgabezelle summiert</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/numbers_view.py" line="37" />
        <source>Under the window:</source>
        <translation>Unter dem Fenster:</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/numbers_view.py" line="63" />
        <source>Window {i} of {n}: output cell ({row}, {col}) = Σ weight × input = {terms}{more} = {value}</source>
        <translation>Fenster {i} von {n}: Ausgabezelle ({row}, {col}) = Σ Gewicht × Eingabe = {terms}{more} = {value}</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/numbers_view.py" line="74" />
        <source>&lt;br&gt;&amp;nbsp;&amp;nbsp;each side: {size}</source>
        <translation>&lt;br&gt;&amp;nbsp;&amp;nbsp;jede Seite: {size}</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/numbers_view.py" line="76" />
        <source>&lt;br&gt;&amp;nbsp;&amp;nbsp;rows: {rows}&lt;br&gt;&amp;nbsp;&amp;nbsp;columns: {cols}</source>
        <translation>&lt;br&gt;&amp;nbsp;&amp;nbsp;Zeilen: {rows}&lt;br&gt;&amp;nbsp;&amp;nbsp;Spalten: {cols}</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/numbers_view.py" line="80" />
        <source>&lt;b&gt;Output size&lt;/b&gt; = ⌊(n + 2p − d·(k − 1) − 1) / s⌋ + 1{sizes}&lt;br&gt;&lt;b&gt;Receptive field&lt;/b&gt;: each output cell sees a {field}×{field} patch of the input: d·(k − 1) + 1 = {d}·({k} − 1) + 1 = {field}&lt;br&gt;&lt;b&gt;Parameters&lt;/b&gt;: {k}×{k} = {weights} weights + 1 bias = {parameters} (a layer of F filters over C input maps has F·(C·k² + 1))</source>
        <translation>&lt;b&gt;Ausgabegröße&lt;/b&gt; = ⌊(n + 2p − d·(k − 1) − 1) / s⌋ + 1{sizes}&lt;br&gt;&lt;b&gt;Rezeptives Feld&lt;/b&gt;: Jede Ausgabezelle sieht einen {field}×{field}-Ausschnitt der Eingabe: d·(k − 1) + 1 = {d}·({k} − 1) + 1 = {field}&lt;br&gt;&lt;b&gt;Parameter&lt;/b&gt;: {k}×{k} = {weights} Gewichte + 1 Bias = {parameters} (eine Schicht mit F Filtern über C Eingabekarten hat F·(C·k² + 1))</translation>
    </message>
</context><context>
    <name>SandboxTab</name>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="57" />
        <source>identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="57" />
        <source>box blur</source>
        <translation>Mittelwert-Unschärfe</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="58" />
        <source>Gaussian blur</source>
        <translation>Gauß-Unschärfe</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="58" />
        <source>sharpen</source>
        <translation>Schärfen</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="59" />
        <source>Sobel x</source>
        <translation>Sobel x</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="59" />
        <source>Sobel y</source>
        <translation>Sobel y</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="61" />
        <source>Set a kernel and watch it slide over your drawing (the Draw tab's input). Each output cell is Σ weight × input over the window's taps; the padding adds zeros round the picture.</source>
        <translation>Wählen Sie einen Filterkern und sehen Sie zu, wie er über Ihre Zeichnung gleitet (die Eingabe des Zeichnen-Tabs). Jede Ausgabezelle ist Σ Gewicht × Eingabe über die Stellen des Fensters; das Padding fügt Nullen rund um das Bild hinzu.</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="94" />
        <source>Kernel preset</source>
        <translation>Vorgefertigter Filterkern</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="95" />
        <source>Ready-made kernels; “learned” ones are the current model's first-layer filters</source>
        <translation>Fertige Filterkerne; „gelernte“ sind die Filter der ersten Schicht des aktuellen Modells</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="98" />
        <source>Kernel size</source>
        <translation>Kerngröße</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="99" />
        <source>k: the kernel is k×k weights</source>
        <translation>k: Der Filterkern hat k×k Gewichte</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="100" />
        <source>Stride</source>
        <translation>Schrittweite</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="101" />
        <source>s: how far the window moves per step</source>
        <translation>s: wie weit sich das Fenster pro Schritt bewegt</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="104" />
        <source>same (output as large as the input)</source>
        <translation>same (Ausgabe so groß wie die Eingabe)</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="106" />
        <source>Padding</source>
        <translation>Padding</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="107" />
        <source>p: rows and columns of zeros added on every side</source>
        <translation>p: Zeilen und Spalten aus Nullen, die an jeder Seite hinzugefügt werden</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="108" />
        <source>Dilation</source>
        <translation>Dilatation</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="109" />
        <source>d: gaps between the kernel's taps (1 = none)</source>
        <translation>d: Abstände zwischen den Stellen des Filterkerns (1 = keine)</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="110" />
        <source>Step time</source>
        <translation>Schrittdauer</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="111" />
        <source>Time per window position when playing</source>
        <translation>Zeit je Fensterposition beim Abspielen</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="113" />
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="116" />
        <source>Kernel size k:</source>
        <translation>Kerngröße k:</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="117" />
        <source>Stride s:</source>
        <translation>Schrittweite s:</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="118" />
        <source>Padding p:</source>
        <translation>Padding p:</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="119" />
        <source>Dilation d:</source>
        <translation>Dilatation d:</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="120" />
        <source>Step time:</source>
        <translation>Schrittdauer:</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="148" />
        <source>◀ Step</source>
        <translation>◀ Schritt</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="311" />
        <location filename="../../../ui/sandbox/tab.py" line="149" />
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="150" />
        <source>Step ▶</source>
        <translation>Schritt ▶</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="151" />
        <source>Step back</source>
        <translation>Schritt zurück</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="152" />
        <source>Step forward</source>
        <translation>Schritt vor</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="153" />
        <source>Move the window back one position (←)</source>
        <translation>Das Fenster eine Position zurückbewegen (←)</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="154" />
        <source>Move the window on one position (→)</source>
        <translation>Das Fenster eine Position weiterbewegen (→)</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="155" />
        <source>Slide the window over the whole picture</source>
        <translation>Das Fenster über das ganze Bild gleiten lassen</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="208" />
        <source>your own (painted or typed)</source>
        <translation>Ihr eigener (gemalt oder eingetippt)</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="254" />
        <source>{why} Your kernel was cut to {k}×{k} instead.</source>
        <translation>{why} Ihr Filterkern wurde stattdessen auf {k}×{k} zugeschnitten.</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/tab.py" line="307" />
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
</context><context>
    <name>SlideView</name>
    <message>
        <location filename="../../../ui/sandbox/slide_view.py" line="30" />
        <source>Input with padding</source>
        <translation>Eingabe mit Padding</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/slide_view.py" line="31" />
        <source>Output map</source>
        <translation>Ausgabekarte</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/slide_view.py" line="32" />
        <source>Input and output pictures</source>
        <translation>Eingabe- und Ausgabebild</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/slide_view.py" line="33" />
        <source>Left: your drawing with its border of zero padding (tinted) and the kernel's window. Right: the output map, filled in as the window slides.</source>
        <translation>Links: Ihre Zeichnung mit ihrem Rand aus Null-Padding (eingefärbt) und dem Fenster des Filterkerns. Rechts: die Ausgabekarte, die sich füllt, während das Fenster gleitet.</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/slide_view.py" line="42" />
        <source>Input {h}×{w} + padding {pads} = {ph}×{pw}</source>
        <translation>Eingabe {h}×{w} + Padding {pads} = {ph}×{pw}</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/slide_view.py" line="52" />
        <source>Output map {h}×{w} · cell ({row}, {col}) = {value:.2f}</source>
        <translation>Ausgabekarte {h}×{w} · Zelle ({row}, {col}) = {value:.2f}</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/slide_view.py" line="66" />
        <source>{n} on each side</source>
        <translation>{n} an jeder Seite</translation>
    </message>
    <message>
        <location filename="../../../ui/sandbox/slide_view.py" line="67" />
        <source>{before} before, {after} after</source>
        <translation>{before} davor, {after} danach</translation>
    </message>
</context></TS>
