"""Where one feature-map cell looks: its receptive field on the input and on every earlier map."""

from __future__ import annotations

from dataclasses import dataclass

from cnnviz.data.transforms import InputSpec
from cnnviz.introspect.receptive_field import input_region, receptive_fields
from cnnviz.models.staged import StagedNet


@dataclass(frozen=True)
class CellRegion:
    stage: str  # the earlier stage (or "input") the region lies on
    top: int  # inclusive bounds in that stage's cells, clipped to its map
    left: int
    bottom: int
    right: int

    @property
    def height(self) -> int:
        return self.bottom - self.top + 1

    @property
    def width(self) -> int:
        return self.right - self.left + 1


def cell_regions(model: StagedNet, stage: str, row: int, col: int, spec: InputSpec | None = None) -> list[CellRegion]:
    """The region of the input and of every earlier spatial stage that cell (row, col) of ``stage`` sees."""
    names = ["input", *model.stage_names()]
    if stage not in names[1:]:
        raise KeyError(f"{model.arch} has no stage {stage!r}")
    spatial = {f.stage for f in receptive_fields(model) if f.spatial} | {"input"}
    earlier = [name for name in names[: names.index(stage)] if name in spatial]
    return [CellRegion(name, *input_region(model, stage, row, col, on_stage=name, spec=spec)) for name in earlier]
