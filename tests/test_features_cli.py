"""``cnnviz features``: the PNGs a teacher puts on slides, and one clear sentence for every bad argument."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from cnnviz.cli import main
from cnnviz.features.pictures import ENLARGE
from tests.test_cli_validation import _refused  # exit 2, one sentence, no traceback, nothing written


def test_writes_visualisation_top9_and_weights_per_channel(trained_explorer, mnist, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    model, _meta, path = trained_explorer
    out = tmp_path / "slides"
    assert main(["features", str(path), "--stage", "conv1", "--channels", "3,0", "--out", str(out),
                 "--steps", "30"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        f"conv1_{c:03d}_{kind}.png" for c in (0, 3) for kind in ("top9", "visualisation", "weights")]
    weights = model.conv1[0].weight.detach().numpy()
    for c in (0, 3):
        vis = np.asarray(Image.open(out / f"conv1_{c:03d}_visualisation.png"))
        assert vis.shape == (28 * ENLARGE, 28 * ENLARGE, 3)
        kernel = np.asarray(Image.open(out / f"conv1_{c:03d}_weights.png")).astype(int)
        cell = kernel.shape[0] // 3
        centres = kernel[cell // 2 :: cell, cell // 2 :: cell]  # (3, 3, 3): one pixel per weight
        redder = centres[..., 0] - centres[..., 2]  # positive weights are drawn red, negative blue
        assert np.array_equal(redder > 0, weights[c, 0] > 0)
        top9 = np.asarray(Image.open(out / f"conv1_{c:03d}_top9.png"))
        assert top9.shape[0] == top9.shape[1] > 3 * 28 * ENLARGE  # a 3×3 sheet
        first = top9[: 28 * ENLARGE, : 28 * ENLARGE, 0].astype(np.float32)
        # the first tile is one of the test digits, enlarged (the outline aside)
        strongest = [np.mean(np.abs(first[4::8, 4::8] - mnist.test_images[i])) for i in range(len(mnist.test_images))]
        assert min(strongest) < 8
    assert "wrote 6 PNG files" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["--stage", "conv7"], ["conv7", "choose one of: conv1, pool1, conv2, pool2, fc"]),
        (["--stage", "conv1", "--channels", "0,8"], ["conv1 has 8 channels", "no channel 8"]),
        (["--stage", "conv1", "--channels", "x"], ["--channels", "'x'"]),
        (["--stage", "conv1", "--channels", "-1"], ["--channels", "from 0"]),
        (["--stage", "conv1", "--steps", "0"], ["--steps", "at least 1"]),
    ],
)
def test_refuses_bad_arguments(trained_explorer, tmp_path: Path, capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
                               args: list[str], fragments: list[str]) -> None:
    _refused(["features", str(trained_explorer[2]), "--out", str(tmp_path / "out"), *args], capsys, tmp_path,
             *fragments)


def test_refuses_a_missing_model_file_and_an_output_that_is_a_file(tmp_path: Path, trained_explorer,  # type: ignore[no-untyped-def]
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    _refused(["features", str(tmp_path / "none.pt"), "--stage", "conv1", "--out", str(tmp_path / "o")], capsys,
             tmp_path, "none.pt", "not found")
    (tmp_path / "taken").write_text("x")
    _refused(["features", str(trained_explorer[2]), "--stage", "conv1", "--out", str(tmp_path / "taken")], capsys,
             tmp_path, "taken is a file", "folder")
    (tmp_path / "bad.pt").write_bytes(b"not a model")
    _refused(["features", str(tmp_path / "bad.pt"), "--stage", "conv1", "--out", str(tmp_path / "o")], capsys,
             tmp_path, "bad.pt")
