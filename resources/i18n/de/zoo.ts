<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConfusionView</name>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="75" />
        <source>true {true} → {predicted}
{confidence:.0%} sure</source>
        <translation>wahr {true} → {predicted}
{confidence:.0%} sicher</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="78" />
        <source>Open this image on the canvas</source>
        <translation>Dieses Bild auf der Zeichenfläche öffnen</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="93" />
        <source>This model answers in other classes ({model_classes}) than the open data set {data} ({data_classes}): train one on it (File → Retrain explorer CNN, or the accuracy report) to see where it errs.</source>
        <translation>Dieses Modell antwortet in anderen Klassen ({model_classes}) als der geöffnete Datensatz {data} ({data_classes}): Trainieren Sie eines darauf (Datei → Explorer-CNN neu trainieren oder der Genauigkeitsbericht), um zu sehen, wo es sich irrt.</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="131" />
        <source>Model to evaluate</source>
        <translation>Zu bewertendes Modell</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="132" />
        <source>The current model, or a model the accuracy report has trained and kept</source>
        <translation>Das aktuelle Modell oder ein Modell, das der Genauigkeitsbericht trainiert und aufbewahrt hat</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="136" />
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="145" />
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="146" />
        <source>Rows: true class, columns: predicted class, each cell the number of test images; choose a cell to list those images</source>
        <translation>Zeilen: wahre Klasse, Spalten: vorhergesagte Klasse, jede Zelle die Zahl der Testbilder; wählen Sie eine Zelle, um diese Bilder aufzulisten</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="153" />
        <source>Misclassified test images</source>
        <translation>Falsch klassifizierte Testbilder</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="154" />
        <source>Each item: the true class, the class the model chose and how sure it was; click one to open it on the canvas</source>
        <translation>Jeder Eintrag: die wahre Klasse, die vom Modell gewählte Klasse und wie sicher es war; ein Klick öffnet das Bild auf der Zeichenfläche</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="160" />
        <source>Rows: true class · columns: predicted class · click a cell to see those images</source>
        <translation>Zeilen: wahre Klasse · Spalten: vorhergesagte Klasse · Klicken Sie auf eine Zelle, um diese Bilder zu sehen</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="187" />
        <source>none yet</source>
        <translation>noch keines</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="188" />
        <source>Current model ({name})</source>
        <translation>Aktuelles Modell ({name})</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="190" />
        <source>From the report: {label}</source>
        <translation>Aus dem Bericht: {label}</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="222" />
        <source>No model yet: the explorer CNN is still training.</source>
        <translation>Noch kein Modell: Das Explorer-CNN wird noch trainiert.</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="240" />
        <source>Evaluating on the {n:,} test images…</source>
        <translation>Bewertung auf den {n:,} Testbildern …</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="246" />
        <source>Could not evaluate this model: {why}</source>
        <translation>Dieses Modell konnte nicht bewertet werden: {why}</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="282" />
        <source>Test accuracy {accuracy:.2%}: {errors:,} errors in {total:,} images. Most confused: {pairs}.</source>
        <translation>Testgenauigkeit {accuracy:.2%}: {errors:,} Fehler bei {total:,} Bildern. Am häufigsten verwechselt: {pairs}.</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="285" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="304" />
        <source>true {true} predicted as {predicted}</source>
        <translation>wahr {true}, vorhergesagt als {predicted}</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="306" />
        <source>all classes</source>
        <translation>alle Klassen</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/confusion_view.py" line="307" />
        <source>Misclassified test images ({which}), most confident mistakes first: {n} shown. Click one to open it on the canvas.</source>
        <translation>Falsch klassifizierte Testbilder ({which}), die sichersten Fehler zuerst: {n} angezeigt. Klicken Sie auf eines, um es auf der Zeichenfläche zu öffnen.</translation>
    </message>
