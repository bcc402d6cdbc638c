<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>core</name>
        <message>
            <source>in_channels and num_classes must be positive (got {channels}, {classes})</source>
            <translation>in_channels und num_classes müssen positiv sein (angegeben: {channels}, {classes})</translation>
        </message>
        <message>
            <source>input_size takes (height, width), not {size}</source>
            <translation>input_size erwartet (Höhe, Breite), nicht {size}</translation>
        </message>
        <message>
            <source>input_size must be positive (got {height}×{width})</source>
            <translation>input_size muss positiv sein (angegeben: {height}×{width})</translation>
        </message>
        <message>
            <source>m3_cnn needs images larger than 20×20 (got {height}×{width}): its ten unpadded convolutions take 20 pixels off its height and its width</source>
            <translation>m3_cnn braucht Bilder größer als 20×20 (erhalten: {height}×{width}): Seine zehn Faltungen ohne Randauffüllung nehmen Höhe und Breite je 20 Pixel.</translation>
        </message>
        <message>
            <source>the input is too small for this network's convolutions and pooling</source>
            <translation>Die Eingabe ist zu klein für die Faltungen und das Pooling dieses Netzes</translation>
        </message>
        <message>
            <source>unknown model {name}; choose one of: {known}</source>
            <translation>Unbekanntes Modell {name}; wähle eines von: {known}</translation>
        </message>
        <message>
            <source>Logistic regression: pixels → 10 scores, no hidden layer.</source>
            <translation>Logistische Regression: Pixel → 10 Punktwerte, keine versteckte Schicht.</translation>
        </message>
        <message>
            <source>Two-layer fully connected network (784 → hidden → 10).</source>
            <translation>Zweischichtiges vollständig verbundenes Netz (784 → versteckt → 10).</translation>
        </message>
        <message>
            <source>Small CNN: conv 32 → pool → conv 64 → pool → FC 128.</source>
            <translation>Kleines CNN: Faltung 32 → Pooling → Faltung 64 → Pooling → FC 128.</translation>
        </message>
        <message>
            <source>The explorer: Conv1+ReLU → MaxPool → Conv2+ReLU → MaxPool → FC, every filter visible.</source>
            <translation>Das Entdecker-Netz: Conv1+ReLU → MaxPool → Conv2+ReLU → MaxPool → FC, jeder Filter sichtbar.</translation>
        </message>
        <message>
            <source>LeNet-5 (1998): 5×5 convs, tanh, average pooling.</source>
            <translation>LeNet-5 (1998): 5×5-Faltungen, tanh, Average-Pooling.</translation>
        </message>
        <message>
            <source>SimpleCNN with global average pooling: three conv blocks, then one average per map.</source>
            <translation>SimpleCNN mit globalem Average-Pooling: drei Faltungsblöcke, dann ein Mittelwert je Karte.</translation>
        </message>
        <message>
            <source>SimpleCNN with global average pooling built for colour 32×32 images (e.g. CIFAR-10): 3 input channels, three conv blocks, one average per map.</source>
            <translation>SimpleCNN mit globalem Average-Pooling für farbige 32×32-Bilder (z. B. CIFAR-10): 3 Eingabekanäle, drei Faltungsblöcke, ein Mittelwert je Karte.</translation>
        </message>
        <message>
            <source>Modern CNN: batch norm, residual blocks, augmentation, one-cycle schedule.</source>
            <translation>Modernes CNN: Batch-Normalisierung, Residualblöcke, Datenaugmentierung, One-Cycle-Lernratenplan.</translation>
        </message>
        <message>
            <source>M3 (An et al. 2020): ten 3×3 convs with batch norm, no pooling, flattened into the scores.</source>
            <translation>M3 (An et al. 2020): zehn 3×3-Faltungen mit Batch-Normalisierung, ohne Pooling, flach in die Klassenwerte geführt.</translation>
        </message>
        <message>
            <source>That published figure is each run's best epoch, picked by its score on the test set. At the end of their training the networks behind it err on about 0.30% (An et al. 2020: 30 runs of their M3, 0.25–0.37%); this report tests the weights a recipe ends with, once.</source>
            <translation>Dieser veröffentlichte Wert ist jeweils die beste Epoche eines Laufs, ausgewählt nach ihrem Ergebnis auf dem Testsatz. Am Ende ihres Trainings liegt der Testfehler der Netze dahinter bei etwa 0,30% (An et al. 2020: 30 Läufe ihres M3, 0,25–0,37%); dieser Bericht testet die Gewichte, mit denen ein Rezept endet, einmal.</translation>
        </message>
        <message>
            <source>{labels} labels but {predictions} predictions</source>
            <translation>{labels} Labels, aber {predictions} Vorhersagen</translation>
        </message>
        <message>
            <source>Convolutions + subsampling trained end to end by backprop (digits on cheques).</source>
            <translation>Faltungen + Unterabtastung, durchgehend mit Backpropagation trainiert (Ziffern auf Schecks).</translation>
        </message>
        <message>
            <source>Deep CNN on GPUs with ReLU and dropout: won ImageNet by a wide margin.</source>
            <translation>Tiefes CNN auf GPUs mit ReLU und Dropout: gewann ImageNet mit großem Vorsprung.</translation>
        </message>
        <message>
            <source>Depth from stacks of small 3×3 convolutions only.</source>
            <translation>Tiefe allein durch Stapel kleiner 3×3-Faltungen.</translation>
        </message>
        <message>
            <source>Inception modules: 1×1, 3×3, 5×5 and pooling side by side, 1×1 bottlenecks keep it small.</source>
            <translation>Inception-Module: 1×1, 3×3, 5×5 und Pooling nebeneinander, 1×1-Engpässe halten es klein.</translation>
        </message>
        <message>
            <source>Skip connections and batch norm: 50 layers that still train.</source>
            <translation>Skip-Verbindungen und Batch-Normalisierung: 50 Schichten, die sich trotzdem trainieren lassen.</translation>
        </message>
        <message>
            <source>Depthwise inverted bottlenecks with squeeze-and-excite; depth, width and resolution scaled together.</source>
            <translation>Tiefenweise invertierte Engpässe mit Squeeze-and-Excite; Tiefe, Breite und Auflösung gemeinsam skaliert.</translation>
        </message>
        <message>
            <source>A ResNet modernised: 7×7 depthwise convolutions, layer norm, a per-pixel MLP.</source>
            <translation>Ein modernisiertes ResNet: tiefenweise 7×7-Faltungen, Layer-Normalisierung, ein MLP je Pixel.</translation>
        </message>
        <message>
            <source>{inputs:,} inputs × {neurons:,} neurons + biases</source>
            <translation>{inputs:,} Eingänge × {neurons:,} Neuronen + Biaswerte</translation>
        </message>
        <message>
            <source>{filters} filters × {h}×{w}×{c} + biases</source>
            <translation>{filters} Filter × {h}×{w}×{c} + Biaswerte</translation>
        </message>
        <message>
            <source>{before} → {after}</source>
            <translation>{before} → {after}</translation>
        </message>
        <message>
            <source>pool</source>
            <translation>Pooling</translation>
        </message>
        <message>
            <source>only a plain 1×1 convolution (stride 1, no padding, one group) is a per-pixel linear layer</source>
            <translation>Nur eine einfache 1×1-Faltung (Schrittweite 1, kein Padding, eine Gruppe) ist eine lineare Schicht je Pixel</translation>
        </message>
        <message>
            <source>{h}×{w} conv {maps}</source>
            <translation>{h}×{w}-Faltung {maps}</translation>
        </message>
        <message>
            <source>3×3 max pool</source>
            <translation>3×3-Max-Pooling</translation>
        </message>
        <message>
            <source>{model}: the run has no test evaluation to report</source>
            <translation>{model}: Der Lauf hat keine Testauswertung, die berichtet werden könnte</translation>
        </message>
        <message>
            <source>the ensemble names {names}, which the report does not train; add them to the models</source>
            <translation>das Ensemble nennt {names}, die der Bericht nicht trainiert; nehmen Sie sie in die Modelle auf</translation>
        </message>
        <message>
            <source>an ensemble needs two or more different models (got {names})</source>
            <translation>ein Ensemble braucht zwei oder mehr verschiedene Modelle (erhalten: {names})</translation>
        </message>
        <message>
            <source>{model} ({epochs} of {recipe} epochs)</source>
            <translation>{model} ({epochs} von {recipe} Epochen)</translation>
        </message>
        <message>
            <source>{epochs} of {recipe}</source>
            <translation>{epochs} von {recipe}</translation>
        </message>
        <message>
            <source>needs ~{duration}</source>
            <translation>braucht ~{duration}</translation>
        </message>
        <message>
            <source>not trained</source>
            <translation>nicht trainiert</translation>
        </message>
        <message>
            <source>not trained: not even one epoch fits the time budget</source>
            <translation>nicht trainiert: Nicht einmal eine Epoche passt ins Zeitbudget</translation>
        </message>
        <message>
            <source>trained {epochs} of its standard {recipe} epochs to fit the time budget</source>
            <translation>{epochs} seiner üblichen {recipe} Epochen trainiert, um ins Zeitbudget zu passen</translation>
        </message>
        <message>
            <source>, {rate:,.0f} training samples/s measured</source>
            <translation>, gemessen {rate:,.0f} Trainingsbeispiele/s</translation>
        </message>
        <message>
            <source>{model}: {error:.2f}% is above the published {published:.1f}%.</source>
            <translation>{model}: {error:.2f}% liegt über den veröffentlichten {published:.1f}%.</translation>
        </message>
        <message>
            <source>A small ensemble, {models}: {error:.2f}% test error, each test image's probabilities averaged over these trained models (a separate figure, never a single model's).</source>
            <translation>Ein kleines Ensemble, {models}: {error:.2f}% Testfehler, die Wahrscheinlichkeiten jedes Testbilds über diese trainierten Modelle gemittelt (ein eigener Wert, nie der eines einzelnen Modells).</translation>
        </message>
        <message>
            <source>The run was cancelled: models after the last row were not trained.</source>
            <translation>Der Lauf wurde abgebrochen: Die Modelle nach der letzten Zeile wurden nicht trainiert.</translation>
        </message>
        <message>
            <source>Rows from the cache keep the wall time and device of the run that produced them.</source>
            <translation>Zeilen aus dem Zwischenspeicher behalten Laufzeit und Gerät des Laufs, der sie erzeugt hat.</translation>
        </message>
        <message>
            <source>{model}: {done}; the full training ({recipe} epochs) would need about {duration} on this {device}{rate}.</source>
            <translation>{model}: {done}; das vollständige Training ({recipe} Epochen) bräuchte auf diesem Gerät ({device}) etwa {duration}{rate}.</translation>
        </message>
        <message>
            <source>{model}: {done}; the full training ({recipe} epochs) would need about {duration} on this {device}{rate}. An NVIDIA GPU ({flag}) trains it in far less time.</source>
            <translation>{model}: {done}; das vollständige Training ({recipe} Epochen) bräuchte auf diesem Gerät ({device}) etwa {duration}{rate}. Eine NVIDIA-GPU ({flag}) trainiert es in weit kürzerer Zeit.</translation>
        </message>
        <message>
            <source>The same ensemble with each member's test-time augmentation: {error:.2f}% test error (a separate figure again).</source>
            <translation>Dasselbe Ensemble mit der Testzeit-Augmentierung (TTA) jedes Mitglieds: {error:.2f}% Testfehler (wieder ein eigener Wert).</translation>
        </message>
        <message>
            <source>unknown model(s) {unknown}; choose from: {known}</source>
            <translation>Unbekannte(s) Modell(e) {unknown}; wähle aus: {known}</translation>
        </message>
    </context>
</TS>
