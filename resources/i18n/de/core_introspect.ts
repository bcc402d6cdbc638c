<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>core</name>
        <message>
            <source>Vanilla gradient</source>
            <translation>Einfacher Gradient</translation>
        </message>
        <message>
            <source>How sharply the class score reacts to each pixel: bright pixels would change the answer most if they changed a little.</source>
            <translation>Wie stark der Klassenwert auf jedes Pixel reagiert: Helle Pixel würden die Antwort am meisten ändern, wenn sie sich ein wenig änderten.</translation>
        </message>
        <message>
            <source>The gradient averaged over noisy copies of the digit, which cancels the speckle and leaves the strokes the class depends on.</source>
            <translation>Der Gradient, gemittelt über verrauschte Kopien der Ziffer; das hebt das Rauschen auf und lässt die Striche übrig, auf die es der Klasse ankommt.</translation>
        </message>
        <message>
            <source>The last convolutional maps times how much each of their values raises the class score, position by position (HiResCAM, Draelos &amp; Carin 2020): a coarse map of where the evidence for the class was found — sometimes in the blank paper around the digit, when the absence of ink is what tells this class apart.</source>
            <translation>Die letzten Faltungskarten mal, wie stark jeder ihrer Werte den Klassenwert erhöht, Stelle für Stelle (HiResCAM, Draelos &amp; Carin 2020): eine grobe Karte, wo die Hinweise auf die Klasse gefunden wurden – manchmal im leeren Papier um die Ziffer, wenn gerade das Fehlen von Tinte diese Klasse unterscheidet.</translation>
        </message>
        <message>
            <source>The original Grad-CAM recipe: one weight per map (its gradient averaged over the map). On small MNIST networks it often lights the empty background that tells this class apart.</source>
            <translation>Das ursprüngliche Grad-CAM-Rezept: ein Gewicht pro Karte (ihr über die Karte gemittelter Gradient). Bei kleinen MNIST-Netzen leuchtet oft der leere Hintergrund auf, der diese Klasse unterscheidet.</translation>
        </message>
        <message>
            <source>Occlusion</source>
            <translation>Verdeckung (Occlusion)</translation>
        </message>
        <message>
            <source>Cover a 6×6 patch at each position and see how much the class's probability drops: no gradients, just experiments.</source>
            <translation>Ein 6×6-Feld an jeder Stelle abdecken und sehen, wie stark die Wahrscheinlichkeit der Klasse sinkt: keine Gradienten, nur Experimente.</translation>
        </message>
        <message>
            <source>strongest response</source>
            <translation>stärkste Antwort</translation>
        </message>
        <message>
            <source>brightest pixel</source>
            <translation>hellstes Pixel</translation>
        </message>
        <message>
            <source>top-left</source>
            <translation>oben links</translation>
        </message>
        <message>
            <source>top</source>
            <translation>oben</translation>
        </message>
        <message>
            <source>top-right</source>
            <translation>oben rechts</translation>
        </message>
        <message>
            <source>middle-left</source>
            <translation>Mitte links</translation>
        </message>
        <message>
            <source>centre</source>
            <translation>Mitte</translation>
        </message>
        <message>
            <source>middle-right</source>
            <translation>Mitte rechts</translation>
        </message>
        <message>
            <source>bottom-left</source>
            <translation>unten links</translation>
        </message>
        <message>
            <source>bottom</source>
            <translation>unten</translation>
        </message>
        <message>
            <source>bottom-right</source>
            <translation>unten rechts</translation>
        </message>
        <message>
            <source>{lead} {region} (row {row}, column {col}); {active:.0%} of cells active</source>
            <translation>{lead}: {region} (Zeile {row}, Spalte {col}); {active:.0%} der Zellen aktiv</translation>
        </message>
        <message>
            <source>no cell active (all {cells} cells are 0 or below)</source>
            <translation>keine Zelle aktiv (alle {cells} Zellen sind 0 oder kleiner)</translation>
        </message>
        <message>
            <source>{pool} (average {kh}×{kw}) of {source}</source>
            <translation>{pool} (Mittelwert {kh}×{kw}) von {source}</translation>
        </message>
        <message>
            <source>{pool} (max {kh}×{kw}) of {source}</source>
            <translation>{pool} (Maximum {kh}×{kw}) von {source}</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>Eingabe</translation>
        </message>
        <message>
            <source>The 28×28 grey-level digit, scaled to [0, 1] (then normalised with MNIST's mean and std before entering the network).</source>
            <translation>Die Ziffer in 28×28 Graustufen, auf [0, 1] skaliert (bevor sie ins Netz geht, wird sie noch mit Mittelwert und Standardabweichung von MNIST normiert).</translation>
        </message>
        <message>
            <source>resized to {height}×{width}, {colour}, pixels mapped to [{lo:g}, {hi:g}], minus mean {mean}, divided by std {std}</source>
            <translation>auf {height}×{width} skaliert, {colour}, Pixel auf [{lo:g}, {hi:g}] abgebildet, Mittelwert {mean} abgezogen, durch Standardabweichung {std} geteilt</translation>
        </message>
        <message>
            <source>Turns the class scores into probabilities that sum to 1; the largest is the prediction.</source>
            <translation>Verwandelt die Klassenwerte in Wahrscheinlichkeiten, die zusammen 1 ergeben; die größte ist die Vorhersage.</translation>
        </message>
        <message>
            <source>grey</source>
            <translation>grau</translation>
        </message>
        <message>
            <source>{order} colour (a grey drawing copied to 3 channels)</source>
            <translation>farbig in {order} (eine graue Zeichnung in 3 Kanäle kopiert)</translation>
        </message>
        <message>
            <source>What the network sees: the image {how} before entering the network (shown here before the mean and std are applied).</source>
            <translation>Was das Netz sieht: das Bild, {how}, bevor es ins Netz geht (hier gezeigt, bevor Mittelwert und Standardabweichung angewandt sind).</translation>
        </message>
        <message>
            <source>class {i}</source>
            <translation>Klasse {i}</translation>
        </message>
        <message>
            <source>{label} (residual)</source>
            <translation>{label} (Residual)</translation>
        </message>
        <message>
            <source>Two 3×3 convolutions with batch norm, added back onto a shortcut of the input: gradients flow through the skip, so deep stacks still train. {shape_in} → {shape_out}.</source>
            <translation>Zwei 3×3-Faltungen mit Batch-Normalisierung, deren Ergebnis auf eine Abkürzung (Skip-Verbindung) der Eingabe addiert wird: Die Gradienten fließen über die Abkürzung, deshalb lassen sich auch tiefe Stapel noch trainieren. {shape_in} → {shape_out}.</translation>
        </message>
        <message>
            <source>combined</source>
            <translation>kombiniert</translation>
        </message>
        <message>
            <source>{label} (branches)</source>
            <translation>{label} (Zweige)</translation>
        </message>
        <message>
            <source>Parallel branches ({convs} convolution(s)) look at the same input and are joined ({merges}): each branch can specialise in patterns of another size. {shape_in} → {shape_out}.</source>
            <translation>Parallele Zweige ({convs} Faltung(en)) betrachten dieselbe Eingabe und werden zusammengeführt ({merges}): Jeder Zweig kann sich auf Muster einer anderen Größe spezialisieren. {shape_in} → {shape_out}.</translation>
        </message>
        <message>
            <source> Batch norm rescales each map so training stays stable.</source>
            <translation> Die Batch-Normalisierung skaliert jede Karte neu, damit das Training stabil bleibt.</translation>
        </message>
        <message>
            <source>{filters} filters of {k}×{channels} slide over the {channels} input map(s); each output map lights up where its filter's pattern appears, with the same weights everywhere (weight sharing).{bn}{why} {shape_in} → {shape_out}.</source>
            <translation>{filters} Filter der Größe {k}×{channels} gleiten über die {channels} Eingabekarte(n); jede Ausgabekarte leuchtet dort auf, wo das Muster ihres Filters vorkommt, überall mit denselben Gewichten (geteilte Gewichte).{bn}{why} {shape_in} → {shape_out}.</translation>
        </message>
        <message>
            <source>{label} (average {size}×{size})</source>
            <translation>{label} (Mittelwert {size}×{size})</translation>
        </message>
        <message>
            <source>Averages each {size}×{size} window: the maps shrink {shape_in} → {shape_out}, smoothing away exact positions.</source>
            <translation>Mittelt jedes {size}×{size}-Fenster: Die Karten schrumpfen {shape_in} → {shape_out}, genaue Positionen werden weggeglättet.</translation>
        </message>
        <message>
            <source>{label} (global average)</source>
            <translation>{label} (globaler Mittelwert)</translation>
        </message>
        <message>
            <source>Averages each whole map to one number: {shape_in} → {shape_out}. Where a feature appeared no longer matters, only how much.</source>
            <translation>Mittelt jede ganze Karte zu einer einzigen Zahl: {shape_in} → {shape_out}. Wo ein Merkmal auftrat, spielt keine Rolle mehr, nur noch, wie stark.</translation>
        </message>
        <message>
            <source>Lays the {shape_in} maps out as one vector of {n} numbers so a fully connected layer can read them; nothing is computed.</source>
            <translation>Legt die {shape_in} Karten als einen Vektor aus {n} Zahlen aus, damit eine vollständig verbundene Schicht sie lesen kann; berechnet wird nichts.</translation>
        </message>
        <message>
            <source>Dropout randomly silences units while training to prevent over-fitting; when classifying it passes values through unchanged.</source>
            <translation>Dropout schaltet beim Training zufällig Einheiten stumm, um Überanpassung zu verhindern; beim Klassifizieren reicht es die Werte unverändert weiter.</translation>
        </message>
        <message>
            <source> then applies {act}</source>
            <translation> und wendet dann {act} an</translation>
        </message>
        <message>
            <source>Fully connected: each of {units} neurons weighs all {inputs} inputs{then}; unlike a convolution, nothing is shared, so it has many more parameters.</source>
            <translation>Vollständig verbunden: Jedes von {units} Neuronen gewichtet alle {inputs} Eingaben{then}; anders als bei einer Faltung wird nichts geteilt, deshalb hat die Schicht viel mehr Parameter.</translation>
        </message>
        <message>
            <source>{convs} convolution(s) whose result is added back onto a shortcut of the block's input: gradients flow through the skip, so deep stacks still train. {shape_in} → {shape_out}.</source>
            <translation>{convs} Faltung(en), deren Ergebnis auf eine Abkürzung (Skip-Verbindung) der Eingabe des Blocks addiert wird: Die Gradienten fließen über die Abkürzung, deshalb lassen sich auch tiefe Stapel noch trainieren. {shape_in} → {shape_out}.</translation>
        </message>
        <message>
            <source>{label} (max {size}×{size})</source>
            <translation>{label} (Maximum {size}×{size})</translation>
        </message>
        <message>
            <source>Keeps the strongest response in each {size}×{size} window: the maps shrink {shape_in} → {shape_out} and a feature that moves by a pixel still gives the same output.</source>
            <translation>Behält in jedem {size}×{size}-Fenster die stärkste Antwort: Die Karten schrumpfen {shape_in} → {shape_out}, und ein Merkmal, das sich um ein Pixel verschiebt, ergibt noch dieselbe Ausgabe.</translation>
        </message>
        <message>
            <source>Fully connected: each of the {classes} class scores (logits) is a weighted sum of all {inputs} inputs plus a bias.</source>
            <translation>Vollständig verbunden: Jeder der {classes} Klassenwerte (Logits) ist eine gewichtete Summe aller {inputs} Eingaben plus ein Bias.</translation>
        </message>
        <message>
            <source> ReLU then zeroes the negative responses, keeping only evidence for each pattern.</source>
            <translation> ReLU setzt dann die negativen Antworten auf 0 und behält nur die Hinweise auf jedes Muster.</translation>
        </message>
        <message>
            <source> tanh squashes each response into (−1, 1).</source>
            <translation> tanh drückt jede Antwort in den Bereich (−1, 1).</translation>
        </message>
    </context>
</TS>
