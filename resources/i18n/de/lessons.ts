<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
    <context>
    <name>ExercisePanel</name>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="20" />
        <source>What value will this cell have?</source>
        <translation>Welchen Wert bekommt diese Zelle?</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="21" />
        <source>Which value survives the pooling window?</source>
        <translation>Welcher Wert überlebt das Pooling-Fenster?</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="22" />
        <source>Which class will the network pick?</source>
        <translation>Welche Klasse wählt das Netz?</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="23" />
        <source>Which map came from the vertical-edge filter?</source>
        <translation>Welche Karte stammt vom Filter für senkrechte Kanten?</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="24" />
        <source>How many parameters does this layer have?</source>
        <translation>Wie viele Parameter hat diese Schicht?</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="59" />
        <source>Kind of question</source>
        <translation>Art der Frage</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="60" />
        <source>Which kind of question “New question” asks</source>
        <translation>Welche Art von Frage „Neue Frage“ stellt</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="61" />
        <source>New question</source>
        <translation>Neue Frage</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="62" />
        <source>Ask another question of this kind about the current digit and model</source>
        <translation>Eine weitere Frage dieser Art zur aktuellen Ziffer und zum aktuellen Modell stellen</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="74" />
        <source>Maps to choose from</source>
        <translation>Karten zur Auswahl</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="75" />
        <source>The maps the question asks about; answer with the buttons</source>
        <translation>Die Karten, nach denen die Frage fragt; antworte mit den Knöpfen</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="83" />
        <location filename="../../../ui/lessons/exercise_panel.py" line="81" />
        <source>Your answer</source>
        <translation>Deine Antwort</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="84" />
        <source>Type a number and press Enter to check it</source>
        <translation>Gib eine Zahl ein und drücke Enter, um sie zu prüfen</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="86" />
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="87" />
        <source>Check the number you typed</source>
        <translation>Die eingegebene Zahl prüfen</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="101" />
        <source>Show the arithmetic in Behind a number</source>
        <translation>Die Rechnung in „Hinter einer Zahl“ zeigen</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="102" />
        <source>Open the Explain tab at the cell this question was about</source>
        <translation>Den Tab „Erklären“ bei der Zelle öffnen, um die es in der Frage ging</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="121" />
        <source>Draw a digit or pick a test digit, with a model open, to get a question.</source>
        <translation>Zeichne eine Ziffer oder wähle eine Testziffer (bei geöffnetem Modell), um eine Frage zu bekommen.</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="128" />
        <source>No such question for this model.</source>
        <translation>Diese Frage gibt es für dieses Modell nicht.</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="146" />
        <source>Right!</source>
        <translation>Richtig!</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="146" />
        <source>Not quite: the answer is {answer}.</source>
        <translation>Nicht ganz: Die Antwort ist {answer}.</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="160" />
        <source>Pick a kind of question and press “New question”: it is asked about the digit and model on screen now.</source>
        <translation>Wähle eine Art von Frage und drücke „Neue Frage“: Sie bezieht sich auf die Ziffer und das Modell, die gerade zu sehen sind.</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/exercise_panel.py" line="192" />
        <source>Type a number first (like 0.5).</source>
        <translation>Gib zuerst eine Zahl ein (etwa 0.5).</translation>
    </message>
</context><context>
    <name>GlossaryDialog</name>
    <message>
        <location filename="../../../ui/lessons/help_dialogs.py" line="36" />
        <source>cnnviz glossary</source>
        <translation>cnnviz-Glossar</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/help_dialogs.py" line="40" />
        <source>The words the app uses. Pick one and press “Show me” to see it in the app.</source>
        <translation>Die Begriffe, die die App verwendet. Wähle einen aus und drücke „Zeig es mir“, um ihn in der App zu sehen.</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/help_dialogs.py" line="42" />
        <source>Term</source>
        <translation>Begriff</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/help_dialogs.py" line="42" />
        <source>What it means</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/help_dialogs.py" line="44" />
        <source>Glossary</source>
        <translation>Glossar</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/help_dialogs.py" line="45" />
        <source>Double-click a term to see it in the app</source>
        <translation>Doppelklicke auf einen Begriff, um ihn in der App zu sehen</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/help_dialogs.py" line="53" />
        <source>Show me</source>
        <translation>Zeig es mir</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/help_dialogs.py" line="54" />
        <source>Open the tab that shows the selected term and frame it</source>
        <translation>Den Tab öffnen, der den gewählten Begriff zeigt, und ihn einrahmen</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/help_dialogs.py" line="57" />
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/help_dialogs.py" line="58" />
        <source>Close the glossary</source>
        <translation>Das Glossar schließen</translation>
    </message>
