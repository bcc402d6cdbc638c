"""The enlarged stage's caption: what the stage does (the core's words), how its maps are laid out, and which of
them are switched off or silent on this input."""

from __future__ import annotations

from cnnviz.introspect import Stage
from ui.draw.stage_picture import MAX_MAPS, StagePicture
from ui.i18n import translate, worded

MAX_LISTED_SILENT = 16  # silent maps named one by one up to this many; beyond, counted


def stage_caption(stage: Stage, picture: StagePicture, pages: int, off: list[int]) -> str:
    """The caption for all maps of ``stage`` as ``picture`` lays them out over ``pages`` pages; ``off``: the maps
    switched off (from 0)."""
    caption = f"<b>{worded(stage.title)}.</b> {worded(stage.caption)}"
    if picture.grid is not None and picture.grid.count > 1:
        caption += translate("StageCaption", " {count} maps in {rows} rows of {cols}.").format(
            count=picture.grid.count, rows=picture.grid.rows, cols=picture.grid.cols)
    if pages > 1:
        caption += translate("StageCaption", " This stage has {n:,} maps: {shown} are shown at a time (◀ ▶ beside "
                             "the step controls).").format(n=stage.output.shape[0], shown=MAX_MAPS)
    if off:
        caption += (translate("StageCaption", " Maps {which} are switched off (crossed; see Switch maps off).")
                    if len(off) > 1 else
                    translate("StageCaption", " Map {which} is switched off (crossed; see Switch maps off).")
                    ).format(which=", ".join(str(c + 1) for c in off))
    dead = [c for c in silent_maps(stage) if c not in off]
    if dead:
        which = (", ".join(str(c + 1) for c in dead) if len(dead) <= MAX_LISTED_SILENT  # never a list of hundreds
                 else translate("StageCaption", "{count:,} of these {n:,}").format(count=len(dead),
                                                                                 n=stage.output.shape[0]))
        caption += (translate("StageCaption", " Maps {which} stay at 0 on this input (a uniform dark tile): that "
                              "filter found nothing it responds to here, or never fires at all (a 'dead' filter).")
                    if len(dead) > 1 else
                    translate("StageCaption", " Map {which} stay at 0 on this input (a uniform dark tile): that "
                              "filter found nothing it responds to here, or never fires at all (a 'dead' filter).")
                    ).format(which=which)
    return caption


def silent_maps(stage: Stage) -> list[int]:
    """Channels of a map stage that are 0 everywhere (after ReLU: the filter found nothing here)."""
    out = stage.output
    if out.ndim != 3 or out.shape[0] < 2 or stage.kind == "input":
        return []
    return [c for c in range(out.shape[0]) if not out[c].any()]
