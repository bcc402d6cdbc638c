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
        <location filename="../../../ui/lab/controls.py" line="88" />
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="94" />
        <source>FC hidden size</source>
        <translation>FC: versteckte Neuronen</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="95" />
        <source>CNN conv 1 filters</source>
        <translation>CNN: Filter in conv 1</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="96" />
        <source>CNN conv 2 filters</source>
        <translation>CNN: Filter in conv 2</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="99" />
        <source>Filters of the CNN's second layer</source>
        <translation>Filter der zweiten Schicht des CNN</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="102" />
        <source>Both models as the form builds them for the open data set, their parameters counted (the FC network's input is every pixel of every channel; the CNN's first layer has one kernel slice per channel)</source>
        <translation>Beide Modelle, wie das Formular sie für den geöffneten Datensatz baut, mit gezählten Parametern (die Eingabe des FC-Netzes ist jedes Pixel jedes Kanals; die erste Schicht des CNN hat eine Kernscheibe je Kanal)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="108" />
        <source>Training (the same for both)</source>
        <translation>Training (für beide gleich)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="113" />
        <source>A seeded sample with every class in its usual proportion</source>
        <translation>Eine reproduzierbare Stichprobe mit jeder Klasse in ihrem üblichen Anteil</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="117" />
        <source>How many test images score each epoch (“all”: the whole test set)</source>
        <translation>Wie viele Testbilder jede Epoche bewerten („alle“: der ganze Testdatensatz)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="120" />
        <source>How many times each model sees every training image</source>
        <translation>Wie oft jedes Modell jedes Trainingsbild sieht</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="129" />
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="132" />
        <source>Images per training step; both models see the same batches</source>
        <translation>Bilder je Trainingsschritt; beide Modelle sehen dieselben Batches</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="134" />
        <source>How far the optimizer moves the weights at each step</source>
        <translation>Wie weit der Optimierer die Gewichte bei jedem Schritt verschiebt</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="135" />
        <source>How the weights are updated from their gradients</source>
        <translation>Wie die Gewichte aus ihren Gradienten aktualisiert werden</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="137" />
        <source>The same seed gives the same starting weights and the same sample of images</source>
        <translation>Derselbe Seed ergibt dieselben Startgewichte und dieselbe Stichprobe von Bildern</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="139" />
        <source>Where both models train (auto: the fastest one found)</source>
        <translation>Wo beide Modelle trainieren (automatisch: das schnellste gefundene Gerät)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="141" />
        <source>One after the other leaves a core free for the window; both at once share the cores</source>
        <translation>Nacheinander lässt einen Kern für das Fenster frei; beide gleichzeitig teilen sich die Kerne</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="145" />
        <source>Training images</source>
        <translation>Trainingsbilder</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="146" />
        <source>Test images</source>
        <translation>Testbilder</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="147" />
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="148" />
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="149" />
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="150" />
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="151" />
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="152" />
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="153" />
        <source>Run</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="181" />
        <source>Neurons in the FC network's hidden layer ({c}×{h}×{w} = {inputs:,} inputs → hidden → {classes})</source>
        <translation>Neuronen in der versteckten Schicht des FC-Netzes ({c}×{h}×{w} = {inputs:,} Eingaben → versteckt → {classes})</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="184" />
        <source>Filters of the CNN's first layer, each {c} channels deep (one per colour of the input)</source>
        <translation>Filter der ersten Schicht des CNN, jeder {c} Kanäle tief (einer je Farbe der Eingabe)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="186" />
        <source>Filters of the CNN's first layer</source>
        <translation>Filter der ersten Schicht des CNN</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="191" />
        <source>FC ({c}×{h}×{w} inputs): {parameters:,} parameters</source>
        <translation>FC ({c}×{h}×{w} Eingaben): {parameters:,} Parameter</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="193" />
        <source>CNN ({c} input channels): {parameters:,} parameters</source>
        <translation>CNN ({c} Eingabekanäle): {parameters:,} Parameter</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="194" />
        <source>CNN ({c} input channel): {parameters:,} parameters</source>
        <translation>CNN ({c} Eingabekanal): {parameters:,} Parameter</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/controls.py" line="216" />
        <source>Apple GPU</source>
        <translation>Apple-GPU</translation>
    </message>
