<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>core</name>
        <message>
            <source>{path}: this looks like the Python-pickle version of CIFAR-100; download the binary version (cifar-100-binary.tar.gz) instead</source>
            <translation>{path}: Das sieht nach der Python-Pickle-Version von CIFAR-100 aus; lade stattdessen die Binärversion herunter (cifar-100-binary.tar.gz)</translation>
        </message>
        <message>
            <source>{path}: {size:,} bytes is not a whole number of {record:,}-byte CIFAR records (the file is truncated or not a CIFAR binary batch)</source>
            <translation>{path}: {size:,} Bytes sind keine ganze Zahl von CIFAR-Datensätzen zu je {record:,} Bytes (die Datei ist abgeschnitten oder kein CIFAR-Binärpaket)</translation>
        </message>
        <message>
            <source>{path}: {count} class names for {classes} classes</source>
            <translation>{path}: {count} Klassennamen für {classes} Klassen</translation>
        </message>
        <message>
            <source>{folder}: no CIFAR binary files (data_batch_*.bin and test_batch.bin, or train.bin and test.bin)</source>
            <translation>{folder}: keine CIFAR-Binärdateien (data_batch_*.bin und test_batch.bin oder train.bin und test.bin)</translation>
        </message>
        <message>
            <source>{path}: cannot be read ({reason})</source>
            <translation>{path}: kann nicht gelesen werden ({reason})</translation>
        </message>
        <message>
            <source>{path}: this is the Python-pickle version of CIFAR, which cnnviz does not open (unpickling a file can run code); download the binary version (cifar-10-binary.tar.gz or cifar-100-binary.tar.gz from https://www.cs.toronto.edu/~kriz/cifar.html), or run `cnnviz data fetch cifar10`</source>
            <translation>{path}: Das ist die Python-Pickle-Version von CIFAR, die cnnviz nicht öffnet (beim Entpickeln einer Datei kann Code laufen); lade die Binärversion herunter (cifar-10-binary.tar.gz oder cifar-100-binary.tar.gz von https://www.cs.toronto.edu/~kriz/cifar.html) oder führe `cnnviz data fetch cifar10` aus</translation>
        </message>
        <message>
            <source>{root}: no class folders found: an image folder holds one subfolder per class (e.g. cats/ and dogs/), each with its images</source>
            <translation>{root}: keine Klassenordner gefunden: Ein Bildordner enthält einen Unterordner pro Klasse (z. B. katzen/ und hunde/), jeweils mit seinen Bildern</translation>
        </message>
        <message>
            <source>{root}: only one class ({name}): a classifier needs at least two subfolders of images</source>
            <translation>{root}: nur eine Klasse ({name}): Ein Klassifikator braucht mindestens zwei Unterordner mit Bildern</translation>
        </message>
        <message>
            <source>{root}: no readable {part} image: give every class at least two images (one is set aside for testing), or both train/ and test/ folders with images</source>
            <translation>{root}: kein lesbares {part}: Gib jeder Klasse mindestens zwei Bilder (eines wird zum Testen beiseitegelegt) oder sowohl einen train/- als auch einen test/-Ordner mit Bildern</translation>
        </message>
        <message>
            <source>test</source>
            <translation>Testbild</translation>
        </message>
        <message>
            <source>training</source>
            <translation>Trainingsbild</translation>
        </message>
        <message>
            <source>{folder}: class {name!r} has no readable image{why}</source>
            <translation>{folder}: Die Klasse {name!r} hat kein lesbares Bild{why}</translation>
        </message>
        <message>
            <source> ({count} file(s) could not be read, e.g. {file}: {reason})</source>
            <translation> ({count} Datei(en) konnten nicht gelesen werden, z. B. {file}: {reason})</translation>
        </message>
        <message>
            <source>{folder}: class {name!r} is in test/ but not in train/: give every test class a training folder too</source>
            <translation>{folder}: Die Klasse {name!r} steht in test/, aber nicht in train/: Gib jeder Testklasse auch einen Trainingsordner</translation>
        </message>
        <message>
            <source>{folder}: no data set found: choose a folder of images with one subfolder per class, the four MNIST-format files (train-images-idx3-ubyte …), or the CIFAR binary batches (data_batch_1.bin …)</source>
            <translation>{folder}: kein Datensatz gefunden: Wähle einen Bildordner mit einem Unterordner pro Klasse, die vier Dateien im MNIST-Format (train-images-idx3-ubyte …) oder die CIFAR-Binärpakete (data_batch_1.bin …)</translation>
        </message>
        <message>
            <source>{folder}: not a folder: choose the folder that holds the data set</source>
            <translation>{folder}: kein Ordner: Wähle den Ordner, der den Datensatz enthält</translation>
        </message>
        <message>
            <source>{source}: file is too short to be IDX ({size} bytes)</source>
            <translation>{source}: Die Datei ist zu kurz für IDX ({size} Bytes)</translation>
        </message>
        <message>
            <source>{source}: wrong magic number 0x{magic} (an IDX file starts with two zero bytes)</source>
            <translation>{source}: falsche magische Zahl 0x{magic} (eine IDX-Datei beginnt mit zwei Null-Bytes)</translation>
        </message>
        <message>
            <source>{source}: unknown IDX element type 0x{code:02x}</source>
            <translation>{source}: unbekannter IDX-Elementtyp 0x{code:02x}</translation>
        </message>
        <message>
            <source>{source}: IDX header declares zero dimensions</source>
            <translation>{source}: Der IDX-Kopf gibt null Dimensionen an</translation>
        </message>
        <message>
            <source>{source}: truncated header ({size} of {needed} bytes)</source>
            <translation>{source}: abgeschnittener Kopf ({size} von {needed} Bytes)</translation>
        </message>
        <message>
            <source>{source}: header claims an impossible size {dims}</source>
            <translation>{source}: Der Kopf gibt eine unmögliche Größe an: {dims}</translation>
        </message>
        <message>
            <source>{source}: truncated: {size} bytes, header {dims} needs {expected}</source>
            <translation>{source}: abgeschnitten: {size} Bytes, der Kopf {dims} braucht {expected}</translation>
        </message>
        <message>
            <source>{source}: {extra} unexpected trailing bytes after the data of shape {dims}</source>
            <translation>{source}: {extra} unerwartete Bytes nach den Daten der Form {dims}</translation>
        </message>
        <message>
            <source>{path}: file not found</source>
            <translation>{path}: Datei nicht gefunden</translation>
        </message>
        <message>
            <source>{path}: corrupt gzip stream ({reason})</source>
            <translation>{path}: beschädigter gzip-Datenstrom ({reason})</translation>
        </message>
        <message>
            <source>{folder}: no MNIST-format data set found (looked for {missing}, optionally .gz, in the folder itself, raw/ and MNIST/raw/)</source>
            <translation>{folder}: kein Datensatz im MNIST-Format gefunden (gesucht wurde nach {missing}, auch mit .gz, im Ordner selbst, in raw/ und in MNIST/raw/)</translation>
        </message>
        <message>
            <source>{path}: expected images of shape (N, H, W), got {shape}</source>
            <translation>{path}: Bilder der Form (N, H, W) erwartet, gefunden: {shape}</translation>
        </message>
        <message>
            <source>{path}: expected uint8 pixels, got {dtype}</source>
            <translation>{path}: uint8-Pixel erwartet, gefunden: {dtype}</translation>
        </message>
        <message>
            <source>{path}: expected labels of shape (N,), got {shape}</source>
            <translation>{path}: Labels der Form (N,) erwartet, gefunden: {shape}</translation>
        </message>
        <message>
            <source>{path}: {labels} labels do not match the {images} images in {file}</source>
            <translation>{path}: {labels} Labels passen nicht zu den {images} Bildern in {file}</translation>
        </message>
        <message>
            <source>{path}: image size {size} differs from the training images' {train}</source>
            <translation>{path}: Die Bildgröße {size} weicht von der der Trainingsbilder ab ({train})</translation>
        </message>
        <message>
            <source>{path}: the training set is empty</source>
            <translation>{path}: Die Trainingsmenge ist leer</translation>
        </message>
        <message>
            <source>{path}: negative class labels</source>
            <translation>{path}: negative Klassenlabels</translation>
        </message>
        <message>
            <source>{path}: only one class: a classifier needs at least two</source>
            <translation>{path}: nur eine Klasse: Ein Klassifikator braucht mindestens zwei</translation>
        </message>
        <message>
            <source>{path}: checksum list is missing</source>
            <translation>{path}: Die Prüfsummenliste fehlt</translation>
        </message>
        <message>
            <source>{folder}: holds {count} MNIST-format sets ({names}): put the four files of the one you want in a folder of their own and open that</source>
            <translation>{folder}: enthält {count} Datensätze im MNIST-Format ({names}): Lege die vier Dateien des gewünschten in einen eigenen Ordner und öffne diesen</translation>
        </message>
        <message>
            <source>{path}: bundled file is missing</source>
            <translation>{path}: Die mitgelieferte Datei fehlt</translation>
        </message>
        <message>
            <source>{path}: checksum mismatch (the file is damaged; reinstall cnnviz)</source>
            <translation>{path}: Die Prüfsumme stimmt nicht (die Datei ist beschädigt; installiere cnnviz neu)</translation>
        </message>
        <message>
            <source>{path}: {count} names for {classes} classes</source>
            <translation>{path}: {count} Namen für {classes} Klassen</translation>
        </message>
        <message>
            <source>a model input has 1 or 3 channels, not {channels}</source>
            <translation>Eine Modelleingabe hat 1 oder 3 Kanäle, nicht {channels}</translation>
        </message>
        <message>
            <source>mean and std need one value per channel ({channels})</source>
            <translation>mean und std brauchen einen Wert pro Kanal ({channels})</translation>
        </message>
        <message>
            <source>every std must be positive (got {std})</source>
            <translation>Jede std muss positiv sein (erhalten: {std})</translation>
        </message>
        <message>
            <source>channel order must be RGB or BGR, not {order!r}</source>
            <translation>Die Kanalreihenfolge muss RGB oder BGR sein, nicht {order!r}</translation>
        </message>
        <message>
            <source>input size must be positive (got {size})</source>
            <translation>Die Eingabegröße muss positiv sein (erhalten: {size})</translation>
        </message>
        <message>
            <source>size and value_range take two numbers each</source>
            <translation>size und value_range nehmen je zwei Zahlen</translation>
        </message>
        <message>
            <source>not a valid input description: {reason}</source>
            <translation>keine gültige Beschreibung der Eingabe: {reason}</translation>
        </message>
        <message>
            <source>row {row}, column {col}</source>
            <translation>Zeile {row}, Spalte {col}</translation>
        </message>
        <message>
            <source>{file}: not an image (expected PNG, JPEG, BMP or GIF)</source>
            <translation>{file}: kein Bild (erwartet wird PNG, JPEG, BMP oder GIF)</translation>
        </message>
        <message>
            <source>{file}: image is too large to open safely</source>
            <translation>{file}: Das Bild ist zu groß, um es sicher zu öffnen</translation>
        </message>
        <message>
            <source>{file}: damaged or unsupported image ({reason})</source>
            <translation>{file}: beschädigtes oder nicht unterstütztes Bild ({reason})</translation>
        </message>
        <message>
            <source>{path}: the file is empty</source>
            <translation>{path}: Die Datei ist leer</translation>
        </message>
        <message>
            <source>{path}: refused: the file is {size:,.1f} GiB, more than the {free:,.1f} GiB of memory available allows</source>
            <translation>{path}: abgelehnt: Die Datei ist {size:,.1f} GiB groß, mehr als die {free:,.1f} GiB freier Arbeitsspeicher zulassen</translation>
        </message>
        <message>
            <source>{path}: not a model file cnnviz can open (expected an ONNX model, a TorchScript archive, a torch.export .pt2 program or a cnnviz checkpoint)</source>
            <translation>{path}: keine Modelldatei, die cnnviz öffnen kann (erwartet wird ein ONNX-Modell, ein TorchScript-Archiv, ein torch.export-.pt2-Programm oder ein cnnviz-Checkpoint)</translation>
        </message>
        <message>
            <source>{path}: damaged archive ({reason})</source>
            <translation>{path}: beschädigtes Archiv ({reason})</translation>
        </message>
        <message>
            <source>{reason}</source>
            <translation>{reason}</translation>
        </message>
        <message>
            <source>{path}: a pickled Python model (torch.save(model)) is refused, because opening it would run code from the file; {hint}</source>
            <translation>{path}: Ein gepickeltes Python-Modell (torch.save(model)) wird abgelehnt, weil beim Öffnen Code aus der Datei laufen würde; {hint}</translation>
        </message>
        <message>
            <source>{op} node {name!r} on {shape} is not a flatten</source>
            <translation>{op}-Knoten {name!r} auf {shape} ist kein Flatten</translation>
        </message>
        <message>
            <source>padding {pads} is not 2-D</source>
            <translation>Das Padding {pads} ist nicht zweidimensional</translation>
        </message>
        <message>
            <source>{key} {values} is not 2-D (only 2-D images are supported)</source>
            <translation>{key} {values} ist nicht zweidimensional (nur 2-D-Bilder werden unterstützt)</translation>
        </message>
        <message>
            <source>Conv node {name!r} is {dims}-D; only 2-D convolutions are supported</source>
            <translation>Conv-Knoten {name!r} ist {dims}-dimensional; nur 2-D-Faltungen werden unterstützt</translation>
        </message>
        <message>
            <source>Gemm node {name!r} transposes its input (transA)</source>
            <translation>Gemm-Knoten {name!r} transponiert seine Eingabe (transA)</translation>
        </message>
        <message>
            <source>AveragePool node {name!r} pads one side more than the other {pads}</source>
            <translation>AveragePool-Knoten {name!r} polstert eine Seite stärker als die andere {pads}</translation>
        </message>
        <message>
            <source>HardSigmoid node {name!r} has slope {slope} (only 1/6)</source>
            <translation>HardSigmoid-Knoten {name!r} hat die Steigung {slope} (nur 1/6 geht)</translation>
        </message>
        <message>
            <source>Reshape node {name!r} reshapes {shape} to {target}; only flattening is supported</source>
            <translation>Reshape-Knoten {name!r} formt {shape} zu {target} um; nur das Flachklopfen (Flatten) wird unterstützt</translation>
        </message>
        <message>
            <source>Pad node {name!r} ({mode!r}, {pads}) is not a constant padding of the maps</source>
            <translation>Pad-Knoten {name!r} ({mode!r}, {pads}) ist kein konstantes Padding der Karten</translation>
        </message>
        <message>
            <source>{op} node {name!r} has no {what}</source>
            <translation>{op}-Knoten {name!r} hat kein(e) {what}</translation>
        </message>
        <message>
            <source>{op} node {name!r} computes its {what} ({tensor!r}); only weights stored in the file are supported</source>
            <translation>{op}-Knoten {name!r} berechnet seinen Eingang {what} ({tensor!r}); nur in der Datei gespeicherte Gewichte werden unterstützt</translation>
        </message>
        <message>
            <source>{op} node {name!r} reads {tensor!r}, which is not an image tensor</source>
            <translation>{op}-Knoten {name!r} liest {tensor!r}, das kein Bildtensor ist</translation>
        </message>
        <message>
            <source>operator {op} (node {name!r}) is not supported</source>
            <translation>Der Operator {op} (Knoten {name!r}) wird nicht unterstützt</translation>
        </message>
        <message>
            <source>{op} node {name!r} reads {tensor!r}, which nothing computes</source>
            <translation>{op}-Knoten {name!r} liest {tensor!r}, das nichts berechnet</translation>
        </message>
        <message>
            <source>{op} node {name!r} would make a constant too large to hold</source>
            <translation>{op}-Knoten {name!r} würde eine Konstante erzeugen, die zu groß zum Speichern ist</translation>
        </message>
        <message>
            <source>MatMul node {name!r} multiplies by a {dims}-D tensor</source>
            <translation>MatMul-Knoten {name!r} multipliziert mit einem {dims}-dimensionalen Tensor</translation>
        </message>
        <message>
            <source>ReduceMean node {name!r} averages over axes {axes}, not over each map</source>
            <translation>ReduceMean-Knoten {name!r} mittelt über die Achsen {axes}, nicht über jede Karte</translation>
        </message>
        <message>
            <source>Constant node {name!r} has no tensor value</source>
            <translation>Constant-Knoten {name!r} hat keinen Tensorwert</translation>
        </message>
        <message>
            <source>{op} node {name!r} is inside the network, not at its end</source>
            <translation>{op}-Knoten {name!r} liegt im Inneren des Netzes, nicht an seinem Ende</translation>
        </message>
        <message>
            <source>operator {op} (node {name!r}) cannot be evaluated here ({reason})</source>
            <translation>Der Operator {op} (Knoten {name!r}) kann hier nicht ausgewertet werden ({reason})</translation>
        </message>
        <message>
            <source>{op} node {name!r} does not fit its input {shapes} ({reason})</source>
            <translation>{op}-Knoten {name!r} passt nicht zu seiner Eingabe {shapes} ({reason})</translation>
        </message>
        <message>
            <source>{path}: cannot export {model} as ONNX ({reason})</source>
            <translation>{path}: {model} kann nicht als ONNX exportiert werden ({reason})</translation>
        </message>
        <message>
            <source>{path}: cannot write it ({reason})</source>
            <translation>{path}: kann nicht geschrieben werden ({reason})</translation>
        </message>
        <message>
            <source>{file} was ignored: it should hold a JSON object.</source>
            <translation>{file} wurde ignoriert: Die Datei sollte ein JSON-Objekt enthalten.</translation>
        </message>
        <message>
            <source>The class names in {source} were ignored: the model has {count} outputs.</source>
            <translation>Die Klassennamen in {source} wurden ignoriert: Das Modell hat {count} Ausgaben.</translation>
        </message>
        <message>
            <source>{file} was ignored: it is not readable JSON ({reason}).</source>
            <translation>{file} wurde ignoriert: Die Datei ist kein lesbares JSON ({reason}).</translation>
        </message>
        <message>
            <source>a value has the wrong form</source>
            <translation>ein Wert hat die falsche Form</translation>
        </message>
        <message>
            <source>The preprocessing in {source} was ignored ({why}).</source>
            <translation>Die Vorverarbeitung in {source} wurde ignoriert ({why}).</translation>
        </message>
        <message>
            <source>the model's metadata ({key})</source>
            <translation>den Metadaten des Modells ({key})</translation>
        </message>
        <message>
            <source>{file} was ignored: it is not readable text.</source>
            <translation>{file} wurde ignoriert: Die Datei ist kein lesbarer Text.</translation>
        </message>
        <message>
            <source>the model's metadata</source>
            <translation>den Metadaten des Modells</translation>
        </message>
        <message>
            <source>tensor {name!r} has a negative size {dims}</source>
            <translation>Der Tensor {name!r} hat eine negative Größe {dims}</translation>
        </message>
        <message>
            <source>{path}: refused: tensor {name!r} asks to read {location!r}, outside the model's folder</source>
            <translation>{path}: abgelehnt: Der Tensor {name!r} will {location!r} lesen, außerhalb des Modellordners</translation>
        </message>
        <message>
            <source>{path}: the external data file {location!r} of tensor {name!r} is missing</source>
            <translation>{path}: Die externe Datendatei {location!r} des Tensors {name!r} fehlt</translation>
        </message>
        <message>
            <source>{path}: damaged model: {location!r} does not hold the {size:,} bytes of tensor {name!r}</source>
            <translation>{path}: beschädigtes Modell: {location!r} enthält die {size:,} Bytes des Tensors {name!r} nicht</translation>
        </message>
        <message>
            <source>{path}: not an ONNX model (no graph of operators inside)</source>
            <translation>{path}: kein ONNX-Modell (kein Graph aus Operatoren darin)</translation>
        </message>
        <message>
            <source>{path}: refused: its weights need {size:,.1f} GiB, more than the {free:,.1f} GiB of memory available allows</source>
            <translation>{path}: abgelehnt: Seine Gewichte brauchen {size:,.1f} GiB, mehr als die {free:,.1f} GiB freier Arbeitsspeicher zulassen</translation>
        </message>
        <message>
            <source>{path}: not an image classifier: it takes {count} inputs, not one image</source>
            <translation>{path}: kein Bildklassifikator: Er nimmt {count} Eingaben, nicht ein Bild</translation>
        </message>
        <message>
            <source>{path}: not an image classifier: its input {name!r} is {shown}, not a batch of 1- or 3-channel images (N×C×H×W)</source>
            <translation>{path}: kein Bildklassifikator: Seine Eingabe {name!r} ist {shown}, kein Stapel von Bildern mit 1 oder 3 Kanälen (N×C×H×W)</translation>
        </message>
        <message>
            <source>{path}: not supported: its input is {height}×{width} pixels</source>
            <translation>{path}: nicht unterstützt: Seine Eingabe ist {height}×{width} Pixel groß</translation>
        </message>
        <message>
            <source>opening ONNX models needs the onnx package: pip install onnx</source>
            <translation>Zum Öffnen von ONNX-Modellen wird das Paket onnx gebraucht: pip install onnx</translation>
        </message>
        <message>
            <source>tensor {name!r} has an unknown data type {type}</source>
            <translation>Der Tensor {name!r} hat einen unbekannten Datentyp {type}</translation>
        </message>
        <message>
            <source>{path}: damaged model: tensor {name!r} has an unreadable offset or length</source>
            <translation>{path}: beschädigtes Modell: Der Tensor {name!r} hat einen unlesbaren Offset oder eine unlesbare Länge</translation>
        </message>
        <message>
            <source>{path}: not a readable ONNX model ({reason})</source>
            <translation>{path}: kein lesbares ONNX-Modell ({reason})</translation>
        </message>
        <message>
            <source>{path}: damaged model ({reason})</source>
            <translation>{path}: beschädigtes Modell ({reason})</translation>
        </message>
        <message>
            <source>{path}: damaged model: a weight does not match its declared size ({reason})</source>
            <translation>{path}: beschädigtes Modell: Ein Gewicht passt nicht zu seiner angegebenen Größe ({reason})</translation>
        </message>
        <message>
            <source>it has {count} outputs; a classifier has one</source>
            <translation>Es hat {count} Ausgaben; ein Klassifikator hat eine</translation>
        </message>
        <message>
            <source>its output {name!r} is not computed by its last layer</source>
            <translation>Seine Ausgabe {name!r} wird nicht von seiner letzten Schicht berechnet</translation>
        </message>
        <message>
            <source>its output is {shape}, not one score per class</source>
            <translation>Seine Ausgabe ist {shape}, nicht ein Wert pro Klasse</translation>
        </message>
        <message>
            <source>{path}: cannot open: {reason}</source>
            <translation>{path}: kann nicht geöffnet werden: {reason}</translation>
        </message>
        <message>
            <source>{path}: cannot read its external data ({reason})</source>
            <translation>{path}: Seine externen Daten können nicht gelesen werden ({reason})</translation>
        </message>
        <message>
            <source>The preprocessing in the model's metadata was ignored: it is not JSON.</source>
            <translation>Die Vorverarbeitung in den Metadaten des Modells wurde ignoriert: Sie ist kein JSON.</translation>
        </message>
        <message>
            <source>{path}: not an image classifier: its input is {shape}, not N×C×H×W</source>
            <translation>{path}: kein Bildklassifikator: Seine Eingabe ist {shape}, nicht N×C×H×W</translation>
        </message>
        <message>
            <source>{path}: opening it needs {package}: pip install onnx onnxscript</source>
            <translation>{path}: Zum Öffnen wird {package} gebraucht: pip install onnx onnxscript</translation>
        </message>
        <message>
            <source>{path}: cannot follow its graph ({reason})</source>
            <translation>{path}: Sein Graph lässt sich nicht nachvollziehen ({reason})</translation>
        </message>
        <message>
            <source>{path}: not a readable TorchScript archive ({reason})</source>
            <translation>{path}: kein lesbares TorchScript-Archiv ({reason})</translation>
        </message>
        <message>
            <source>{path}: cannot tell which image size it takes: write "channels" and "size" into a preprocess.json beside it</source>
            <translation>{path}: Es ist nicht zu erkennen, welche Bildgröße es nimmt: Schreibe "channels" und "size" in eine preprocess.json daneben</translation>
        </message>
        <message>
            <source>{path}: not a readable torch.export program ({reason})</source>
            <translation>{path}: kein lesbares torch.export-Programm ({reason})</translation>
        </message>
        <message>
            <source>{path}: its preprocess.json gives an unusable channels/size</source>
            <translation>{path}: Seine preprocess.json gibt unbrauchbare Werte für channels/size an</translation>
        </message>
        <message>
            <source>The kernel is {shape} but the kernel size is {k}; give {k}×{k} numbers.</source>
            <translation>Der Kern ist {shape}, aber die Kerngröße ist {k}; geben Sie {k}×{k} Zahlen an.</translation>
        </message>
        <message>
            <source>The kernel holds a value that is not a number; type ordinary numbers.</source>
            <translation>Der Kern enthält einen Wert, der keine Zahl ist; tippen Sie gewöhnliche Zahlen.</translation>
        </message>
        <message>
            <source>No window fits: a {k}×{k} kernel with dilation {dilation} spans {span} pixels, more than the {height}×{width} padded picture; use a smaller kernel or dilation, or more padding.</source>
            <translation>Kein Fenster passt: Ein {k}×{k}-Kern mit Dilatation {dilation} überspannt {span} Pixel, mehr als das aufgefüllte Bild mit {height}×{width}; nehmen Sie einen kleineren Kern oder eine kleinere Dilatation oder mehr Padding.</translation>
        </message>
        <message>
            <source>A kernel size of {size} is not offered; choose 1 to {largest}.</source>
            <translation>Eine Kerngröße von {size} gibt es nicht; wählen Sie 1 bis {largest}.</translation>
        </message>
        <message>
            <source>A {size}×{size} kernel needs {size} rows of {size} numbers (got rows of {counts}).</source>
            <translation>Ein {size}×{size}-Kern braucht {size} Zeilen mit je {size} Zahlen (erhalten: Zeilen mit {counts}).</translation>
        </message>
        <message>
            <source>The kernel holds a value that is not a finite number; type ordinary numbers.</source>
            <translation>Der Kern enthält einen Wert, der keine endliche Zahl ist; tippen Sie gewöhnliche Zahlen.</translation>
        </message>
        <message>
            <source>{word} is not a number; type the kernel as numbers, one row per line.</source>
            <translation>{word} ist keine Zahl; tippen Sie den Kern als Zahlen, eine Kernzeile pro Textzeile.</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keinen Zahlen</translation>
        </message>
        <message>
            <source>kernel size</source>
            <translation>Kerngröße</translation>
        </message>
        <message>
            <source>stride</source>
            <translation>Schrittweite</translation>
        </message>
        <message>
            <source>padding</source>
            <translation>Padding</translation>
        </message>
        <message>
            <source>dilation</source>
            <translation>Dilatation</translation>
        </message>
        <message>
            <source>A {name} of {value!r} is not offered; choose one of {allowed}.</source>
            <translation>{name} {value!r} gibt es nicht; wählen Sie einen dieser Werte: {allowed}.</translation>
        </message>
        <message>
            <source>There is no preset called {name!r}; choose one of {presets}.</source>
            <translation>Es gibt keine Vorlage namens {name!r}; wählen Sie eine davon: {presets}.</translation>
        </message>
        <message>
            <source>A Sobel filter compares two sides, so it needs a kernel size of at least 2.</source>
            <translation>Ein Sobel-Filter vergleicht zwei Seiten und braucht deshalb eine Kerngröße von mindestens 2.</translation>
        </message>
        <message>
            <source>The saved model could not be opened ({reason}).{where} Training a new one…</source>
            <translation>Das gespeicherte Modell ließ sich nicht öffnen ({reason}).{where} Ein neues wird trainiert …</translation>
        </message>
        <message>
            <source>No trained model yet. Training the explorer CNN on the bundled MNIST now — this runs in the background and is saved, so the next launch is instant. You can explore meanwhile.</source>
            <translation>Noch kein trainiertes Modell. Das Explorer-CNN wird jetzt mit dem mitgelieferten MNIST trainiert – das läuft im Hintergrund und wird gespeichert, damit der nächste Start sofort geht. Du kannst währenddessen schon erkunden.</translation>
        </message>
        <message>
            <source> It was kept as {name}.</source>
            <translation> Es wurde als {name} aufbewahrt.</translation>
        </message>
        <message>
            <source>metadata is {type}, not a mapping</source>
            <translation>Die Metadaten sind {type}, keine Zuordnung</translation>
        </message>
        <message>
            <source>no {fields}</source>
            <translation>{fields} fehlt</translation>
        </message>
        <message>
            <source>format version {version!r} is not a version number</source>
            <translation>Die Formatversion {version!r} ist keine Versionsnummer</translation>
        </message>
        <message>
            <source>saved by a newer version of cnnviz (format {version}; this one reads format {known} and older): update cnnviz to open it</source>
            <translation>von einer neueren cnnviz-Version gespeichert (Format {version}; diese liest Format {known} und älter): Aktualisiere cnnviz, um es zu öffnen</translation>
        </message>
        <message>
            <source>{path}: weights do not fit {model} (the weights are not a mapping of tensors)</source>
            <translation>{path}: Die Gewichte passen nicht zu {model} (die Gewichte sind keine Zuordnung von Tensoren)</translation>
        </message>
        <message>
            <source>{path}: weights do not fit {model} ({problems}{more})</source>
            <translation>{path}: Die Gewichte passen nicht zu {model} ({problems}{more})</translation>
        </message>
        <message>
            <source>{path}: a model opened from a {format} file cannot be saved as a cnnviz checkpoint; export it as ONNX instead</source>
            <translation>{path}: Ein aus einer {format}-Datei geöffnetes Modell kann nicht als cnnviz-Checkpoint gespeichert werden; exportiere es stattdessen als ONNX</translation>
        </message>
        <message>
            <source>{path}: not a cnnviz checkpoint (a plain PyTorch state_dict or another program's file?)</source>
            <translation>{path}: kein cnnviz-Checkpoint (ein bloßes PyTorch-state_dict oder die Datei eines anderen Programms?)</translation>
        </message>
        <message>
            <source>{path}: unknown model {model!r}</source>
            <translation>{path}: unbekanntes Modell {model!r}</translation>
        </message>
        <message>
            <source>{name} should be {expected}, not {value!r}</source>
            <translation>{name} sollte {expected} sein, nicht {value!r}</translation>
        </message>
        <message>
            <source>Ignored field(s) {fields}, written by a newer version of cnnviz ({version}).</source>
            <translation>Feld(er) {fields} ignoriert, geschrieben von einer neueren cnnviz-Version ({version}).</translation>
        </message>
        <message>
            <source>{path}: cannot rebuild {model} ({reason})</source>
            <translation>{path}: {model} kann nicht nachgebaut werden ({reason})</translation>
        </message>
        <message>
            <source> and {count} more</source>
            <translation> und {count} weitere</translation>
        </message>
        <message>
            <source>{path}: not a readable checkpoint ({reason})</source>
            <translation>{path}: kein lesbarer Checkpoint ({reason})</translation>
        </message>
        <message>
            <source>{path}: {reason}</source>
            <translation>{path}: {reason}</translation>
        </message>
        <message>
            <source>{path}: damaged file ({reason})</source>
            <translation>{path}: beschädigte Datei ({reason})</translation>
        </message>
        <message>
            <source>{path}: damaged metadata ({reason})</source>
            <translation>{path}: beschädigte Metadaten ({reason})</translation>
        </message>
    </context>
</TS>
