<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
    <context>
    <name>ClassPanel</name>
    <message>
        <location filename="../../../ui/filters/class_panel.py" line="41" />
        <source>What each class looks like to the network</source>
        <translation>Wie jede Klasse für das Netz aussieht</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/class_panel.py" line="42" />
        <source>For each class, the picture that raises its score most</source>
        <translation>Für jede Klasse das Bild, das ihren Wert am stärksten erhöht</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/class_panel.py" line="61" />
        <source>Finding what the network thinks each of the {n} classes looks like …</source>
        <translation>Ermittle, wie jede der {n} Klassen für das Netz aussieht …</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/class_panel.py" line="66" />
        <source>Cancelled. Press Compute to finish it.</source>
        <translation>Abgebrochen. Drücke „Berechnen“, um es fertigzustellen.</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/class_panel.py" line="75" />
        <source>&lt;b&gt;What the network thinks each class looks like&lt;/b&gt; — e.g. what it thinks an {example} looks like: the picture that raises that class's score most.</source>
        <translation>&lt;b&gt;Wie das Netz sich jede Klasse vorstellt&lt;/b&gt; – z. B. wie es sich „{example}“ vorstellt: das Bild, das den Wert dieser Klasse am stärksten erhöht.</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/class_panel.py" line="78" />
        <source>&lt;b&gt;What the network thinks each class looks like&lt;/b&gt; — e.g. what it thinks a {example} looks like: the picture that raises that class's score most.</source>
        <translation>&lt;b&gt;Wie das Netz sich jede Klasse vorstellt&lt;/b&gt; – z. B. wie es sich „{example}“ vorstellt: das Bild, das den Wert dieser Klasse am stärksten erhöht.</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/class_panel.py" line="96" />
        <source>Could not compute this: {message}</source>
        <translation>Konnte nicht berechnet werden: {message}</translation>
    </message>
</context><context>
    <name>FeaturesPanel</name>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="50" />
        <source>&lt;b&gt;What a filter wants to see&lt;/b&gt; — the picture that excites it most (found by gradient ascent from noise) and the 9 test digits that excite it most, the part its strongest cell sees outlined. Pick a filter in the row of pictures (or click its card under Weights and responses); click a digit to open it.</source>
        <translation>&lt;b&gt;Was ein Filter sehen will&lt;/b&gt; – das Bild, das ihn am stärksten anregt (durch Gradientenaufstieg aus Rauschen gefunden), und die 9 Testziffern, die ihn am stärksten anregen, mit dem umrandeten Ausschnitt, den seine stärkste Zelle sieht. Wähle einen Filter in der Bilderreihe (oder klicke seine Karte unter „Gewichte und Antworten“ an); klicke eine Ziffer an, um sie zu öffnen.</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="59" />
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="60" />
        <source>The layer whose filter to show</source>
        <translation>Die Schicht, deren Filter gezeigt wird</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="62" />
        <source>filter </source>
        <translation>Filter </translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="63" />
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="64" />
        <source>Filters are counted from 1, as on the cards</source>
        <translation>Filter werden ab 1 gezählt, wie auf den Karten</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="70" />
        <source>Every filter of the layer</source>
        <translation>Alle Filter der Schicht</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="71" />
        <source>What each filter of this layer wants to see; click one to look at it closely</source>
        <translation>Was jeder Filter dieser Schicht sehen will; klicke einen an, um ihn genauer anzusehen</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="76" />
        <source>The chosen filter</source>
        <translation>Der gewählte Filter</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="77" />
        <source>The chosen filter's weights, its response on your digit, and the picture that excites it most</source>
        <translation>Die Gewichte des gewählten Filters, seine Antwort auf deine Ziffer und das Bild, das ihn am stärksten anregt</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="79" />
        <source>weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="245" />
        <location filename="../../../ui/filters/features_panel.py" line="80" />
        <source>on your digit</source>
        <translation>auf deiner Ziffer</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="256" />
        <location filename="../../../ui/filters/features_panel.py" line="81" />
        <source>wants to see</source>
        <translation>will sehen</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="85" />
        <source>The 9 strongest test digits</source>
        <translation>Die 9 stärksten Testziffern</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="86" />
        <source>The 9 test digits that excite this filter most (its strongest response above each); click one to open it</source>
        <translation>Die 9 Testziffern, die diesen Filter am stärksten anregen (seine stärkste Antwort jeweils darüber); klicke eine an, um sie zu öffnen</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="184" />
        <source>Finding what each of {stage}'s {count} filters wants to see …</source>
        <translation>Ermittle, was jeder der {count} Filter von {stage} sehen will …</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="193" />
        <source>Finding the 9 strongest of {n:,} test digits for every filter …</source>
        <translation>Suche für jeden Filter die 9 stärksten von {n:,} Testziffern …</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="220" />
        <source>Could not compute this: {message}</source>
        <translation>Konnte nicht berechnet werden: {message}</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="225" />
        <source>Cancelled. Press Compute to finish it.</source>
        <translation>Abgebrochen. Drücke „Berechnen“, um es fertigzustellen.</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="233" />
        <source>{stage} filter {n}</source>
        <translation>{stage} Filter {n}</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="238" />
        <source>its weights</source>
        <translation>seine Gewichte</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="241" />
        <source>weights: on its card</source>
        <translation>Gewichte: auf seiner Karte</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="248" />
        <source>on your digit (draw one)</source>
        <translation>auf deiner Ziffer (zeichne eine)</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="253" />
        <source>wants to see …</source>
        <translation>will sehen …</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="258" />
        <source>The {h}×{w} pixels {name}'s centre cell sees, as gradient ascent made them</source>
        <translation>Die {h}×{w} Pixel, die die mittlere Zelle von {name} sieht, so wie der Gradientenaufstieg sie erzeugt hat</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="289" />
        <source>Its picture makes {name} respond &lt;b&gt;{v:.2f}&lt;/b&gt;</source>
        <translation>Sein Bild lässt {name} mit &lt;b&gt;{v:.2f}&lt;/b&gt; antworten</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/features_panel.py" line="291" />
        <source>the test digit that excites it most, {v:.2f} (responses above the digits; outlined: what the strongest cell sees)</source>
        <translation>die Testziffer, die ihn am stärksten anregt, mit {v:.2f} (Antworten über den Ziffern; umrandet: was die stärkste Zelle sieht)</translation>
    </message>