</context><context>
    <name>LessonDriver</name>
    <message>
        <location filename="../../../ui/lessons/driver.py" line="217" />
        <source>(This step is written for {model}: open one with File → Open model.)</source>
        <translation>(Dieser Schritt ist für {model} geschrieben: Öffne eines mit Datei → Modell öffnen.)</translation>
    </message>
</context><context>
    <name>LessonHub</name>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="31" />
        <source>cnnviz lessons (*.json);;All files (*)</source>
        <translation>cnnviz-Lektionen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="50" />
        <source>Open &amp;lesson…</source>
        <translation>&amp;Lektion öffnen …</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="51" />
        <source>Add this &amp;view to the lesson…</source>
        <translation>Diese A&amp;nsicht zur Lektion hinzufügen …</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="52" />
        <source>Save l&amp;esson as…</source>
        <translation>Lektion speichern &amp;unter …</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="53" />
        <source>&amp;Print worksheet as PDF…</source>
        <translation>Arbeitsblatt als &amp;PDF drucken …</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="55" />
        <source>&amp;Lessons</source>
        <translation>&amp;Lektionen</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="56" />
        <source>&amp;Glossary</source>
        <translation>&amp;Glossar</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="58" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="134" />
        <source>{problem} Nothing was changed.</source>
        <translation>{problem} Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="143" />
        <source>Added step {step} to the lesson (File → Save lesson as… writes it).</source>
        <translation>Schritt {step} zur Lektion hinzugefügt (Datei → Lektion speichern unter … schreibt sie).</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="157" />
        <source>The lesson could not be written to {path}: {problem}.</source>
        <translation>Die Lektion konnte nicht nach {path} geschrieben werden: {problem}.</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="160" />
        <source>Saved the lesson to {path}</source>
        <translation>Lektion unter {path} gespeichert</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="164" />
        <source>Open lesson</source>
        <translation>Lektion öffnen</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="171" />
        <source>Add this view to the lesson</source>
        <translation>Diese Ansicht zur Lektion hinzufügen</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="172" />
        <source>What should the learner look at here, and why?</source>
        <translation>Was sollen die Lernenden hier ansehen, und warum?</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="187" />
        <location filename="../../../ui/lessons/hub.py" line="183" />
        <location filename="../../../ui/lessons/hub.py" line="177" />
        <source>Save lesson</source>
        <translation>Lektion speichern</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="178" />
        <source>Title of the lesson:</source>
        <translation>Titel der Lektion:</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="184" />
        <source>What should the learner look at?</source>
        <translation>Was sollen die Lernenden ansehen?</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="203" />
        <source>There is nothing to print yet: open a model and draw or pick a digit first.</source>
        <translation>Es gibt noch nichts zu drucken: Öffne zuerst ein Modell und zeichne oder wähle eine Ziffer.</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="220" />
        <source>The worksheet could not be written to {path}: choose another folder.</source>
        <translation>Das Arbeitsblatt konnte nicht nach {path} geschrieben werden: Wähle einen anderen Ordner.</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="223" />
        <source>Saved the worksheet to {path}</source>
        <translation>Arbeitsblatt unter {path} gespeichert</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="227" />
        <source>Print worksheet as PDF</source>
        <translation>Arbeitsblatt als PDF drucken</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/hub.py" line="228" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
</context><context>
    <name>LessonOffer</name>
    <message>
        <location filename="../../../ui/lessons/offer.py" line="12" />
        <source>New to CNNs? The app can lead you through {count} short lessons, from one neuron that finds an edge to the networks that won ImageNet.</source>
        <translation>Neu bei CNNs? Die App kann dich durch {count} kurze Lektionen führen – von einem Neuron, das eine Kante findet, bis zu den Netzen, die ImageNet gewonnen haben.</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/offer.py" line="30" />
        <source>Start the first lesson</source>
        <translation>Erste Lektion starten</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/offer.py" line="31" />
        <source>Open the lesson panel at the first lesson</source>
        <translation>Die Lektionsleiste bei der ersten Lektion öffnen</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/offer.py" line="32" />
        <source>No thanks</source>
        <translation>Nein, danke</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/offer.py" line="33" />
        <source>Lessons stay in the Help menu</source>
        <translation>Die Lektionen bleiben im Menü Hilfe</translation>
    </message>
