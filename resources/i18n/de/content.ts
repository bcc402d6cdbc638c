<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>lesson</name>
        <message>
            <source>A neuron that fires for one edge in one place</source>
            <translation>Ein Neuron, das für eine Kante an einer Stelle feuert</translation>
        </message>
        <message>
            <source>Two hand-set filters first: Sobel's vertical-edge and horizontal-edge filters. Each is a small grid of weights slid over the digit (a {label} here). The vertical one answers where brightness changes from left to right, so upright strokes light up; the horizontal one answers along flat strokes.</source>
            <translation>Zuerst zwei von Hand gesetzte Filter: Sobels Filter für senkrechte und für waagrechte Kanten. Jeder ist ein kleines Gitter aus Gewichten, das über die Ziffer geschoben wird (hier eine {label}). Der senkrechte antwortet dort, wo sich die Helligkeit von links nach rechts ändert, also leuchten aufrechte Striche auf; der waagrechte antwortet entlang flacher Striche.</translation>
        </message>
        <message>
            <source>Now the network's own first layer: {stage:conv1.channels} filters of {kernel:conv1}, set by training, not by anyone. Compare them with Sobel's: filter {sobel:filter} looks most like the {sobel:kind} edge filter (correlation {sobel:corr}, where one would be the same pattern). Training rediscovered edge detectors.</source>
            <translation>Jetzt die erste eigene Schicht des Netzes: {stage:conv1.channels} Filter der Größe {kernel:conv1}, vom Training eingestellt, nicht von einem Menschen. Vergleiche sie mit Sobels Filtern: Filter {sobel:filter} ähnelt am meisten dem Kantenfilter „{sobel:kind}“ (Korrelation {sobel:corr}; 1 hieße: genau dasselbe Muster). Das Training hat Kantendetektoren wiederentdeckt.</translation>
        </message>
        <message>
            <source>Each filter makes one feature map: one neuron per position, all sharing the filter's weights. Map {cell:conv1[0].map} fires most at {cell:conv1[0].where} with {cell:conv1[0].value}: one neuron saying “my edge is here”. Hover over the map to read other neurons; draw your own digit and watch them move.</source>
            <translation>Jeder Filter erzeugt eine Merkmalskarte: ein Neuron pro Position, alle mit den Gewichten desselben Filters. Karte {cell:conv1[0].map} feuert am stärksten bei {cell:conv1[0].where} mit {cell:conv1[0].value}: ein Neuron, das sagt „meine Kante ist hier“. Fahre mit der Maus über die Karte, um andere Neuronen abzulesen; zeichne eine eigene Ziffer und sieh zu, wie sie sich verändern.</translation>
        </message>
        <message>
            <source>Sliding a filter: the dot product behind one cell</source>
            <translation>Einen Filter verschieben: das Skalarprodukt hinter einer Zelle</translation>
        </message>
        <message>
            <source>Behind a number: the strongest cell of map {cell:conv1[0].map}, at {cell:conv1[0].where}, holds {cell:conv1[0].value}. It is a dot product: the {kernel:conv1} filter's {cell:conv1[0].taps} weights times the {cell:conv1[0].taps} pixels under it, added up ({cell:conv1[0].sum}), plus the bias {cell:conv1[0].bias}, gives {cell:conv1[0].pre}; ReLU then keeps it if positive.</source>
            <translation>Hinter einer Zahl: Die stärkste Zelle von Karte {cell:conv1[0].map}, bei {cell:conv1[0].where}, enthält {cell:conv1[0].value}. Sie ist ein Skalarprodukt: die {cell:conv1[0].taps} Gewichte des {kernel:conv1}-Filters mal die {cell:conv1[0].taps} Pixel darunter, aufsummiert ({cell:conv1[0].sum}), plus der Bias {cell:conv1[0].bias}, ergibt {cell:conv1[0].pre}; ReLU behält den Wert dann, wenn er positiv ist.</translation>
        </message>
        <message>
            <source>Slide the same filter to the corner: its window hangs over the border. conv1 pads the input with {padding:conv1} ring of zeros, so every position has a full window and the map keeps the input's size, {stage:conv1.height}×{stage:conv1.width}. Here the sum is {cell:conv1[0,0,0].sum} plus the bias {cell:conv1[0,0,0].bias}: {cell:conv1[0,0,0].value} after ReLU. Click any cell to see its own arithmetic.</source>
            <translation>Schiebe denselben Filter in die Ecke: Sein Fenster ragt über den Rand. conv1 ergänzt die Eingabe um Nullen (Padding: {padding:conv1} Ring), sodass jede Position ein volles Fenster hat und die Karte die Größe der Eingabe behält, {stage:conv1.height}×{stage:conv1.width}. Hier ist die Summe {cell:conv1[0,0,0].sum} plus der Bias {cell:conv1[0,0,0].bias}: {cell:conv1[0,0,0].value} nach ReLU. Klicke auf eine beliebige Zelle, um ihre eigene Rechnung zu sehen.</translation>
        </message>
        <message>
            <source>Your turn: predict a cell's value from its window and filter, then check it against the arithmetic.</source>
            <translation>Jetzt du: Sage den Wert einer Zelle aus ihrem Fenster und dem Filter vorher und prüfe ihn dann an der Rechnung.</translation>
        </message>
        <message>
            <source>Feature maps and ReLU</source>
            <translation>Merkmalskarten und ReLU</translation>
        </message>
        <message>
            <source>conv1 turns the {stage:input.shape} input into {stage:conv1.channels} feature maps of {stage:conv1.height}×{stage:conv1.width}: the shape is {stage:conv1.shape}. Each map is one filter's answer at every position, so the maps are where each pattern is.</source>
            <translation>conv1 macht aus der Eingabe der Form {stage:input.shape} {stage:conv1.channels} Merkmalskarten der Größe {stage:conv1.height}×{stage:conv1.width}: Die Form ist {stage:conv1.shape}. Jede Karte ist die Antwort eines Filters an jeder Position – die Karten zeigen also, wo welches Muster ist.</translation>
        </message>
        <message>
            <source>ReLU keeps positive sums and sets negative ones to zero. On this digit {relu:conv1.zeroed} of conv1's sums were negative and became zero: in map {cell:conv1[0].map} only {map:conv1[0].active} of the cells are active. Zeros mean “not here”, which keeps the next layer's input sparse.</source>
            <translation>ReLU behält positive Summen und setzt negative auf null. Bei dieser Ziffer waren {relu:conv1.zeroed} der Summen von conv1 negativ und wurden zu null: In Karte {cell:conv1[0].map} sind nur {map:conv1[0].active} der Zellen aktiv. Nullen bedeuten „nicht hier“; so bleibt die Eingabe der nächsten Schicht dünn besetzt.</translation>
        </message>
        <message>
            <source>conv2 reads all {stage:pool1.channels} maps of pool1 at once: each of its {stage:conv2.channels} filters has a {kernel:conv2} grid of weights per input map. That is {params:conv2} parameters, against {params:conv1} for conv1: later layers combine patterns into bigger ones.</source>
            <translation>conv2 liest alle {stage:pool1.channels} Karten von pool1 auf einmal: Jeder ihrer {stage:conv2.channels} Filter hat pro Eingabekarte ein {kernel:conv2}-Gitter aus Gewichten. Das sind {params:conv2} Parameter, gegenüber {params:conv1} bei conv1: Spätere Schichten setzen Muster zu größeren zusammen.</translation>
        </message>
        <message>
            <source>Max pooling: which value survives</source>
            <translation>Max-Pooling: welcher Wert überlebt</translation>
        </message>
        <message>
            <source>pool1 cuts each conv1 map into {pool:pool1.size} windows and keeps only the largest value of each. In map {pool:pool1[0].map}'s strongest window the values are {pool:pool1[0].values}: {pool:pool1[0].winner} survives and {pool:pool1[0].dropped} are dropped. The maps shrink from {stage:conv1.height}×{stage:conv1.width} to {stage:pool1.height}×{stage:pool1.width}.</source>
            <translation>pool1 zerlegt jede Karte von conv1 in {pool:pool1.size}-Fenster und behält von jedem nur den größten Wert. Im stärksten Fenster von Karte {pool:pool1[0].map} stehen die Werte {pool:pool1[0].values}: {pool:pool1[0].winner} überlebt, {pool:pool1[0].dropped} fallen weg. Die Karten schrumpfen von {stage:conv1.height}×{stage:conv1.width} auf {stage:pool1.height}×{stage:pool1.width}.</translation>
        </message>
        <message>
            <source>What shifting does: move the digit one pixel to the right and compare every map cell by cell. conv1's maps change by {shift:conv1.changed} (their total change against their total size); after pooling, pool1's change by {shift:pool1.changed}. One layer up, conv2 changes by {shift:conv2.changed} and pool2 by {shift:pool2.changed}. A window's largest value often stays inside the same window, so pooling makes small shifts matter less.</source>
            <translation>Was eine Verschiebung bewirkt: Verschiebe die Ziffer um ein Pixel nach rechts und vergleiche jede Karte Zelle für Zelle. Die Karten von conv1 ändern sich um {shift:conv1.changed} (ihre gesamte Änderung im Verhältnis zu ihrer Gesamtgröße); nach dem Pooling ändern sich die von pool1 um {shift:pool1.changed}. Eine Schicht höher ändert sich conv2 um {shift:conv2.changed} und pool2 um {shift:pool2.changed}. Der größte Wert eines Fensters bleibt oft im selben Fenster, deshalb machen kleine Verschiebungen nach dem Pooling weniger aus.</translation>
        </message>
        <message>
            <source>The whole pipeline, stage by stage</source>
            <translation>Die ganze Pipeline, Stufe für Stufe</translation>
        </message>
        <message>
            <source>The dimension table follows the digit through every stage: input {stage:input.shape}, conv1 {stage:conv1.shape}, pool1 {stage:pool1.shape}, conv2 {stage:conv2.shape}, pool2 {stage:pool2.shape}, flatten {stage:flatten.shape}, fc {stage:fc.shape}. Step with the arrow keys or Play.</source>
            <translation>Die Maßtabelle verfolgt die Ziffer durch jede Stufe: Eingabe {stage:input.shape}, conv1 {stage:conv1.shape}, pool1 {stage:pool1.shape}, conv2 {stage:conv2.shape}, pool2 {stage:pool2.shape}, flatten {stage:flatten.shape}, fc {stage:fc.shape}. Gehe mit den Pfeiltasten oder mit Abspielen weiter.</translation>
        </message>
        <message>
            <source>Flatten lays pool2's {stage:pool2.channels} maps of {stage:pool2.height}×{stage:pool2.width} out as one list of {stage:flatten.shape} numbers. fc connects every one of them to every class: {params:fc} parameters, most of the model's {params:total}.</source>
            <translation>Flatten legt die {stage:pool2.channels} Karten von pool2 (je {stage:pool2.height}×{stage:pool2.width}) als eine Liste von {stage:flatten.shape} Zahlen aus. fc verbindet jede davon mit jeder Klasse: {params:fc} Parameter, der größte Teil der {params:total} des Modells.</translation>
        </message>
        <message>
            <source>fc's {stage:fc.shape} scores (the logits) go through softmax, which turns them into probabilities that add up to one. {model} says {prediction} with {probability}; the runner-up is {runner_up}. The true label is {label}.</source>
            <translation>Die {stage:fc.shape} Werte von fc (die Logits) gehen durch Softmax, das sie in Wahrscheinlichkeiten verwandelt, die zusammen eins ergeben. {model} sagt {prediction} mit {probability}; auf Platz zwei liegt {runner_up}. Die richtige Klasse ist {label}.</translation>
        </message>
        <message>
            <source>Why convolution wins: FC against CNN</source>
            <translation>Warum Faltung gewinnt: FC gegen CNN</translation>
        </message>
        <message>
            <source>The Training lab trains a fully connected network and a CNN on the same {lab:train} digits, {lab:epochs} epochs, same recipe. The FC has {lab:fc.params} parameters, the CNN {lab:cnn.params}: {lab:ratio} times fewer, because each small filter is shared across the whole image.</source>
            <translation>Das Trainingslabor trainiert ein vollständig verbundenes Netz und ein CNN mit denselben {lab:train} Ziffern, {lab:epochs} Epochen, gleichem Rezept. Das FC-Netz hat {lab:fc.params} Parameter, das CNN {lab:cnn.params}: {lab:ratio}-mal weniger, weil jeder kleine Filter über das ganze Bild hinweg geteilt wird.</translation>
        </message>
        <message>
            <source>Press “Train both” and watch both curves. Test errors: FC {lab:fc.errors}, CNN {lab:cnn.errors} (of {lab:test} test digits). On digits the CNN usually makes fewer errors with fewer parameters: its assumption that nearby pixels belong together is right for images.</source>
            <translation>Drücke „Beide trainieren“ und beobachte beide Kurven. Testfehler: FC {lab:fc.errors}, CNN {lab:cnn.errors} (von {lab:test} Testziffern). Bei Ziffern macht das CNN meist weniger Fehler mit weniger Parametern: Seine Annahme, dass benachbarte Pixel zusammengehören, stimmt für Bilder.</translation>
        </message>
        <message>
            <source>Every finished run is a row here: test accuracy FC {lab:fc.accuracy}, CNN {lab:cnn.accuracy}. Change the number of training digits and run again: with few digits the gap is widest.</source>
            <translation>Jeder fertige Lauf ist hier eine Zeile: Testgenauigkeit FC {lab:fc.accuracy}, CNN {lab:cnn.accuracy}. Ändere die Zahl der Trainingsziffern und starte erneut: Mit wenigen Ziffern ist der Abstand am größten.</translation>
        </message>
        <message>
            <source>What CNNs assume: shuffled pixels</source>
            <translation>Was CNNs annehmen: vertauschte Pixel</translation>
        </message>
        <message>
            <source>A convolution looks at neighbours: each {kernel:conv1} window reads pixels that touch. Shuffle the {stage:input.shape} pixels with one fixed permutation and the neighbours are gone. {model} said {shuffle:cnn.before} ({shuffle:cnn.p_before}) for this digit; for its shuffled pixels it says {shuffle:cnn.after} ({shuffle:cnn.p_after}).</source>
            <translation>Eine Faltung schaut auf Nachbarn: Jedes {kernel:conv1}-Fenster liest Pixel, die aneinandergrenzen. Vertausche die {stage:input.shape} Pixel mit einer festen Permutation, und die Nachbarschaft ist weg. {model} sagte für diese Ziffer {shuffle:cnn.before} ({shuffle:cnn.p_before}); für ihre vertauschten Pixel sagt es {shuffle:cnn.after} ({shuffle:cnn.p_after}).</translation>
        </message>
        <message>
            <source>Here is that shuffle on the canvas: the same {stage:input.shape} pixel values, in other places. {model} now says {prediction} ({probability}); the true label is still {label}. Step back through the stages: the first filters find no strokes, because no pixel sits next to its old neighbours any more.</source>
            <translation>Hier ist diese Vertauschung auf der Zeichenfläche: dieselben {stage:input.shape} Pixelwerte, an anderen Stellen. {model} sagt jetzt {prediction} ({probability}); die richtige Klasse ist weiterhin {label}. Gehe zurück durch die Stufen: Die ersten Filter finden keine Striche, weil kein Pixel mehr neben seinen alten Nachbarn liegt.</translation>
        </message>
        <message>
            <source>A fully connected layer has no neighbours: every pixel has its own weight, so shuffling the pixels only shuffles the weights. A one-layer FC fitted on the Training lab's {shuffle:fitted} plain digits gets {shuffle:fc.plain} of {shuffle:tested} test digits right; fitted and tested on shuffled ones it gets {shuffle:fc.shuffled}, the same. The CNN's advantage comes from its assumption that images have local structure.</source>
            <translation>Eine vollständig verbundene Schicht kennt keine Nachbarn: Jedes Pixel hat sein eigenes Gewicht, Vertauschen der Pixel vertauscht also nur die Gewichte. Ein einschichtiges FC-Netz, angepasst an die {shuffle:fitted} unveränderten Ziffern des Trainingslabors, erkennt {shuffle:fc.plain} von {shuffle:tested} Testziffern richtig; angepasst und getestet mit vertauschten sind es {shuffle:fc.shuffled}, genauso viele. Der Vorteil des CNN kommt aus seiner Annahme, dass Bilder eine lokale Struktur haben.</translation>
        </message>
        <message>
            <source>From LeNet to ResNet</source>
            <translation>Von LeNet bis ResNet</translation>
        </message>
        <message>
            <source>LeNet-5 read digits on cheques with {lineage:lenet5.params} parameters. AlexNet won ImageNet with {lineage:alexnet.params}, VGG-16 stacked small filters to {lineage:vgg16.params}, and ResNet-50 used skip connections to train fifty layers with {lineage:resnet50.params}. Every count is computed from the layer definitions.</source>
            <translation>LeNet-5 las Ziffern auf Schecks mit {lineage:lenet5.params} Parametern. AlexNet gewann ImageNet mit {lineage:alexnet.params}, VGG-16 stapelte kleine Filter bis {lineage:vgg16.params}, und ResNet-50 nutzte Skip-Verbindungen, um fünfzig Schichten mit {lineage:resnet50.params} zu trainieren. Jede Zahl ist aus den Schichtdefinitionen berechnet.</translation>
        </message>
        <message>
            <source>Why convolutions at all: one dense layer of neurons on a photo needs {lineage:dense} weights, AlexNet's first convolution {lineage:conv}: {lineage:ratio} times fewer. The model you are using, {model}, has {params:total} parameters; its largest layer, fc, has {params:fc}.</source>
            <translation>Warum überhaupt Faltungen: Eine dichte Schicht von Neuronen auf einem Foto braucht {lineage:dense} Gewichte, die erste Faltung von AlexNet {lineage:conv}: {lineage:ratio}-mal weniger. Das Modell, das du benutzt, {model}, hat {params:total} Parameter; seine größte Schicht, fc, hat {params:fc}.</translation>
        </message>
    </context>
    <context>
        <name>glossary</name>
        <message>
            <source>Activation</source>
            <translation>Aktivierung</translation>
        </message>
        <message>
            <source>A neuron's output after its non-linearity (ReLU, tanh); what a feature map shows.</source>
            <translation>Die Ausgabe eines Neurons nach seiner Nichtlinearität (ReLU, tanh); das, was eine Merkmalskarte zeigt.</translation>
        </message>
        <message>
            <source>Batch norm</source>
            <translation>Batch-Normalisierung</translation>
        </message>
        <message>
            <source>Rescales each channel by statistics learned in training so deep stacks train steadily; at inference it folds into the convolution's weights and bias.</source>
            <translation>Skaliert jeden Kanal mit im Training gelernten Statistiken, damit tiefe Netze gleichmäßig trainieren; bei der Anwendung geht sie in Gewichte und Bias der Faltung auf.</translation>
        </message>
        <message>
            <source>Bias</source>
            <translation>Bias (Verschiebung)</translation>
        </message>
        <message>
            <source>The number added to a neuron's weighted sum before the activation.</source>
            <translation>Die Zahl, die vor der Aktivierung zur gewichteten Summe eines Neurons addiert wird.</translation>
        </message>
        <message>
            <source>Convolution</source>
            <translation>Faltung</translation>
        </message>
        <message>
            <source>Sliding one small filter over every position of its input and taking a dot product at each: the same weights everywhere.</source>
            <translation>Einen kleinen Filter über jede Position seiner Eingabe schieben und an jeder ein Skalarprodukt bilden: überall dieselben Gewichte.</translation>
        </message>
        <message>
            <source>Dot product</source>
            <translation>Skalarprodukt</translation>
        </message>
        <message>
            <source>Multiply two lists number by number and add the products: what every cell of a convolution computes.</source>
            <translation>Zwei Listen Zahl für Zahl multiplizieren und die Produkte addieren: das, was jede Zelle einer Faltung berechnet.</translation>
        </message>
        <message>
            <source>Epoch</source>
            <translation>Epoche</translation>
        </message>
        <message>
            <source>One pass of training over every training digit.</source>
            <translation>Ein Trainingsdurchgang über alle Trainingsziffern.</translation>
        </message>
        <message>
            <source>Feature map</source>
            <translation>Merkmalskarte</translation>
        </message>
        <message>
            <source>One filter's response at every position of its input: a picture of where its pattern is.</source>
            <translation>Die Antwort eines Filters an jeder Position seiner Eingabe: ein Bild davon, wo sein Muster ist.</translation>
        </message>
        <message>
            <source>Filter (kernel)</source>
            <translation>Filter (Kernel)</translation>
        </message>
        <message>
            <source>A small grid of learned weights that a convolution slides over its input.</source>
            <translation>Ein kleines Gitter aus gelernten Gewichten, das eine Faltung über ihre Eingabe schiebt.</translation>
        </message>
        <message>
            <source>Flatten</source>
            <translation>Flatten (Abflachen)</translation>
        </message>
        <message>
            <source>Lays a stack of maps out as one long list of numbers for the fully connected layer.</source>
            <translation>Legt einen Stapel von Karten als eine lange Liste von Zahlen für die vollständig verbundene Schicht aus.</translation>
        </message>
        <message>
            <source>Fully connected layer</source>
            <translation>Vollständig verbundene Schicht</translation>
        </message>
        <message>
            <source>Every input wired to every output with its own weight (also: dense layer).</source>
            <translation>Jede Eingabe ist mit jeder Ausgabe über ein eigenes Gewicht verbunden (auch: dichte Schicht).</translation>
        </message>
        <message>
            <source>Grad-CAM</source>
            <translation>Grad-CAM</translation>
        </message>
        <message>
            <source>A heat map of where the last convolution's maps pushed the chosen class's score, weighted by the gradient.</source>
            <translation>Eine Wärmekarte davon, wo die Karten der letzten Faltung den Wert der gewählten Klasse erhöht haben, gewichtet mit dem Gradienten.</translation>
        </message>
        <message>
            <source>Logits</source>
            <translation>Logits</translation>
        </message>
        <message>
            <source>The last layer's raw scores, one per class, before softmax.</source>
            <translation>Die rohen Werte der letzten Schicht, einer pro Klasse, vor Softmax.</translation>
        </message>
        <message>
            <source>Max pooling</source>
            <translation>Max-Pooling</translation>
        </message>
        <message>
            <source>Keeps the largest value of each small window, shrinking the map.</source>
            <translation>Behält den größten Wert jedes kleinen Fensters und verkleinert so die Karte.</translation>
        </message>
        <message>
            <source>Occlusion</source>
            <translation>Verdeckung (Occlusion)</translation>
        </message>
        <message>
            <source>Covering part of the input and watching the prediction change, to see what mattered.</source>
            <translation>Einen Teil der Eingabe abdecken und beobachten, wie sich die Vorhersage ändert, um zu sehen, worauf es ankam.</translation>
        </message>
        <message>
            <source>Padding</source>
            <translation>Padding (Auffüllen)</translation>
        </message>
        <message>
            <source>A border of zeros around the input so windows fit at the edges and the map keeps its size.</source>
            <translation>Ein Rand aus Nullen um die Eingabe, damit die Fenster auch an den Kanten passen und die Karte ihre Größe behält.</translation>
        </message>
        <message>
            <source>Parameter</source>
            <translation>Parameter</translation>
        </message>
        <message>
            <source>A number the network learns: a weight or a bias.</source>
            <translation>Eine Zahl, die das Netz lernt: ein Gewicht oder ein Bias.</translation>
        </message>
        <message>
            <source>Pooling</source>
            <translation>Pooling</translation>
        </message>
        <message>
            <source>Summarising each small window of a map by one value (its maximum or average).</source>
            <translation>Jedes kleine Fenster einer Karte durch einen Wert zusammenfassen (sein Maximum oder seinen Mittelwert).</translation>
        </message>
        <message>
            <source>Receptive field</source>
            <translation>Rezeptives Feld</translation>
        </message>
        <message>
            <source>The patch of the input one cell can see, through every layer before it.</source>
            <translation>Der Ausschnitt der Eingabe, den eine Zelle durch alle Schichten vor ihr sehen kann.</translation>
        </message>
        <message>
            <source>ReLU</source>
            <translation>ReLU</translation>
        </message>
        <message>
            <source>Rectified linear unit: keeps positive values and turns negative ones into 0.</source>
            <translation>Rectified Linear Unit: behält positive Werte und macht aus negativen 0.</translation>
        </message>
        <message>
            <source>Residual (skip) connection</source>
            <translation>Residual- (Skip-)Verbindung</translation>
        </message>
        <message>
            <source>Adds a block's input to its output, so very deep networks still train.</source>
            <translation>Addiert die Eingabe eines Blocks zu seiner Ausgabe, damit auch sehr tiefe Netze noch trainieren.</translation>
        </message>
        <message>
            <source>Saliency</source>
            <translation>Saliency (Auffälligkeit)</translation>
        </message>
        <message>
            <source>How much each input pixel changes the class score: the gradient, drawn as a map.</source>
            <translation>Wie stark jedes Eingabepixel den Klassenwert ändert: der Gradient, als Karte gezeichnet.</translation>
        </message>
        <message>
            <source>Softmax</source>
            <translation>Softmax</translation>
        </message>
        <message>
            <source>Turns the logits into probabilities that are positive and add up to one.</source>
            <translation>Verwandelt die Logits in Wahrscheinlichkeiten, die positiv sind und zusammen eins ergeben.</translation>
        </message>
        <message>
            <source>Stride</source>
            <translation>Schrittweite (Stride)</translation>
        </message>
        <message>
            <source>How far a window moves between positions; a stride of two halves the map.</source>
            <translation>Wie weit sich ein Fenster zwischen zwei Positionen bewegt; eine Schrittweite von zwei halbiert die Karte.</translation>
        </message>
        <message>
            <source>Test accuracy</source>
            <translation>Testgenauigkeit</translation>
        </message>
        <message>
            <source>The share of test digits, never seen in training, that the network gets right.</source>
            <translation>Der Anteil der Testziffern – im Training nie gesehen –, die das Netz richtig erkennt.</translation>
        </message>
        <message>
            <source>Weight</source>
            <translation>Gewicht</translation>
        </message>
        <message>
            <source>The learned number a connection multiplies its input by.</source>
            <translation>Die gelernte Zahl, mit der eine Verbindung ihre Eingabe multipliziert.</translation>
        </message>
    </context>
</TS>
