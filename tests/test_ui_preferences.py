"""One typed, versioned preferences schema, and widgets bound to its fields by name."""

from __future__ import annotations

from PyQt6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QSpinBox

from ui.binding import Bindings, bind
from ui.preferences import SCHEMA_VERSION, LabPrefs, open_preferences


def test_preferences_round_trip_with_their_schema_version(tmp_path):
    path = tmp_path / "settings.ini"
    store = open_preferences(path)
    assert store.notice is None
    store.prefs.view.dark = True
    store.prefs.lab.epochs = 7
    store.prefs.zoo.models = "logistic,small_cnn"
    store.prefs.window.geometry = b"\x01\x02binary"
    store.save()
    text = path.read_text()
    assert f"schema_version={SCHEMA_VERSION}" in text
    again = open_preferences(path)
    assert again.notice is None
    assert again.prefs.view.dark is True and again.prefs.lab.epochs == 7
    assert again.prefs.zoo.models == "logistic,small_cnn"
    assert again.prefs.window.geometry == b"\x01\x02binary"


def test_an_unversioned_file_from_before_migrates_as_it_is(tmp_path):
    path = tmp_path / "settings.ini"
    path.write_text("[view]\ndark=true\n[draw]\nbrush=30\n[model]\nlast_opened=/tmp/m.pt\n")
    store = open_preferences(path)
    assert store.notice is None
    assert store.prefs.view.dark and store.prefs.draw.brush == 30 and store.prefs.model.last_opened == "/tmp/m.pt"


def test_every_field_is_validated_and_a_bad_file_is_set_aside_with_a_notice(tmp_path):
    for line in ("[lab]\nepochs=9999\n", "[lab]\noptimizer=rmsprop\n", "[view]\ndark=maybe\n",
                 "[draw]\nbrush=abc\n", "[zoo]\nbudget_min=-3\n"):
        path = tmp_path / "settings.ini"
        path.write_text(line)
        store = open_preferences(path)
        assert store.notice is not None and str(path) in store.notice, line
        assert (tmp_path / "settings.ini.damaged").read_text() == line  # nothing the user had is lost
        assert store.prefs.lab.epochs == LabPrefs().epochs
        (tmp_path / "settings.ini.damaged").unlink()


def test_bound_widgets_show_the_field_and_write_changes_back(qtbot):
    prefs = LabPrefs()
    spin, lr, combo, check = QSpinBox(), QDoubleSpinBox(), QComboBox(), QCheckBox()
    for w in (spin, lr, combo, check):
        qtbot.addWidget(w)
    spin.setRange(1, 20)
    lr.setDecimals(4)
    combo.addItem("Adam", "adam")
    combo.addItem("SGD", "sgd")
    seen: list[object] = []
    bindings = Bindings()
    bindings.bind(spin, prefs, "epochs", on_change=seen.append)
    bindings.bind(lr, prefs, "lr")
    bindings.bind(combo, prefs, "optimizer")
    assert spin.value() == prefs.epochs and combo.currentData() == "adam"
    spin.setValue(5)
    combo.setCurrentIndex(1)
    lr.setValue(0.01)
    assert (prefs.epochs, prefs.optimizer, prefs.lr) == (5, "sgd", 0.01)
    assert seen == [5]
    prefs.epochs = 12
    bindings.refresh()
    assert spin.value() == 12
    flags = type("Flags", (), {"on": False})()
    bind(check, flags, "on")
    check.setChecked(True)
    assert flags.on is True


def test_a_value_the_widget_cannot_show_is_not_kept(qtbot):
    prefs = LabPrefs(epochs=50)
    spin = QSpinBox()
    qtbot.addWidget(spin)
    spin.setRange(1, 20)
    bind(spin, prefs, "epochs")
    assert prefs.epochs == 20


def test_an_empty_window_geometry_is_sound(tmp_path):
    path = tmp_path / "settings.ini"
    store = open_preferences(path)
    store.save()  # nothing set yet: the geometry is empty
    again = open_preferences(path)
    assert again.notice is None and again.prefs.window.geometry == b""