</context><context>
    <name>FilterCards</name>
    <message>
        <location filename="../../../ui/filters/cards.py" line="59" />
        <source>from map {n}</source>
        <translation>aus Karte {n}</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/cards.py" line="68" />
        <source>{name}: weights at {cell} = red {r:+.3f}, green {g:+.3f}, blue {b:+.3f}</source>
        <translation>{name}: Gewichte bei {cell} = rot {r:+.3f}, grün {g:+.3f}, blau {b:+.3f}</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/cards.py" line="73" />
        <source>{name}: weight at {cell} = {w:+.3f}</source>
        <translation>{name}: Gewicht bei {cell} = {w:+.3f}</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/cards.py" line="82" />
        <source>{name}: response at {cell} = {v:.3f}</source>
        <translation>{name}: Antwort bei {cell} = {v:.3f}</translation>
    </message>
</context><context>
    <name>FilterPanel</name>
    <message>
        <location filename="../../../ui/filters/filter_panel.py" line="36" />
        <source>Filter cards</source>
        <translation>Filterkarten</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/filter_panel.py" line="37" />
        <source>Each card is a filter's weights beside its response on the current input: hover to read a value, click a weight to write its whole kernel out</source>
        <translation>Jede Karte zeigt die Gewichte eines Filters neben seiner Antwort auf die aktuelle Eingabe: zeige mit der Maus auf einen Wert, um ihn abzulesen; klicke ein Gewicht an, um seinen ganzen Kern auszuschreiben</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/filter_panel.py" line="44" />
        <source>weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/filter_panel.py" line="45" />
        <source>response</source>
        <translation>Antwort</translation>
    </message>