</context><context>
    <name>DepthView</name>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="245" />
        <source>Without skips the {deep}-layer stack ended training with a higher loss than the {shallow}-layer one ({deep_loss:.3f} against {shallow_loss:.3f}): more layers, trained worse.</source>
        <translation>Ohne Skip-Verbindungen beendete der Stapel mit {deep} Schichten das Training mit einem höheren Verlust als der mit {shallow} Schichten ({deep_loss:.3f} gegenüber {shallow_loss:.3f}): mehr Schichten, schlechter trainiert.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="249" />
        <source>Without skips the {deep}-layer stack still trained as well as the {shallow}-layer one ({deep_loss:.3f} against {shallow_loss:.3f}): with this recipe, depth did not hurt yet.</source>
        <translation>Ohne Skip-Verbindungen trainierte der Stapel mit {deep} Schichten noch so gut wie der mit {shallow} Schichten ({deep_loss:.3f} gegenüber {shallow_loss:.3f}): Mit diesem Rezept hat die Tiefe noch nicht geschadet.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="252" />
        <source>With skips the training loss was lower at {better} of the {run} depths run.</source>
        <translation>Mit Skip-Verbindungen war der Trainingsverlust bei {better} der {run} gelaufenen Tiefen niedriger.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="262" />
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="262" />
        <source>Train loss, plain</source>
        <translation>Trainingsverlust, einfach</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="263" />
        <source>Train loss, skips</source>
        <translation>Trainingsverlust, mit Skips</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="263" />
        <source>Test acc., plain</source>
        <translation>Test-Gen., einfach</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="264" />
        <source>Test acc., skips</source>
        <translation>Test-Gen., mit Skips</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="264" />
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="265" />
        <source>Stacks of 3×3 convolutions with batch norm, plain and with skip connections (each pair of layers adds its input to its output, as in ResNet), at growing depth. Without skips a deeper network can train worse, not better.</source>
        <translation>Stapel von 3×3-Faltungen mit Batch-Normalisierung, einfach und mit Skip-Verbindungen (jedes Schichtpaar addiert seine Eingabe zu seiner Ausgabe, wie bei ResNet), bei wachsender Tiefe. Ohne Skip-Verbindungen kann ein tieferes Netz schlechter trainieren, nicht besser.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="283" />
        <source>Measured: the last epoch's training loss and the test accuracy of a plain stack and a stack with skips at {depths} layers, all from the same seed (seconds: plain / with skips). Batch norm's statistics are recomputed on training images after training, before testing.</source>
        <translation>Gemessen: der Trainingsverlust der letzten Epoche und die Testgenauigkeit eines einfachen Stapels und eines Stapels mit Skip-Verbindungen bei {depths} Schichten, alle mit demselben Seed (Sekunden: einfach / mit Skips). Die Statistiken der Batch-Normalisierung werden nach dem Training und vor dem Testen auf Trainingsbildern neu berechnet.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="294" />
        <source>Finish at least two depths to compare them.</source>
        <translation>Schließen Sie mindestens zwei Tiefen ab, um sie zu vergleichen.</translation>
    </message>
</context><context>
    <name>ExperimentView</name>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="56" />
        <source>Data: the same {train:,} training images of {data} for every model (seed {seed}), tested on {test:,} test images. Recipe: epochs {epochs}, batches of {batch}, {optimizer} at learning rate {lr:g}.</source>
        <translation>Daten: dieselben {train:,} Trainingsbilder aus {data} für jedes Modell (Seed {seed}), getestet an {test:,} Testbildern. Rezept: Epochen {epochs}, Batches zu {batch}, {optimizer} mit Lernrate {lr:g}.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="78" />
        <source>Experiment results</source>
        <translation>Ergebnisse des Experiments</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="79" />
        <source>One row per model trained, with its numbers</source>
        <translation>Eine Zeile je trainiertem Modell, mit seinen Zahlen</translation>
    </message>