</context><context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../../ui/lessons/panel.py" line="24" />
        <source>Computing this step's numbers from the model…</source>
        <translation>Die Zahlen dieses Schritts werden aus dem Modell berechnet …</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/panel.py" line="34" />
        <source>Lessons</source>
        <translation>Lektionen</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/panel.py" line="41" />
        <source>Lesson</source>
        <translation>Lektion</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/panel.py" line="42" />
        <source>Pick a lesson to start it at its first step</source>
        <translation>Wähle eine Lektion, um sie beim ersten Schritt zu beginnen</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/panel.py" line="55" />
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/panel.py" line="56" />
        <source>Go to the previous step of the lesson</source>
        <translation>Zum vorigen Schritt der Lektion</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/panel.py" line="57" />
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/panel.py" line="58" />
        <source>Go to the next step of the lesson</source>
        <translation>Zum nächsten Schritt der Lektion</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/panel.py" line="59" />
        <source>End lesson</source>
        <translation>Lektion beenden</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/panel.py" line="60" />
        <source>Stop the lesson: hidden controls come back, the app stays as it is</source>
        <translation>Die Lektion beenden: Ausgeblendete Bedienelemente kommen zurück, die App bleibt, wie sie ist</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/panel.py" line="70" />
        <source>Predict, then reveal</source>
        <translation>Erst vorhersagen, dann aufdecken</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/panel.py" line="91" />
        <source>{number}. {title}</source>
        <translation>{number}. {title}</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/panel.py" line="97" />
        <source>Step {step} of {count}</source>
        <translation>Schritt {step} von {count}</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/panel.py" line="104" />
        <source>No lesson running</source>
        <translation>Keine Lektion läuft</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/panel.py" line="105" />
        <source>Pick a lesson above to start it. The questions below work at any time.</source>
        <translation>Wähle oben eine Lektion, um sie zu starten. Die Fragen unten funktionieren jederzeit.</translation>
    </message>
</context><context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../../ui/lessons/help_dialogs.py" line="82" />
        <location filename="../../../ui/lessons/help_dialogs.py" line="77" />
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/help_dialogs.py" line="80" />
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/help_dialogs.py" line="80" />
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/help_dialogs.py" line="83" />
        <source>Every command that has a shortcut, in menu order</source>
        <translation>Jeder Befehl mit Tastenkürzel, in der Reihenfolge der Menüs</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/help_dialogs.py" line="87" />
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/help_dialogs.py" line="88" />
        <source>Close the list of shortcuts</source>
        <translation>Die Liste der Tastenkürzel schließen</translation>
    </message>
</context><context>
    <name>Worksheet</name>
    <message>
        <location filename="../../../ui/lessons/worksheet.py" line="80" />
        <source>input under the window (input map {map}):</source>
        <translation>Eingabe unter dem Fenster (Eingabekarte {map}):</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/worksheet.py" line="81" />
        <source>filter weights (input map {map}):</source>
        <translation>Filtergewichte (Eingabekarte {map}):</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/worksheet.py" line="82" />
        <source>products (input map {map}):</source>
        <translation>Produkte (Eingabekarte {map}):</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/worksheet.py" line="86" />
        <source>sum of the {count} products = {sum:.2f}; + bias {bias:.2f} = {pre:.2f}</source>
        <translation>Summe der {count} Produkte = {sum:.2f}; + Bias {bias:.2f} = {pre:.2f}</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/worksheet.py" line="98" />
        <source>cnnviz worksheet</source>
        <translation>cnnviz-Arbeitsblatt</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/worksheet.py" line="105" />
        <source>cnnviz worksheet: how a CNN reads one digit</source>
        <translation>cnnviz-Arbeitsblatt: wie ein CNN eine Ziffer liest</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/worksheet.py" line="106" />
        <source>Model: {model}. It predicts {label} with {probability}.</source>
        <translation>Modell: {model}. Es sagt {label} mit {probability} vorher.</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/worksheet.py" line="108" />
        <source>The digit, as the network sees it</source>
        <translation>Die Ziffer, wie das Netz sie sieht</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/worksheet.py" line="113" />
        <source>The feature maps of {stage} ({title})</source>
        <translation>Die Merkmalskarten von {stage} ({title})</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/worksheet.py" line="117" />
        <source>map {map}</source>
        <translation>Karte {map}</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/worksheet.py" line="120" />
        <source>Behind one number: map {map} of {stage}, row {row}, column {col}</source>
        <translation>Hinter einer Zahl: Karte {map} von {stage}, Zeile {row}, Spalte {col}</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/worksheet.py" line="124" />
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/worksheet.py" line="133" />
        <source>Choices:</source>
        <translation>Auswahl:</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/worksheet.py" line="135" />
        <source>Answer:</source>
        <translation>Antwort:</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/worksheet.py" line="138" />
        <source>Answers (for the teacher)</source>
        <translation>Antworten (für die Lehrkraft)</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/worksheet.py" line="140" />
        <source>Answer: {answer}.</source>
        <translation>Antwort: {answer}.</translation>
    </message>
</context></TS>
