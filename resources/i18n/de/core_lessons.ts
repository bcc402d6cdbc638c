<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>core</name>
        <message>
            <source>Map A</source>
            <translation>Karte A</translation>
        </message>
        <message>
            <source>Map B</source>
            <translation>Karte B</translation>
        </message>
        <message>
            <source>Map C</source>
            <translation>Karte C</translation>
        </message>
        <message>
            <source>{right} of {asked} right this session</source>
            <translation>{right} von {asked} richtig in dieser Sitzung</translation>
        </message>
        <message>
            <source>{model} has no convolution whose cells are one dot product</source>
            <translation>{model} hat keine Faltung, deren Zellen je ein Skalarprodukt sind</translation>
        </message>
        <message>
            <source>What value will map {map} of {stage} have at row {row}, column {col}? Look at the input under its window and at the filter, then guess (within {tolerance:.0%} counts).</source>
            <translation>Welchen Wert hat Karte {map} von {stage} in Zeile {row}, Spalte {col}? Sieh dir die Eingabe unter ihrem Fenster und den Filter an und schätze dann (auf {tolerance:.0%} genau zählt).</translation>
        </message>
        <message>
            <source>{model} has no max pooling</source>
            <translation>{model} hat kein Max-Pooling</translation>
        </message>
        <message>
            <source>no window of {stage} has one clear largest value on this digit</source>
            <translation>kein Fenster von {stage} hat bei dieser Ziffer einen eindeutig größten Wert</translation>
        </message>
        <message>
            <source>{stage} keeps one value of each {kh}×{kw} window of map {map}. The window from row {row}, column {col} holds the values below: which one survives?</source>
            <translation>{stage} behält von jedem {kh}×{kw}-Fenster der Karte {map} einen Wert. Das Fenster ab Zeile {row}, Spalte {col} enthält die Werte unten: Welcher überlebt?</translation>
        </message>
        <message>
            <source>Max pooling keeps the largest value, {value:.2f}, and drops the other {dropped}; the map gets smaller but the strongest response in each window is kept.</source>
            <translation>Max-Pooling behält den größten Wert, {value:.2f}, und verwirft die anderen {dropped}; die Karte wird kleiner, aber die stärkste Antwort jedes Fensters bleibt erhalten.</translation>
        </message>
        <message>
            <source>Which class will {model} pick for this digit?</source>
            <translation>Welche Klasse wählt {model} für diese Ziffer?</translation>
        </message>
        <message>
            <source>It picks {first} with {p_first}; the runner-up is {second} with {p_second}. The softmax turns the last layer's scores (logits) into these probabilities.</source>
            <translation>Es wählt {first} mit {p_first}; auf Platz zwei liegt {second} mit {p_second}. Softmax verwandelt die Werte der letzten Schicht (Logits) in diese Wahrscheinlichkeiten.</translation>
        </message>
        <message>
            <source>These three maps are this digit filtered by a vertical-edge, a horizontal-edge and a diagonal-edge filter. Which one came from the vertical-edge filter?</source>
            <translation>Diese drei Karten sind diese Ziffer, gefiltert mit einem Filter für senkrechte, einem für waagrechte und einem für diagonale Kanten. Welche stammt vom Filter für senkrechte Kanten?</translation>
        </message>
        <message>
            <source>The vertical-edge filter subtracts the column left of each pixel from the column right of it, so it responds (red or blue) along upright strokes and stays near 0 along flat ones.</source>
            <translation>Der Filter für senkrechte Kanten zieht die Spalte links von jedem Pixel von der Spalte rechts davon ab; deshalb antwortet er (rot oder blau) entlang aufrechter Striche und bleibt entlang flacher Striche nahe 0.</translation>
        </message>
        <message>
            <source>{model} has no layer with parameters</source>
            <translation>{model} hat keine Schicht mit Parametern</translation>
        </message>
        <message>
            <source>No answers yet this session</source>
            <translation>Noch keine Antworten in dieser Sitzung</translation>
        </message>
        <message>
            <source>It is {count} products of input × weight added up: {sum:.2f}; plus the bias {bias:.2f} makes {pre:.2f}, then {activation} gives {result:.2f}. Behind a number shows every product.</source>
            <translation>Es sind {count} Produkte aus Eingabe × Gewicht, aufsummiert: {sum:.2f}; plus der Bias {bias:.2f} ergibt {pre:.2f}, dann liefert {activation} {result:.2f}. „Hinter einer Zahl“ zeigt jedes Produkt.</translation>
        </message>
        <message>
            <source>It is {count} products of input × weight added up: {sum:.2f}; plus the bias {bias:.2f} makes {pre:.2f}. Behind a number shows every product.</source>
            <translation>Es sind {count} Produkte aus Eingabe × Gewicht, aufsummiert: {sum:.2f}; plus der Bias {bias:.2f} ergibt {pre:.2f}. „Hinter einer Zahl“ zeigt jedes Produkt.</translation>
        </message>
        <message>
            <source>How many parameters (weights and biases) does {stage}, a convolution of {filters} {kh}×{kw} filters on 1 input map, have?</source>
            <translation>Wie viele Parameter (Gewichte und Biases) hat {stage}, eine Faltung mit {filters} Filtern der Größe {kh}×{kw} auf 1 Eingabekarte?</translation>
        </message>
        <message>
            <source>How many parameters (weights and biases) does {stage}, a convolution of {filters} {kh}×{kw} filters on {inputs} input maps, have?</source>
            <translation>Wie viele Parameter (Gewichte und Biases) hat {stage}, eine Faltung mit {filters} Filtern der Größe {kh}×{kw} auf {inputs} Eingabekarten?</translation>
        </message>
        <message>
            <source>{filters} filters × 1 input map × {kh}×{kw} weights = {weights:,}, plus {biases} biases: {total:,}. The same filter slides over every position, so the map size does not count.</source>
            <translation>{filters} Filter × 1 Eingabekarte × {kh}×{kw} Gewichte = {weights:,}, plus {biases} Biases: {total:,}. Derselbe Filter gleitet über jede Position, deshalb zählt die Kartengröße nicht.</translation>
        </message>
        <message>
            <source>{filters} filters × {groups} input maps × {kh}×{kw} weights = {weights:,}, plus {biases} biases: {total:,}. The same filter slides over every position, so the map size does not count.</source>
            <translation>{filters} Filter × {groups} Eingabekarten × {kh}×{kw} Gewichte = {weights:,}, plus {biases} Biases: {total:,}. Derselbe Filter gleitet über jede Position, deshalb zählt die Kartengröße nicht.</translation>
        </message>
        <message>
            <source>How many parameters (weights and biases) does {stage}, a fully connected layer from {inputs:,} inputs to {outputs:,} outputs, have?</source>
            <translation>Wie viele Parameter (Gewichte und Biases) hat {stage}, eine vollständig verbundene Schicht von {inputs:,} Eingängen auf {outputs:,} Ausgänge?</translation>
        </message>
        <message>
            <source>{inputs:,} inputs × {outputs:,} outputs = {weights:,} weights, plus {outputs:,} biases: {total:,}. Every input is wired to every output.</source>
            <translation>{inputs:,} Eingänge × {outputs:,} Ausgänge = {weights:,} Gewichte, plus {outputs:,} Biases: {total:,}. Jeder Eingang ist mit jedem Ausgang verbunden.</translation>
        </message>
        <message>
            <source>How many parameters (weights and biases) does {stage}, a block of several layers, have?</source>
            <translation>Wie viele Parameter (Gewichte und Biases) hat {stage}, ein Block aus mehreren Schichten?</translation>
        </message>
        <message>
            <source>Adding up every weight and bias of its layers gives {total:,}.</source>
            <translation>Alle Gewichte und Biases seiner Schichten zusammen ergeben {total:,}.</translation>
        </message>
        <message>
            <source>no model or digit yet</source>
            <translation>noch kein Modell oder keine Ziffer</translation>
        </message>
        <message>
            <source>{source}: {where}{problem}.</source>
            <translation>{source}: {where}{problem}.</translation>
        </message>
        <message>
            <source>step {number}: </source>
            <translation>Schritt {number}: </translation>
        </message>
        <message>
            <source>{source}: this is not a cnnviz lesson (it needs "format": "{format}").</source>
            <translation>{source}: Das ist keine cnnviz-Lektion (sie braucht "format": "{format}").</translation>
        </message>
        <message>
            <source>{source}: lesson version {version} is not one this cnnviz reads (it reads version {reads}); save it again from a matching cnnviz.</source>
            <translation>{source}: Die Lektionsversion {version} kann dieses cnnviz nicht lesen (es liest Version {reads}); speichere sie mit einem passenden cnnviz neu.</translation>
        </message>
        <message>
            <source>{source}: “steps” must be a list with at least one step.</source>
            <translation>{source}: „steps“ muss eine Liste mit mindestens einem Schritt sein.</translation>
        </message>
        <message>
            <source>{source}: “hide” must be a list of control names.</source>
            <translation>{source}: „hide“ muss eine Liste von Bedienelement-Namen sein.</translation>
        </message>
        <message>
            <source>“{name}” must be a whole number ≥ {low} (got {value})</source>
            <translation>„{name}“ muss eine ganze Zahl ≥ {low} sein (erhalten: {value})</translation>
        </message>
        <message>
            <source>“{name}” must be some text (got {value})</source>
            <translation>„{name}“ muss ein Text sein (erhalten: {value})</translation>
        </message>
        <message>
            <source>must be an object with “text” and the state to set</source>
            <translation>muss ein Objekt mit „text“ und dem einzustellenden Zustand sein</translation>
        </message>
        <message>
            <source>unknown field “{field}” (known: {known})</source>
            <translation>unbekanntes Feld „{field}“ (bekannt: {known})</translation>
        </message>
        <message>
            <source>“text” has {problem}</source>
            <translation>„text“ hat {problem}</translation>
        </message>
        <message>
            <source>unknown tab “{tab}” (choose one of {tabs})</source>
            <translation>unbekannter Reiter „{tab}“ (wähle einen von {tabs})</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keinen Zahlen</translation>
        </message>
        <message>
            <source>unknown view “{view}” for the {tab} tab (choose one of {choices})</source>
            <translation>unbekannte Ansicht „{view}“ für den Reiter {tab} (wähle eine von {choices})</translation>
        </message>
        <message>
            <source>unknown model “{model}” (use “current” or one of {models})</source>
            <translation>unbekanntes Modell „{model}“ (nimm „current“ oder eines von {models})</translation>
        </message>
        <message>
            <source>give one of “digit”, “digit_class” and “drawing”, not {given}</source>
            <translation>gib nur eines von „digit“, „digit_class“ und „drawing“ an, nicht {given}</translation>
        </message>
        <message>
            <source>unknown highlight “{highlight}” (known: {known})</source>
            <translation>unbekannte Hervorhebung „{highlight}“ (bekannt: {known})</translation>
        </message>
        <message>
            <source>“shuffle” must be true or false (got {value})</source>
            <translation>„shuffle“ muss true oder false sein (erhalten: {value})</translation>
        </message>
        <message>
            <source>“shuffle” needs the “digit”, “digit_class” or “drawing” to shuffle</source>
            <translation>„shuffle“ braucht „digit“, „digit_class“ oder „drawing“, das gemischt werden soll</translation>
        </message>
        <message>
            <source>{file}: the file could not be read ({reason}).</source>
            <translation>{file}: Die Datei konnte nicht gelesen werden ({reason}).</translation>
        </message>
        <message>
            <source>{file}: this is not a JSON lesson file{where}.</source>
            <translation>{file}: Das ist keine JSON-Lektionsdatei{where}.</translation>
        </message>
        <message>
            <source>“drawing” must be {n} grey levels from 0 to 255</source>
            <translation>„drawing“ müssen {n} Grauwerte von 0 bis 255 sein</translation>
        </message>
        <message>
            <source>“cell” must be [stage, map, row, column] or [stage, map] (that map's strongest cell), counted from 0</source>
            <translation>„cell“ muss [Stufe, Karte, Zeile, Spalte] oder [Stufe, Karte] (die stärkste Zelle dieser Karte) sein, gezählt ab 0</translation>
        </message>
        <message>
            <source>“exercise” needs a “kind”, one of {kinds}</source>
            <translation>„exercise“ braucht eine „kind“, eine von {kinds}</translation>
        </message>
        <message>
            <source>{source}: “hide” names an unknown control “{name}”.</source>
            <translation>{source}: „hide“ nennt ein unbekanntes Bedienelement „{name}“.</translation>
        </message>
        <message>
            <source> (line {line})</source>
            <translation> (Zeile {line})</translation>
        </message>
        <message>
            <source>{target} has no feature maps</source>
            <translation>{target} hat keine Merkmalskarten</translation>
        </message>
        <message>
            <source>write the cell as [map] or [map,row,column]</source>
            <translation>schreibe die Zelle als [Karte] oder [Karte,Zeile,Spalte]</translation>
        </message>
        <message>
            <source>{target} is not a pooling stage</source>
            <translation>{target} ist keine Pooling-Stufe</translation>
        </message>
        <message>
            <source>{target} averages: no single value wins</source>
            <translation>{target} mittelt: kein einzelner Wert gewinnt</translation>
        </message>
        <message>
            <source>open the Training lab</source>
            <translation>öffne das Trainingslabor</translation>
        </message>
        <message>
            <source>not run yet</source>
            <translation>noch nicht gelaufen</translation>
        </message>
        <message>
            <source>no network “{target}” in the lineage (known: {known})</source>
            <translation>kein Netz „{target}“ im Stammbaum (bekannt: {known})</translation>
        </message>
        <message>
            <source>this model has no stage “{name}”</source>
            <translation>dieses Modell hat keine Stufe „{name}“</translation>
        </message>
        <message>
            <source>{target} does not slide a window</source>
            <translation>{target} schiebt kein Fenster</translation>
        </message>
    </context>
</TS>