</context><context>
    <name>ExperimentsPanel</name>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="63" />
        <source>Runs on the settings in the form on the left.</source>
        <translation>Läuft mit den Einstellungen im Formular links.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="82" />
        <source>Shuffled pixels</source>
        <translation>Vertauschte Pixel</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="83" />
        <source>Pooling strategies</source>
        <translation>Pooling-Strategien</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="84" />
        <source>Depth and skip connections</source>
        <translation>Tiefe und Skip-Verbindungen</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="86" />
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="87" />
        <source>Which experiment to show and run</source>
        <translation>Welches Experiment angezeigt und ausgeführt wird</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="90" />
        <source>{depths} layers</source>
        <translation>{depths} Schichten</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="92" />
        <source>Depths</source>
        <translation>Tiefen</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="93" />
        <source>The depths the experiment trains a plain stack and a stack with skips at</source>
        <translation>Die Tiefen, in denen das Experiment einen einfachen Stapel und einen Stapel mit Skip-Verbindungen trainiert</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="95" />
        <source>Depths:</source>
        <translation>Tiefen:</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="256" />
        <location filename="../../../ui/lab/experiments_panel.py" line="97" />
        <source>Run experiment</source>
        <translation>Experiment starten</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="98" />
        <source>Train the experiment's models on the form's settings, or stop the run</source>
        <translation>Die Modelle des Experiments mit den Einstellungen des Formulars trainieren oder den Lauf anhalten</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="103" />
        <source>Experiment progress</source>
        <translation>Fortschritt des Experiments</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="104" />
        <source>How much of the experiment's training is done</source>
        <translation>Wie viel vom Training des Experiments erledigt ist</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="117" />
        <source>Experiment:</source>
        <translation>Experiment:</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="179" />
        <source>The FC vs CNN run is still going: stop it or let it finish first.</source>
        <translation>Der Lauf „FC vs. CNN“ läuft noch: Halten Sie ihn an oder lassen Sie ihn zuerst fertig werden.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="205" />
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="207" />
        <source>Preparing {train:,} training images…</source>
        <translation>Bereite {train:,} Trainingsbilder vor …</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="217" />
        <source>Stopping…</source>
        <translation>Halte an …</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="225" />
        <source>Model {index} of {models} ({model}): epoch {epoch} of {epochs}…</source>
        <translation>Modell {index} von {models} ({model}): Epoche {epoch} von {epochs} …</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="243" />
        <source>The experiment failed: {message}</source>
        <translation>Das Experiment ist fehlgeschlagen: {message}</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="250" />
        <source>Done in {s:.1f} s.</source>
        <translation>Fertig in {s:.1f} s.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiments_panel.py" line="253" />
        <source>Stopped. The table keeps the last finished run.</source>
        <translation>Angehalten. Die Tabelle behält den letzten fertigen Lauf.</translation>
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
        <location filename="../../../ui/lab/live_plots.py" line="40" />
        <source>Training loss (smoothed)</source>
        <translation>Trainingsverlust (geglättet)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="41" />
        <source>Test accuracy (each epoch)</source>
        <translation>Testgenauigkeit (jede Epoche)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="42" />
        <source>CNN gradient norm per layer</source>
        <translation>CNN: Gradientennorm je Schicht</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="43" />
        <source>CNN conv 1 weight gradients</source>
        <translation>CNN conv 1: Gradienten</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="44" />
        <source>∂loss/∂w of each first-layer weight on the last sampled batch (red positive, blue negative): the optimizer moves every weight against its gradient</source>
        <translation>∂Verlust/∂w jedes Gewichts der ersten Schicht auf dem zuletzt erfassten Batch (rot positiv, blau negativ): Der Optimierer bewegt jedes Gewicht gegen seinen Gradienten</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="101" />
        <source>epoch {epoch}, batch {batch}/{batches}</source>
        <translation>Epoche {epoch}, Batch {batch}/{batches}</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="112" />
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="124" />
        <source>run {number}: {label}</source>
        <translation>Lauf {number}: {label}</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="147" />
        <source>cross-entropy loss</source>
        <translation>Kreuzentropie-Verlust</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="148" />
        <source>Each model's training loss per batch, smoothed, over the epochs</source>
        <translation>Der Trainingsverlust jedes Modells je Batch, geglättet, über die Epochen</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="150" />
        <source>accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="151" />
        <source>Each model's test accuracy after every epoch</source>
        <translation>Die Testgenauigkeit jedes Modells nach jeder Epoche</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="152" />
        <source>gradient norm (log)</source>
        <translation>Gradientennorm (log)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="153" />
        <source>The length of each CNN layer's gradient on the sampled batches, on a log scale</source>
        <translation>Die Länge des Gradienten jeder CNN-Schicht auf den erfassten Batches, logarithmisch</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="159" />
        <source>The length of each layer's gradient on the sampled batches: how hard that batch pushed the layer's weights</source>
        <translation>Die Länge des Gradienten jeder Schicht auf den erfassten Batches: wie stark dieser Batch die Gewichte der Schicht verschoben hat</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/live_plots.py" line="163" />
        <source>{title} · shown while training</source>
        <translation>{title} · während des Trainings</translation>
    </message>
