<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ComparisonControls</name>
    <message>
        <location filename="../../../ui/lab/controls.py" line="36" />
        <source>One after the other</source>
        <translation>Nacheinander</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="37" />
        <source>Both at once</source>
        <translation>Beide gleichzeitig</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="38" />
        <source>SGD + momentum 0.9</source>
        <translation>SGD + Momentum 0,9</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="40" />
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="85" />
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="91" />
        <source>FC hidden size</source>
        <translation>FC: versteckte Neuronen</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="92" />
        <source>CNN conv 1 filters</source>
        <translation>CNN: Filter in conv 1</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="93" />
        <source>CNN conv 2 filters</source>
        <translation>CNN: Filter in conv 2</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="96" />
        <source>Filters of the CNN's second layer</source>
        <translation>Filter der zweiten Schicht des CNN</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="99" />
        <source>Both models as the form builds them for the open data set, their parameters counted (the FC network's input is every pixel of every channel; the CNN's first layer has one kernel slice per channel)</source>
        <translation>Beide Modelle, wie das Formular sie für den geöffneten Datensatz baut, mit gezählten Parametern (die Eingabe des FC-Netzes ist jedes Pixel jedes Kanals; die erste Schicht des CNN hat eine Kernscheibe je Kanal)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="105" />
        <source>Training (the same for both)</source>
        <translation>Training (für beide gleich)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="110" />
        <source>A seeded sample with every class in its usual proportion</source>
        <translation>Eine reproduzierbare Stichprobe mit jeder Klasse in ihrem üblichen Anteil</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="114" />
        <source>How many test images score each epoch (“all”: the whole test set)</source>
        <translation>Wie viele Testbilder jede Epoche bewerten („alle“: der ganze Testdatensatz)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="117" />
        <source>How many times each model sees every training image</source>
        <translation>Wie oft jedes Modell jedes Trainingsbild sieht</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="126" />
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="129" />
        <source>Images per training step; both models see the same batches</source>
        <translation>Bilder je Trainingsschritt; beide Modelle sehen dieselben Batches</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="131" />
        <source>How far the optimizer moves the weights at each step</source>
        <translation>Wie weit der Optimierer die Gewichte bei jedem Schritt verschiebt</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="132" />
        <source>How the weights are updated from their gradients</source>
        <translation>Wie die Gewichte aus ihren Gradienten aktualisiert werden</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="134" />
        <source>The same seed gives the same starting weights and the same sample of images</source>
        <translation>Derselbe Seed ergibt dieselben Startgewichte und dieselbe Stichprobe von Bildern</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="136" />
        <source>Where both models train (auto: the fastest one found)</source>
        <translation>Wo beide Modelle trainieren (automatisch: das schnellste gefundene Gerät)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="138" />
        <source>One after the other leaves a core free for the window; both at once share the cores</source>
        <translation>Nacheinander lässt einen Kern für das Fenster frei; beide gleichzeitig teilen sich die Kerne</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="142" />
        <source>Training images</source>
        <translation>Trainingsbilder</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="143" />
        <source>Test images</source>
        <translation>Testbilder</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="144" />
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="145" />
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="146" />
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="147" />
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="148" />
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="149" />
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="150" />
        <source>Run</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="178" />
        <source>Neurons in the FC network's hidden layer ({c}×{h}×{w} = {inputs:,} inputs → hidden → {classes})</source>
        <translation>Neuronen in der versteckten Schicht des FC-Netzes ({c}×{h}×{w} = {inputs:,} Eingaben → versteckt → {classes})</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="181" />
        <source>Filters of the CNN's first layer, each {c} channels deep (one per colour of the input)</source>
        <translation>Filter der ersten Schicht des CNN, jeder {c} Kanäle tief (einer je Farbe der Eingabe)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="183" />
        <source>Filters of the CNN's first layer</source>
        <translation>Filter der ersten Schicht des CNN</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="188" />
        <source>FC ({c}×{h}×{w} inputs): {parameters:,} parameters</source>
        <translation>FC ({c}×{h}×{w} Eingaben): {parameters:,} Parameter</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="190" />
        <source>CNN ({c} input channels): {parameters:,} parameters</source>
        <translation>CNN ({c} Eingabekanäle): {parameters:,} Parameter</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="191" />
        <source>CNN ({c} input channel): {parameters:,} parameters</source>
        <translation>CNN ({c} Eingabekanal): {parameters:,} Parameter</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="213" />
        <source>Apple GPU</source>
        <translation>Apple-GPU</translation>
    </message>