</context><context>
    <name>FiltersTab</name>
    <message>
        <location filename="../../../ui/filters/tab.py" line="27" />
        <source>No model yet — the learned filters appear as soon as a model is trained or opened.</source>
        <translation>Noch kein Modell – die gelernten Filter erscheinen, sobald ein Modell trainiert oder geöffnet ist.</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/tab.py" line="47" />
        <source>Each card is one filter (numbered from 1): its &lt;b&gt;weights&lt;/b&gt; (blue negative, white 0, red positive; one small grid per input map) beside its &lt;b&gt;response&lt;/b&gt; on the current digit. Hover for values; point at a weight to see its whole kernel enlarged.</source>
        <translation>Jede Karte ist ein Filter (ab 1 nummeriert): seine &lt;b&gt;Gewichte&lt;/b&gt; (blau negativ, weiß 0, rot positiv; ein kleines Raster pro Eingabekarte) neben seiner &lt;b&gt;Antwort&lt;/b&gt; auf die aktuelle Ziffer. Zeige mit der Maus darauf, um Werte abzulesen; zeige auf ein Gewicht, um seinen ganzen Kern vergrößert zu sehen.</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/tab.py" line="73" />
        <source>Weights and responses</source>
        <translation>Gewichte und Antworten</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/tab.py" line="74" />
        <source>What they want to see</source>
        <translation>Was sie sehen wollen</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/tab.py" line="75" />
        <source>Filter views</source>
        <translation>Filteransichten</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/tab.py" line="76" />
        <source>The filters' weights and responses, or what each filter and class wants to see</source>
        <translation>Die Gewichte und Antworten der Filter, oder was jeder Filter und jede Klasse sehen will</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/tab.py" line="79" />
        <source>&lt;b&gt;Reference: hand-set Sobel edge filters&lt;/b&gt; (vertical, horizontal) on the same digit — compare them with what the network learned.</source>
        <translation>&lt;b&gt;Zum Vergleich: von Hand gesetzte Sobel-Kantenfilter&lt;/b&gt; (senkrecht, waagerecht) auf derselben Ziffer – vergleiche sie mit dem, was das Netz gelernt hat.</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/tab.py" line="82" />
        <source>Sobel edge filters</source>
        <translation>Sobel-Kantenfilter</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/tab.py" line="86" />
        <source>Hover over a filter to read its weights.</source>
        <translation>Zeige mit der Maus auf einen Filter, um seine Gewichte abzulesen.</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/tab.py" line="123" />
        <source>This model ({arch}) has no convolution layers, so it has no filters to show. Open or train a CNN to see what its filters learned.</source>
        <translation>Dieses Modell ({arch}) hat keine Faltungsschichten und daher keine Filter. Öffne oder trainiere ein CNN, um zu sehen, was seine Filter gelernt haben.</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/tab.py" line="140" />
        <source> — responses shown are the whole block's output maps</source>
        <translation> – gezeigt werden die Ausgabekarten des ganzen Blocks</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/tab.py" line="141" />
        <source> — drawn in colour: each filter's red, green and blue weights as one picture (grey is 0, a strong colour means the filter looks for that colour)</source>
        <translation> – farbig gezeichnet: die roten, grünen und blauen Gewichte jedes Filters als ein Bild (grau ist 0, eine kräftige Farbe heißt, dass der Filter nach dieser Farbe sucht)</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/tab.py" line="144" />
        <source> — the first {n} of its {total:,} filters</source>
        <translation> – die ersten {n} ihrer {total:,} Filter</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/tab.py" line="182" />
        <source>vertical</source>
        <translation>senkrecht</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/tab.py" line="182" />
        <source>horizontal</source>
        <translation>waagerecht</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/tab.py" line="210" />
        <source>&lt;b&gt;{stage}&lt;/b&gt;: {out} learned filters of {kh}×{kw} on {inp} input map(s)</source>
        <translation>&lt;b&gt;{stage}&lt;/b&gt;: {out} gelernte Filter der Größe {kh}×{kw} auf {inp} Eingabekarte(n)</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/tab.py" line="212" />
        <source>Filters of {stage}</source>
        <translation>Filter von {stage}</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/tab.py" line="232" />
        <source>filter {n}</source>
        <translation>Filter {n}</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/tab.py" line="240" />
        <source>&lt;br&gt;Filters {which}: blank response — they do not fire anywhere on this digit (the weighted sum is ≤ 0 everywhere, and ReLU makes that 0). A filter blank on every digit is 'dead': it never learned to fire.</source>
        <translation>&lt;br&gt;Filter {which}: leere Antwort – sie feuern nirgends auf dieser Ziffer (die gewichtete Summe ist überall ≤ 0, und ReLU macht daraus 0). Ein Filter, der auf jeder Ziffer leer bleibt, ist „tot“: Er hat nie gelernt zu feuern.</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/tab.py" line="243" />
        <source>&lt;br&gt;Filter {which}: blank response — it does not fire anywhere on this digit (the weighted sum is ≤ 0 everywhere, and ReLU makes that 0). A filter blank on every digit is 'dead': it never learned to fire.</source>
        <translation>&lt;br&gt;Filter {which}: leere Antwort – er feuert nirgends auf dieser Ziffer (die gewichtete Summe ist überall ≤ 0, und ReLU macht daraus 0). Ein Filter, der auf jeder Ziffer leer bleibt, ist „tot“: Er hat nie gelernt zu feuern.</translation>
    </message>
</context><context>
    <name>JobBar</name>
    <message>
        <location filename="../../../ui/filters/job_bar.py" line="26" />
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/job_bar.py" line="39" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/job_bar.py" line="40" />
        <source>Stop this computation (what is already shown stays)</source>
        <translation>Diese Berechnung anhalten (was schon angezeigt wird, bleibt)</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/job_bar.py" line="53" />
        <source>Compute</source>
        <translation>Berechnen</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/job_bar.py" line="54" />
        <source>Compute it now</source>
        <translation>Jetzt berechnen</translation>
    </message>
</context><context>
    <name>KernelView</name>
    <message>
        <location filename="../../../ui/filters/kernel_view.py" line="31" />
        <source>Enlarged kernel</source>
        <translation>Vergrößerter Kern</translation>
    </message>
    <message>
        <location filename="../../../ui/filters/kernel_view.py" line="32" />
        <source>The weights of the kernel you pointed at, enlarged (blue negative, red positive)</source>
        <translation>Die Gewichte des Kerns, auf den du zeigst, vergrößert (blau negativ, rot positiv)</translation>
    </message>
</context></TS>