</context><context>
    <name>MistakesView</name>
    <message>
        <location filename="../../../ui/lab/mistakes_view.py" line="41" />
        <source>Mistakes of the CNN</source>
        <translation>Fehler des CNN</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/mistakes_view.py" line="42" />
        <source>Mistakes of the FC network</source>
        <translation>Fehler des FC-Netzes</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/mistakes_view.py" line="43" />
        <source>Click a digit to explain it with the model that got it wrong</source>
        <translation>Klicken Sie auf eine Ziffer, um sie mit dem Modell zu erklären, das sie falsch erkannt hat</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/mistakes_view.py" line="65" />
        <source>{model}: {errors} of the test images wrong, {shown} shown, most confident first</source>
        <translation>{model}: {errors} der Testbilder falsch, {shown} gezeigt, die sichersten zuerst</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/mistakes_view.py" line="70" />
        <source>Click a mistake to explain it: that lab model becomes the current model (File → Open model… brings yours back), and the digit goes on the canvas.</source>
        <translation>Klicken Sie auf einen Fehler, um ihn zu erklären: Dieses Labormodell wird zum aktuellen Modell (Datei → Modell öffnen … holt Ihres zurück), und die Ziffer kommt auf die Zeichenfläche.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/mistakes_view.py" line="73" />
        <source>After a run, the test images each model got wrong are shown here.</source>
        <translation>Nach einem Lauf erscheinen hier die Testbilder, die jedes Modell falsch erkannt hat.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/mistakes_view.py" line="83" />
        <source>{model} (after epoch {epochs}) is now the current model, with test image {index} on the canvas.</source>
        <translation>{model} (nach Epoche {epochs}) ist jetzt das aktuelle Modell, mit Testbild {index} auf der Zeichenfläche.</translation>
    </message>