</context><context>
    <name>FiltersView</name>
    <message>
        <location filename="../../../ui/lab/filters_view.py" line="24" />
        <source>CNN conv 1 filters</source>
        <translation>CNN: Filter in conv 1</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/filters_view.py" line="26" />
        <source>The kernels of the CNN's first layer: red positive, blue negative weights</source>
        <translation>Die Filterkerne der ersten Schicht des CNN: rot positive, blau negative Gewichte</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/filters_view.py" line="28" />
        <source>The kernels of the CNN's first layer, one RGB patch each: a colour where the kernel responds to it (positive red, green, blue weights), its opposite where it responds against it, grey for 0</source>
        <translation>Die Filterkerne der ersten Schicht des CNN, je ein RGB-Feld: eine Farbe, wo der Filterkern auf sie anspricht (positive Rot-, Grün-, Blaugewichte), ihr Gegenteil, wo er gegen sie anspricht, Grau für 0</translation>
    </message>
</context><context>
    <name>LivePlots</name>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="39" />
        <source>Training loss (smoothed)</source>
        <translation>Trainingsverlust (geglättet)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="40" />
        <source>Test accuracy (each epoch)</source>
        <translation>Testgenauigkeit (jede Epoche)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="41" />
        <source>CNN gradient norm per layer</source>
        <translation>CNN: Gradientennorm je Schicht</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="42" />
        <source>CNN conv 1 weight gradients</source>
        <translation>CNN conv 1: Gradienten</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="43" />
        <source>∂loss/∂w of each first-layer weight on the last sampled batch (red positive, blue negative): the optimizer moves every weight against its gradient</source>
        <translation>∂Verlust/∂w jedes Gewichts der ersten Schicht auf dem zuletzt erfassten Batch (rot positiv, blau negativ): Der Optimierer bewegt jedes Gewicht gegen seinen Gradienten</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="100" />
        <source>epoch {epoch}, batch {batch}/{batches}</source>
        <translation>Epoche {epoch}, Batch {batch}/{batches}</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="111" />
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="123" />
        <source>run {number}: {label}</source>
        <translation>Lauf {number}: {label}</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="146" />
        <source>cross-entropy loss</source>
        <translation>Kreuzentropie-Verlust</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="147" />
        <source>Each model's training loss per batch, smoothed, over the epochs</source>
        <translation>Der Trainingsverlust jedes Modells je Batch, geglättet, über die Epochen</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="149" />
        <source>accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="150" />
        <source>Each model's test accuracy after every epoch</source>
        <translation>Die Testgenauigkeit jedes Modells nach jeder Epoche</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="151" />
        <source>gradient norm (log)</source>
        <translation>Gradientennorm (log)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="152" />
        <source>The length of each CNN layer's gradient on the sampled batches, on a log scale</source>
        <translation>Die Länge des Gradienten jeder CNN-Schicht auf den erfassten Batches, logarithmisch</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="158" />
        <source>The length of each layer's gradient on the sampled batches: how hard that batch pushed the layer's weights</source>
        <translation>Die Länge des Gradienten jeder Schicht auf den erfassten Batches: wie stark dieser Batch die Gewichte der Schicht verschoben hat</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="162" />
        <source>{title} · shown while training</source>
        <translation>{title} · während des Trainings</translation>
    </message>