</context><context>
    <name>InceptionView</name>
    <message>
        <location filename="../../../ui/zoo/inception_view.py" line="14" />
        <source>{millions:,.1f} M</source>
        <translation>{millions:,.1f} Mio.</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/inception_view.py" line="24" />
        <source>&lt;b&gt;Inside an Inception module&lt;/b&gt; (GoogLeNet's 3a, on a {h}×{w}×{c} input): four branches side by side, their {maps} output maps stacked.</source>
        <translation>&lt;b&gt;Das Innere eines Inception-Moduls&lt;/b&gt; (3a aus GoogLeNet, auf einer {h}×{w}×{c}-Eingabe): vier Zweige nebeneinander, ihre {maps} Ausgabekarten gestapelt.</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/inception_view.py" line="27" />
        <source>Branch</source>
        <translation>Zweig</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/inception_view.py" line="27" />
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/inception_view.py" line="28" />
        <source>Maps out</source>
        <translation>Ausgabekarten</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/inception_view.py" line="28" />
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/inception_view.py" line="29" />
        <source>Multiply-adds</source>
        <translation>Multiplikationen/Additionen</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/inception_view.py" line="30" />
        <source>Without the 1×1 reduction</source>
        <translation>Ohne die 1×1-Reduktion</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/inception_view.py" line="31" />
        <source>Inception module branches</source>
        <translation>Zweige des Inception-Moduls</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/inception_view.py" line="32" />
        <source>Each branch's layers, output maps, parameters and multiply-adds, with and without the 1×1 reduction</source>
        <translation>Schichten, Ausgabekarten, Parameter und Multiplikationen/Additionen jedes Zweigs, mit und ohne die 1×1-Reduktion</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/inception_view.py" line="35" />
        <source>{layers}: {parameters:,} parameters, {adds}</source>
        <translation>{layers}: {parameters:,} Parameter, {adds}</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/inception_view.py" line="42" />
        <source>With the 1×1 bottlenecks the module needs &lt;b&gt;{parameters:,}&lt;/b&gt; parameters and &lt;b&gt;{adds}&lt;/b&gt; multiply-adds; the same kernels applied straight to the {c} input maps would need {naive_parameters:,} and {naive_adds} ({ratio:.1f}× the work), and passing the pooled input through would leave {naive_maps} maps instead of {maps}. A 1×1 convolution is a fully connected layer across the channels, applied at every pixel with the same weights: it mixes and shrinks the maps without looking at neighbours.</source>
        <translation>Mit den 1×1-Engpässen braucht das Modul &lt;b&gt;{parameters:,}&lt;/b&gt; Parameter und &lt;b&gt;{adds}&lt;/b&gt; Multiplikationen/Additionen; dieselben Filterkerne direkt auf die {c} Eingabekarten angewendet bräuchten {naive_parameters:,} und {naive_adds} ({ratio:.1f}× so viel Arbeit), und würde die gepoolte Eingabe einfach durchgereicht, blieben {naive_maps} Karten statt {maps}. Eine 1×1-Faltung ist eine vollständig verbundene Schicht über die Kanäle, an jedem Pixel mit denselben Gewichten angewendet: Sie mischt die Karten und verringert ihre Zahl, ohne auf Nachbarpixel zu schauen.</translation>
    </message>
</context><context>
    <name>LineageView</name>
    <message>
        <location filename="../../../ui/zoo/lineage_view.py" line="22" />
        <source>{n}B</source>
        <translation>{n}Mrd</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/lineage_view.py" line="22" />
        <source>{n}M</source>
        <translation>{n}M</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/lineage_view.py" line="23" />
        <source>{n}k</source>
        <translation>{n}k</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/lineage_view.py" line="36" />
        <source>&lt;b&gt;Why convolutions?&lt;/b&gt; One dense layer of 1,000 neurons on a 224×224×3 photo needs &lt;b&gt;{dense:,}&lt;/b&gt; weights ({dense_shape}); AlexNet's first convolutional layer needs &lt;b&gt;{conv:,}&lt;/b&gt; ({conv_shape}) — {ratio:,.0f}× fewer, because each small filter is shared across the whole image.</source>
        <translation>&lt;b&gt;Warum Faltungen?&lt;/b&gt; Eine vollständig verbundene Schicht mit 1000 Neuronen auf einem 224×224×3-Foto braucht &lt;b&gt;{dense:,}&lt;/b&gt; Gewichte ({dense_shape}); die erste Faltungsschicht von AlexNet braucht &lt;b&gt;{conv:,}&lt;/b&gt; ({conv_shape}) – {ratio:,.0f}× weniger, weil jeder kleine Filter über das ganze Bild hinweg geteilt wird.</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/lineage_view.py" line="43" />
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/lineage_view.py" line="43" />
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/lineage_view.py" line="44" />
        <source>Idea it introduced</source>
        <translation>Neue Idee</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/lineage_view.py" line="44" />
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/lineage_view.py" line="45" />
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/lineage_view.py" line="46" />
        <source>Lineage of networks</source>
        <translation>Stammbaum der Netze</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/lineage_view.py" line="47" />
        <source>Famous networks and this app's own: year, the idea each introduced, input size and parameter count</source>
        <translation>Berühmte Netze und die eigenen dieser App: Jahr, die jeweils neue Idee, Eingabegröße und Zahl der Parameter</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/lineage_view.py" line="49" />
        <source>this app</source>
        <translation>diese App</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/lineage_view.py" line="56" />
        <source>Counts are computed from the layer definitions without allocating any weights. AlexNet follows torchvision (64 first-layer filters, the single-GPU variant); the 2012 paper's two-GPU network had 96, as in the comparison above. GoogLeNet follows torchvision too (a 3×3 kernel in the '5×5' branch, no auxiliary classifiers). LeNet-5 is the app's own definition: 28×28 digits padded to the original 32×32. Bars: orange, famous networks; red, this app's fully connected models; blue, this app's CNNs.</source>
        <translation>Die Zahlen werden aus den Schichtdefinitionen berechnet, ohne Gewichte anzulegen. AlexNet folgt torchvision (64 Filter in der ersten Schicht, die Variante für eine GPU); das Netz aus dem Artikel von 2012 mit zwei GPUs hatte 96, wie im Vergleich oben. Auch GoogLeNet folgt torchvision (ein 3×3-Filterkern im „5×5“-Zweig, keine Hilfsklassifikatoren). LeNet-5 ist die eigene Definition der App: 28×28-Ziffern, auf die ursprünglichen 32×32 aufgefüllt. Balken: orange die berühmten Netze; rot die vollständig verbundenen Modelle dieser App; blau die CNNs dieser App.</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/lineage_view.py" line="63" />
        <source>Each network's parameter count as a bar on a log scale, the exact count written after it</source>
        <translation>Die Parameterzahl jedes Netzes als Balken auf logarithmischer Skala, die genaue Zahl dahinter</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/lineage_view.py" line="65" />
        <source>parameters (log scale)</source>
        <translation>Parameter (logarithmische Skala)</translation>
    </message>
</context><context>
    <name>ReceptiveFieldView</name>
    <message>
        <location filename="../../../ui/zoo/receptive_view.py" line="29" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/receptive_view.py" line="30" />
        <source>The model whose stages are listed and charted</source>
        <translation>Das Modell, dessen Stufen aufgelistet und dargestellt werden</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/receptive_view.py" line="32" />
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/receptive_view.py" line="37" />
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/receptive_view.py" line="38" />
        <source>Output shape</source>
        <translation>Ausgabeform</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/receptive_view.py" line="39" />
        <source>Sees (input pixels)</source>
        <translation>Sieht (Eingabepixel)</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/receptive_view.py" line="40" />
        <source>Step between cells</source>
        <translation>Schritt zwischen Zellen</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/receptive_view.py" line="41" />
        <source>Receptive field per stage</source>
        <translation>Rezeptives Feld je Stufe</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/receptive_view.py" line="42" />
        <source>Each stage's output shape, the square of input pixels one of its cells sees, and the step between neighbouring cells</source>
        <translation>Die Ausgabeform jeder Stufe, das Quadrat aus Eingabepixeln, das eine ihrer Zellen sieht, und der Schritt zwischen benachbarten Zellen</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/receptive_view.py" line="48" />
        <source>{layers} stacked {k}×{k} convolutions ({maps}→{maps} maps) see &lt;b&gt;{field}×{field}&lt;/b&gt; input pixels with &lt;b&gt;{parameters:,}&lt;/b&gt; parameters; one {single}×{single} convolution sees {single_field}×{single_field} with &lt;b&gt;{single_parameters:,}&lt;/b&gt; — {saving:.0%} fewer for the stack, and it has {layers} non-linearities instead of one.</source>
        <translation>{layers} gestapelte {k}×{k}-Faltungen ({maps}→{maps} Karten) sehen &lt;b&gt;{field}×{field}&lt;/b&gt; Eingabepixel mit &lt;b&gt;{parameters:,}&lt;/b&gt; Parametern; eine einzelne {single}×{single}-Faltung sieht {single_field}×{single_field} mit &lt;b&gt;{single_parameters:,}&lt;/b&gt; – {saving:.0%} weniger für den Stapel, und er hat {layers} Nichtlinearitäten statt einer.</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/receptive_view.py" line="58" />
        <source>input pixels seen (side)</source>
        <translation>gesehene Eingabepixel (Seitenlänge)</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/receptive_view.py" line="59" />
        <source>A bar per spatial stage: the side of the input square one of its cells sees, against the whole 28×28 digit</source>
        <translation>Ein Balken je räumlicher Stufe: die Seitenlänge des Eingabequadrats, das eine ihrer Zellen sieht, verglichen mit der ganzen 28×28-Ziffer</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/receptive_view.py" line="64" />
        <source>Each convolution widens what a cell sees by (kernel − 1) × the step; pooling doubles the step. Dense stages see the whole digit.</source>
        <translation>Jede Faltung erweitert, was eine Zelle sieht, um (Kerngröße − 1) × Schritt; Pooling verdoppelt den Schritt. Vollständig verbundene Stufen sehen die ganze Ziffer.</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/receptive_view.py" line="73" />
        <source>the whole image</source>
        <translation>das ganze Bild</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/receptive_view.py" line="92" />
        <source>the whole 28×28 digit</source>
        <translation>die ganze 28×28-Ziffer</translation>
    </message>
</context><context>
    <name>ReportControls</name>
    <message>
        <location filename="../../../ui/zoo/report_controls.py" line="53" />
        <source>Models:</source>
        <translation>Modelle:</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_controls.py" line="55" />
        <source>Measure {model} in the report</source>
        <translation>{model} im Bericht messen</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_controls.py" line="60" />
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_controls.py" line="61" />
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_controls.py" line="62" />
        <source>Where the report trains and tests the models (auto: the fastest one found)</source>
        <translation>Wo der Bericht die Modelle trainiert und testet (automatisch: das schnellste gefundene Gerät)</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_controls.py" line="66" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_controls.py" line="67" />
        <source>Time budget per model</source>
        <translation>Zeitbudget je Modell</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_controls.py" line="68" />
        <source>A model whose full training would take longer is trained for as many epochs as fit, and the time the full training needs here is estimated.</source>
        <translation>Ein Modell, dessen volles Training länger dauern würde, wird so viele Epochen trainiert, wie hineinpassen, und die Zeit für das volle Training hier wird geschätzt.</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_controls.py" line="71" />
        <source>Test them together</source>
        <translation>Auch gemeinsam testen</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_controls.py" line="72" />
        <source>Run report also tests the ticked models as one small ensemble: each test digit's probabilities averaged over them, a figure of its own under the table</source>
        <translation>„Bericht erstellen“ testet die angehakten Modelle auch als ein kleines Ensemble: die Wahrscheinlichkeiten jeder Testziffer über sie gemittelt, ein eigener Wert unter der Tabelle</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_controls.py" line="75" />
        <source>Run report</source>
        <translation>Bericht erstellen</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_controls.py" line="76" />
        <source>Train and test the ticked models that have no results yet</source>
        <translation>Die angehakten Modelle ohne Ergebnisse trainieren und testen</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_controls.py" line="78" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_controls.py" line="79" />
        <source>Stop the report after the current batch; finished models are kept</source>
        <translation>Den Bericht nach dem aktuellen Batch anhalten; fertige Modelle bleiben erhalten</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_controls.py" line="85" />
        <source>Progress of the current model</source>
        <translation>Fortschritt des aktuellen Modells</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_controls.py" line="86" />
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_controls.py" line="88" />
        <source>Time budget per model:</source>
        <translation>Zeitbudget je Modell:</translation>
    </message>
</context><context>
    <name>ReportView</name>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="51" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="51" />
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="52" />
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="52" />
        <source>Wall time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="53" />
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="53" />
        <source>Test error</source>
        <translation>Testfehler</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="54" />
        <source>With TTA</source>
        <translation>Mit TTA</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="54" />
        <source>Published figure</source>
        <translation>Veröffentlichter Wert</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="55" />
        <source>Reduction vs previous</source>
        <translation>Verringerung ggü. vorigem</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="71" />
        <source>; not even one epoch fits the budget, so only its time is estimated</source>
        <translation>; nicht einmal eine Epoche passt ins Budget, daher wird nur die Zeit geschätzt</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="73" />
        <source>; {epochs} of {recipe} epochs fit the budget</source>
        <translation>; {epochs} von {recipe} Epochen passen ins Budget</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="75" />
        <source>{model} about {duration}{fit}</source>
        <translation>{model} etwa {duration}{fit}</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="77" />
        <source>Run report would take about {duration} here ({parts}).</source>
        <translation>Der Bericht würde hier etwa {duration} dauern ({parts}).</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="115" />
        <source>Accuracy report</source>
        <translation>Genauigkeitsbericht</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="116" />
        <source>One row per measured model: parameters, epochs, wall time, device, test error and the published figure</source>
        <translation>Eine Zeile je gemessenem Modell: Parameter, Epochen, Laufzeit, Gerät, Testfehler und veröffentlichter Wert</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="119" />
        <source>test error (%)</source>
        <translation>Testfehler (%)</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="120" />
        <source>Each model's measured test error beside its published figure</source>
        <translation>Der gemessene Testfehler jedes Modells neben seinem veröffentlichten Wert</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="148" />
        <source>Each model is trained with its standard training settings on the {train:,} {data} training images and tested on the {test:,} test images. The table compares the error measured here with the published figure (published for MNIST). Results are kept per data set, so this view opens instantly after the first run.</source>
        <translation>Jedes Modell wird mit seinen Standard-Trainingseinstellungen auf den {train:,} Trainingsbildern von {data} trainiert und auf den {test:,} Testbildern getestet. Die Tabelle vergleicht den hier gemessenen Fehler mit dem veröffentlichten Wert (veröffentlicht für MNIST). Die Ergebnisse werden je Datensatz aufbewahrt, daher öffnet sich diese Ansicht nach dem ersten Lauf sofort.</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="176" />
        <source>Total wall time {duration} on {devices}.</source>
        <translation>Gesamte Laufzeit {duration} auf {devices}.</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="208" />
        <source>Tick at least one model to measure.</source>
        <translation>Haken Sie mindestens ein Modell zum Messen an.</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="211" />
        <source>Estimating how long they take here from a few training batches each…</source>
        <translation>Schätze aus jeweils einigen Trainings-Batches, wie lange sie hier brauchen …</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="213" />
        <source>Not measured yet: {models}. {estimate} Press Run report to train and test them.</source>
        <translation>Noch nicht gemessen: {models}. {estimate} Drücken Sie „Bericht erstellen“, um sie zu trainieren und zu testen.</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="217" />
        <source>{models} are measured but not yet tested together. Press Run report to test them as one ensemble.</source>
        <translation>{models} sind gemessen, aber noch nicht gemeinsam getestet. Drücken Sie „Bericht erstellen“, um sie als ein Ensemble zu testen.</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="253" />
        <source>Could not estimate the run: {why}</source>
        <translation>Der Lauf konnte nicht geschätzt werden: {why}</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="278" />
        <source>Starting…</source>
        <translation>Starte …</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="286" />
        <source>Stopping after this batch; finished models are kept…</source>
        <translation>Halte nach diesem Batch an; fertige Modelle bleiben erhalten …</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="292" />
        <source>Testing {models} together…</source>
        <translation>Teste {models} gemeinsam…</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="296" />
        <source>Measuring {model} ({i} of {n})…</source>
        <translation>Messe {model} ({i} von {n}) …</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="305" />
        <source>, about {duration} for the whole report</source>
        <translation>, etwa {duration} für den ganzen Bericht</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="307" />
        <source>Training {model} ({i} of {n}): epoch {epoch} of {epochs}, batch {batch}/{batches}; about {left} left for this model{total}.</source>
        <translation>Trainiere {model} ({i} von {n}): Epoche {epoch} von {epochs}, Batch {batch}/{batches}; noch etwa {left} für dieses Modell{total}.</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="323" />
        <source>Report ready: {n} models measured.</source>
        <translation>Bericht fertig: {n} Modelle gemessen.</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="327" />
        <source>Report cancelled; the models that finished are kept.</source>
        <translation>Bericht abgebrochen; die fertigen Modelle bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/report_view.py" line="331" />
        <source>The report stopped with an error: {why}</source>
        <translation>Der Bericht wurde mit einem Fehler beendet: {why}</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/chart_widgets.py" line="63" />
        <source>measured here</source>
        <translation>hier gemessen</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/chart_widgets.py" line="65" />
        <source>published figure</source>
        <translation>veröffentlichter Wert</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/chart_widgets.py" line="68" />
        <source>{model} (not trained)</source>
        <translation>{model} (nicht trainiert)</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/chart_widgets.py" line="69" />
        <source>{model} ({epochs} of {recipe} epochs)</source>
        <translation>{model} ({epochs} von {recipe} Epochen)</translation>
    </message>
</context><context>
    <name>ZooTab</name>
    <message>
        <location filename="../../../ui/zoo/chart_widgets.py" line="23" />
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/tab.py" line="34" />
        <source>Accuracy report</source>
        <translation>Genauigkeitsbericht</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/tab.py" line="35" />
        <source>Lineage</source>
        <translation>Stammbaum</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/tab.py" line="36" />
        <source>Where it errs</source>
        <translation>Wo es sich irrt</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/tab.py" line="37" />
        <source>Receptive fields</source>
        <translation>Rezeptive Felder</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/tab.py" line="43" />
        <location filename="../../../ui/zoo/tab.py" line="38" />
        <source>Model zoo views</source>
        <translation>Ansichten des Modellzoos</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/tab.py" line="39" />
        <source>Accuracy report, lineage of networks, where a model errs, and receptive fields</source>
        <translation>Genauigkeitsbericht, Stammbaum der Netze, wo ein Modell sich irrt, und rezeptive Felder</translation>
    </message>
    <message>
        <location filename="../../../ui/zoo/tab.py" line="44" />
        <source>Choose one of the zoo's four views</source>
        <translation>Wählen Sie eine der vier Ansichten des Zoos</translation>
    </message>
</context></TS>