</context><context>
    <name>PoolingView</name>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="200" />
        <source>Max pooling</source>
        <translation>Max-Pooling</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="200" />
        <source>Average pooling</source>
        <translation>Mittelwert-Pooling</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="201" />
        <source>Stride-2 convolutions</source>
        <translation>Faltungen mit Schrittweite 2</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="202" />
        <source>Global average pooling</source>
        <translation>Globales Mittelwert-Pooling</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="216" />
        <source>Downsampling</source>
        <translation>Verkleinerung</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="216" />
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="217" />
        <source>Test accuracy</source>
        <translation>Testgenauigkeit</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="217" />
        <source>Test errors</source>
        <translation>Testfehler</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="218" />
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="219" />
        <source>The lab's CNN four times, each with another way to make its maps smaller: max pooling, average pooling, convolutions that skip every other position (stride 2), and one average per map before the classifier (global average pooling).</source>
        <translation>Das CNN des Labors viermal, jedes Mal mit einer anderen Art, seine Merkmalskarten zu verkleinern: Max-Pooling, Mittelwert-Pooling, Faltungen, die jede zweite Position überspringen (Schrittweite 2), und ein Mittelwert je Karte vor dem Klassifikator (globales Mittelwert-Pooling).</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="227" />
        <source>Measured: the lab's CNN ({c1}/{c2} filters) with each kind of downsampling, trained from scratch from the same starting seed.</source>
        <translation>Gemessen: das CNN des Labors ({c1}/{c2} Filter) mit jeder Art der Verkleinerung, jeweils von Grund auf mit demselben Start-Seed trainiert.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="234" />
        <source>Most accurate here: {best} ({accuracy}). Fewest parameters: {small} ({parameters:,}).</source>
        <translation>Am genauesten hier: {best} ({accuracy}). Die wenigsten Parameter: {small} ({parameters:,}).</translation>
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
    <name>ShuffledView</name>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="104" />
        <source>On the images as they are the CNN had no lead here ({cnn:,} errors against the FC network's {fc:,}): train longer or on more images to see the effect.</source>
        <translation>Auf den unveränderten Bildern hatte das CNN hier keinen Vorsprung ({cnn:,} Fehler gegenüber {fc:,} beim FC-Netz): Trainieren Sie länger oder mit mehr Bildern, um den Effekt zu sehen.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="107" />
        <source>The CNN's lead did not shrink: {plain:,} fewer errors than the FC network on the images as they are, {shuffled:,} with the pixels shuffled.</source>
        <translation>Der Vorsprung des CNN schrumpfte nicht: {plain:,} Fehler weniger als das FC-Netz auf den unveränderten Bildern, {shuffled:,} mit vertauschten Pixeln.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="110" />
        <source>The CNN's lead shrank from {plain:,} fewer errors than the FC network to {shuffled:,} once the pixels were shuffled: its small filters rely on neighbouring pixels.</source>
        <translation>Der Vorsprung des CNN schrumpfte von {plain:,} Fehlern weniger als das FC-Netz auf {shuffled:,}, sobald die Pixel vertauscht waren: Seine kleinen Filter sind auf benachbarte Pixel angewiesen.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="113" />
        <source>The CNN's lead of {plain:,} errors was gone once the pixels were shuffled (it made {behind:,} more errors than the FC network): its small filters rely on neighbouring pixels.</source>
        <translation>Der Vorsprung des CNN von {plain:,} Fehlern war weg, sobald die Pixel vertauscht waren (es machte {behind:,} Fehler mehr als das FC-Netz): Seine kleinen Filter sind auf benachbarte Pixel angewiesen.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="116" />
        <source>The FC network made {fc:,} errors on the images as they are and {fc_s:,} with the pixels shuffled.</source>
        <translation>Das FC-Netz machte {fc:,} Fehler auf den unveränderten Bildern und {fc_s:,} mit vertauschten Pixeln.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="127" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="127" />
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="128" />
        <source>Test errors, as they are</source>
        <translation>Testfehler, unverändert</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="129" />
        <source>Test errors, pixels shuffled</source>
        <translation>Testfehler, Pixel vertauscht</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="130" />
        <source>The FC network and the CNN, trained on the images as they are and on the same images with every pixel moved to another place (the same places for every image). The FC network never knew which pixels were neighbours; the CNN's filters assume they belong together.</source>
        <translation>Das FC-Netz und das CNN, trainiert auf den unveränderten Bildern und auf denselben Bildern mit jedem Pixel an einer anderen Stelle (für jedes Bild dieselben Stellen). Das FC-Netz wusste nie, welche Pixel Nachbarn waren; die Filter des CNN gehen davon aus, dass sie zusammengehören.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="138" />
        <source>Test errors chart</source>
        <translation>Diagramm der Testfehler</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="139" />
        <source>Bars of the FC network's and the CNN's test errors, on the images as they are and shuffled; the table holds the same numbers</source>
        <translation>Balken der Testfehler des FC-Netzes und des CNN, auf den unveränderten und den vertauschten Bildern; die Tabelle enthält dieselben Zahlen</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="142" />
        <source>test errors</source>
        <translation>Testfehler</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="143" />
        <source>Test errors</source>
        <translation>Testfehler</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="145" />
        <source>as they are</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="146" />
        <source>pixels shuffled</source>
        <translation>Pixel vertauscht</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="150" />
        <source>One image before and after shuffling</source>
        <translation>Ein Bild vor und nach dem Vertauschen</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="151" />
        <source>The first test image as it is and with its pixels moved as the experiment moves them</source>
        <translation>Das erste Testbild, unverändert und mit seinen Pixeln so verschoben, wie das Experiment sie verschiebt</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="154" />
        <source>as it is</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="154" />
        <source>shuffled</source>
        <translation>vertauscht</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/experiment_views.py" line="177" />
        <source>Measured: the test errors of {fc} and {cnn}, each trained from scratch twice: on the images as they are and with their pixels shuffled.</source>
        <translation>Gemessen: die Testfehler von {fc} und {cnn}, jedes zweimal von Grund auf trainiert: auf den unveränderten Bildern und mit vertauschten Pixeln.</translation>
    </message>
</context><context>
    <name>TimelineView</name>
    <message>
        <location filename="../../../ui/lab/timeline_view.py" line="51" />
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/timeline_view.py" line="52" />
        <source>Drag to see the CNN as it was after each epoch (0: the random start)</source>
        <translation>Ziehen Sie, um das CNN so zu sehen, wie es nach jeder Epoche war (0: der zufällige Start)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/timeline_view.py" line="56" />
        <source>the digit on the canvas</source>
        <translation>die Ziffer auf der Zeichenfläche</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/timeline_view.py" line="57" />
        <source>test image</source>
        <translation>Testbild</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/timeline_view.py" line="58" />
        <source>Digit to show</source>
        <translation>Angezeigte Ziffer</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/timeline_view.py" line="59" />
        <source>Which digit goes through the CNN at the chosen epoch</source>
        <translation>Welche Ziffer in der gewählten Epoche durch das CNN geht</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/timeline_view.py" line="62" />
        <source>Test image number</source>
        <translation>Nummer des Testbilds</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/timeline_view.py" line="63" />
        <source>Which test image to show</source>
        <translation>Welches Testbild angezeigt wird</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/timeline_view.py" line="64" />
        <source>Train both models: after each epoch the CNN is kept here, to scrub through.</source>
        <translation>Trainieren Sie beide Modelle: Nach jeder Epoche wird das CNN hier festgehalten, zum Durchblättern.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/timeline_view.py" line="68" />
        <source>Conv 1 filters</source>
        <translation>Filter in conv 1</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/timeline_view.py" line="72" />
        <location filename="../../../ui/lab/timeline_view.py" line="69" />
        <source>The digit after conv 1</source>
        <translation>Die Ziffer nach conv 1</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/timeline_view.py" line="73" />
        <source>The chosen digit's feature maps after the first convolution, at this epoch</source>
        <translation>Die Merkmalskarten der gewählten Ziffer nach der ersten Faltung, in dieser Epoche</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/timeline_view.py" line="79" />
        <source>The CNN's probabilities</source>
        <translation>Die Wahrscheinlichkeiten des CNN</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/timeline_view.py" line="81" />
        <source>What the CNN answered for this digit at this epoch</source>
        <translation>Was das CNN in dieser Epoche für diese Ziffer geantwortet hat</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/timeline_view.py" line="86" />
        <source>Digit:</source>
        <translation>Ziffer:</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/timeline_view.py" line="155" />
        <source>Epoch 0 (random start)</source>
        <translation>Epoche 0 (zufälliger Start)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/timeline_view.py" line="156" />
        <source>After epoch {k} of {n}</source>
        <translation>Nach Epoche {k} von {n}</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/timeline_view.py" line="175" />
        <source>random start</source>
        <translation>zufälliger Start</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/timeline_view.py" line="176" />
        <source>after epoch {k}</source>
        <translation>nach Epoche {k}</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/timeline_view.py" line="182" />
        <source>At this epoch the CNN says {name} ({p:.0%} sure).</source>
        <translation>In dieser Epoche sagt das CNN {name} ({p:.0%} sicher).</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/timeline_view.py" line="187" />
        <source>Could not show this epoch: {reason}</source>
        <translation>Diese Epoche konnte nicht angezeigt werden: {reason}</translation>
    </message>
</context><context>
    <name>TrainingLabTab</name>
    <message>
        <location filename="../../../ui/lab/tab.py" line="60" />
        <source>Press “Train both” to train the FC network and the CNN on the same images.</source>
        <translation>Drücken Sie „Beide trainieren“, um das FC-Netz und das CNN auf denselben Bildern zu trainieren.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="79" />
        <source>{name}: waiting</source>
        <translation>{name}: wartet</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="81" />
        <source>{name}: trained</source>
        <translation>{name}: trainiert</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="83" />
        <source>{name}: testing on {n:,} images after epoch {epoch} of {epochs}…</source>
        <translation>{name}: testet auf {n:,} Bildern nach Epoche {epoch} von {epochs} …</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="85" />
        <source>{name}: training, epoch {epoch} of {epochs} (batch {batch}/{batches})…</source>
        <translation>{name}: trainiert, Epoche {epoch} von {epochs} (Batch {batch}/{batches}) …</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="324" />
        <location filename="../../../ui/lab/tab.py" line="108" />
        <source>Train both</source>
        <translation>Beide trainieren</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="109" />
        <source>Train the FC network and the CNN with the form's settings; press again to stop</source>
        <translation>Das FC-Netz und das CNN mit den Einstellungen des Formulars trainieren; erneut drücken zum Anhalten</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="129" />
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="134" />
        <source>Epoch by epoch</source>
        <translation>Epoche für Epoche</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="135" />
        <source>Mistakes</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="159" />
        <source>FC vs CNN</source>
        <translation>FC vs. CNN</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="160" />
        <source>Experiments</source>
        <translation>Experimente</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="162" />
        <location filename="../../../ui/lab/tab.py" line="161" />
        <source>Training lab views</source>
        <translation>Ansichten des Trainingslabors</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="163" />
        <source>Choose the FC-vs-CNN comparison or the experiments</source>
        <translation>Den Vergleich FC vs. CNN oder die Experimente wählen</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="164" />
        <source>Run results</source>
        <translation>Ergebnisse der Läufe</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="165" />
        <source>Choose the finished runs' table, the CNN epoch by epoch, or the models' mistakes</source>
        <translation>Die Tabelle der fertigen Läufe, das CNN Epoche für Epoche oder die Fehler der Modelle wählen</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="252" />
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="254" />
        <source>Preparing {n:,} training images…</source>
        <translation>Bereite {n:,} Trainingsbilder vor …</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="262" />
        <source>Stopping…</source>
        <translation>Halte an …</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="275" />
        <source>after epoch {epoch}/{epochs}</source>
        <translation>nach Epoche {epoch}/{epochs}</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="300" />
        <source>Training failed: {why}</source>
        <translation>Training fehlgeschlagen: {why}</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="312" />
        <source>after epoch {epoch} (final)</source>
        <translation>nach Epoche {epoch} (endgültig)</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="317" />
        <source>Stopped in epoch {epoch}. The curves show how far it got; the table keeps only finished runs.</source>
        <translation>In Epoche {epoch} angehalten. Die Kurven zeigen, wie weit es kam; die Tabelle behält nur fertige Läufe.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="319" />
        <source>Stopped before the first batch. The curves show how far it got; the table keeps only finished runs.</source>
        <translation>Vor dem ersten Batch angehalten. Die Kurven zeigen, wie weit es kam; die Tabelle behält nur fertige Läufe.</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="332" />
        <source>Done in {s:.1f} s on {device}. Test accuracy: FC {fc}, CNN {cnn} ({n:,} test images).</source>
        <translation>Fertig in {s:.1f} s auf {device}. Testgenauigkeit: FC {fc}, CNN {cnn} ({n:,} Testbilder).</translation>
    </message>
    <message>
        <location filename="../../../ui/lab/tab.py" line="348" />
        <source>untrained (random start)</source>
        <translation>untrainiert (zufälliger Start)</translation>
    </message>
</context></TS>