</context><context>
    <name>ResultsTable</name>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="31" />
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="31" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="32" />
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="32" />
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="33" />
        <source>Train acc.</source>
        <translation>Train.-Gen.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="33" />
        <source>Test acc.</source>
        <translation>Test-Gen.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="34" />
        <source>Test errors</source>
        <translation>Testfehler</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="76" />
        <source>Finished runs</source>
        <translation>Fertige Läufe</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="77" />
        <source>One row per model per finished run: parameters, training time, train and test accuracy, test errors</source>
        <translation>Eine Zeile je Modell und fertigem Lauf: Parameter, Trainingszeit, Trainings- und Testgenauigkeit, Testfehler</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="83" />
        <source>Export CSV…</source>
        <translation>Als CSV exportieren …</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="84" />
        <source>Save the table, and every run's curves in a second file, as CSV</source>
        <translation>Die Tabelle und in einer zweiten Datei die Kurven jedes Laufs als CSV speichern</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="87" />
        <source>Export PNG…</source>
        <translation>Als PNG exportieren …</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="88" />
        <source>Save a picture of the whole lab: form, curves, filters and table</source>
        <translation>Ein Bild des ganzen Labors speichern: Formular, Kurven, Filter und Tabelle</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="91" />
        <source>Clear previous runs</source>
        <translation>Frühere Läufe löschen</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="92" />
        <source>Forget the finished runs: the table and the dashed curves of earlier runs</source>
        <translation>Die fertigen Läufe vergessen: die Tabelle und die gestrichelten Kurven früherer Läufe</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="111" />
        <source>Run {number}: {summary}</source>
        <translation>Lauf {number}: {summary}</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="115" />
        <source>Run {number}: {verdict}; {sizes}.</source>
        <translation>Lauf {number}: {verdict}; {sizes}.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="137" />
        <source>Nothing to export yet: finish a run first.</source>
        <translation>Noch nichts zu exportieren: Schließen Sie zuerst einen Lauf ab.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="144" />
        <source>Could not write {path}: {why}. Choose another folder.</source>
        <translation>{path} konnte nicht geschrieben werden: {why}. Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="147" />
        <source>Saved {name} and {curves} in {folder}.</source>
        <translation>{name} und {curves} in {folder} gespeichert.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="154" />
        <source>Could not write {path}. Choose another folder.</source>
        <translation>{path} konnte nicht geschrieben werden. Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="157" />
        <source>Saved {name} in {folder}.</source>
        <translation>{name} in {folder} gespeichert.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="162" />
        <source>Export results as CSV</source>
        <translation>Ergebnisse als CSV exportieren</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="163" />
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/results_table.py" line="168" />
        <source>Export the lab as PNG</source>
        <translation>Das Labor als PNG exportieren</translation>
    </message>
</context><context>
    <name>TrainingLabTab</name>
    <message>
        <location filename="../../../ui/lab/tab.py" line="44" />
        <source>Press “Train both” to train the FC network and the CNN on the same images.</source>
        <translation>Drücken Sie „Beide trainieren“, um das FC-Netz und das CNN auf denselben Bildern zu trainieren.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="63" />
        <source>{name}: waiting</source>
        <translation>{name}: wartet</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="65" />
        <source>{name}: trained</source>
        <translation>{name}: trainiert</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="67" />
        <source>{name}: testing on {n:,} images after epoch {epoch} of {epochs}…</source>
        <translation>{name}: testet auf {n:,} Bildern nach Epoche {epoch} von {epochs} …</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="69" />
        <source>{name}: training, epoch {epoch} of {epochs} (batch {batch}/{batches})…</source>
        <translation>{name}: trainiert, Epoche {epoch} von {epochs} (Batch {batch}/{batches}) …</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="261" />
        <location filename="../../../ui/lab/tab.py" line="91" />
        <source>Train both</source>
        <translation>Beide trainieren</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="92" />
        <source>Train the FC network and the CNN with the form's settings; press again to stop</source>
        <translation>Das FC-Netz und das CNN mit den Einstellungen des Formulars trainieren; erneut drücken zum Anhalten</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="193" />
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="195" />
        <source>Preparing {n:,} training images…</source>
        <translation>Bereite {n:,} Trainingsbilder vor …</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="203" />
        <source>Stopping…</source>
        <translation>Halte an …</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="213" />
        <source>after epoch {epoch}/{epochs}</source>
        <translation>nach Epoche {epoch}/{epochs}</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="238" />
        <source>Training failed: {why}</source>
        <translation>Training fehlgeschlagen: {why}</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="250" />
        <source>after epoch {epoch} (final)</source>
        <translation>nach Epoche {epoch} (endgültig)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="254" />
        <source>Stopped in epoch {epoch}. The curves show how far it got; the table keeps only finished runs.</source>
        <translation>In Epoche {epoch} angehalten. Die Kurven zeigen, wie weit es kam; die Tabelle behält nur fertige Läufe.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="256" />
        <source>Stopped before the first batch. The curves show how far it got; the table keeps only finished runs.</source>
        <translation>Vor dem ersten Batch angehalten. Die Kurven zeigen, wie weit es kam; die Tabelle behält nur fertige Läufe.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="269" />
        <source>Done in {s:.1f} s on {device}. Test accuracy: FC {fc}, CNN {cnn} ({n:,} test images).</source>
        <translation>Fertig in {s:.1f} s auf {device}. Testgenauigkeit: FC {fc}, CNN {cnn} ({n:,} Testbilder).</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="285" />
        <source>untrained (random start)</source>
        <translation>untrainiert (zufälliger Start)</translation>
    </message>
</context></TS>
