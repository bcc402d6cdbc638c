"""Widgets bound to fields of a settings object by name, both ways (glue's autoconnect, Orange's gui.spin).

``bind(spin, prefs.lab, "epochs")`` puts the field's value into the widget and writes every change the
user makes back to the field, so a panel never writes a get/set pair over its controls by hand. A
``Bindings`` list can push the object's values into every widget again (``refresh()``), e.g. when a
whole configuration is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PyQt6.QtWidgets import QAbstractButton, QAbstractSlider, QComboBox, QDoubleSpinBox, QSpinBox, QWidget


@dataclass
class Binding:
    widget: QWidget
    obj: Any
    name: str

    def refresh(self) -> None:
        """Show the field's current value in the widget."""
        _set(self.widget, getattr(self.obj, self.name))


def _set(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QComboBox):
        index = widget.findData(value)
        widget.setCurrentIndex(index if index >= 0 else 0)
    elif isinstance(widget, QAbstractButton):
        widget.setChecked(bool(value))
    elif isinstance(widget, (QSpinBox, QDoubleSpinBox, QAbstractSlider)):
        widget.setValue(value)
    else:
        raise TypeError(f"cannot bind a {type(widget).__name__}")


def _changed(widget: QWidget) -> tuple[Any, Callable[[], Any]]:
    """The widget's change signal and how to read its value."""
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged, widget.currentData
    if isinstance(widget, QAbstractButton):
        return widget.toggled, widget.isChecked
    if isinstance(widget, (QSpinBox, QDoubleSpinBox, QAbstractSlider)):
        return widget.valueChanged, widget.value
    raise TypeError(f"cannot bind a {type(widget).__name__}")


def bind(widget: QWidget, obj: Any, name: str, on_change: Callable[[Any], None] | None = None) -> Binding:
    """Tie ``widget`` to ``obj.name`` both ways; ``on_change(value)`` runs after each change by the user."""
    if not hasattr(obj, name):
        raise AttributeError(f"{type(obj).__name__} has no field {name!r}")
    binding = Binding(widget, obj, name)
    binding.refresh()
    signal, value = _changed(widget)
    setattr(obj, name, value())  # a value the widget cannot show (clamped to its range) is not kept

    def store(*_: Any) -> None:
        setattr(obj, name, value())
        if on_change is not None:
            on_change(getattr(obj, name))

    signal.connect(store)
    return binding


class Bindings(list[Binding]):
    """Several bindings, refreshed together."""

    def bind(self, widget: QWidget, obj: Any, name: str, on_change: Callable[[Any], None] | None = None) -> Binding:
        binding = bind(widget, obj, name, on_change)
        self.append(binding)
        return binding

    def refresh(self) -> None:
        for binding in self:
            binding.refresh()
