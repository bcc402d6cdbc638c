"""Bad model files are refused with a clear CheckpointError, code hidden in them never runs, saving is atomic."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnviz.models import build_model
from cnnviz.training import CheckpointError, CheckpointMeta, load_checkpoint, save_checkpoint
from cnnviz.training.checkpoint import FORMAT, FORMAT_VERSION

MARKER_ENV = "CNNVIZ_TEST_PAYLOAD_MARKER"


def _write_marker(path: str) -> None:
    Path(path).write_text("the payload ran")


class Payload:
    """Unpickling this calls ``_write_marker``: the classic 'a model file that runs code' attack."""

    def __init__(self, marker: Path):
        self.marker = str(marker)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_write_marker, (self.marker,))


@pytest.fixture
def good_checkpoint(tmp_path: Path) -> Path:
    torch.manual_seed(0)
    model = build_model("explorer_cnn", conv1_filters=4, conv2_filters=8)
    return save_checkpoint(model, tmp_path / "good.pt",
                           CheckpointMeta(model="explorer_cnn", model_kwargs=dict(model.arch_kwargs)))


def _payload(meta: dict[str, Any] | str, state: Any) -> dict[str, Any]:
    return {"format": FORMAT, "format_version": FORMAT_VERSION,
            "metadata": meta if isinstance(meta, str) else json.dumps(meta), "state_dict": state}


def _refused(path: Path, *fragments: str) -> str:
    with pytest.raises(CheckpointError) as info:
        load_checkpoint(path)
    message = str(info.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message
    return message


def test_good_checkpoint_round_trips(good_checkpoint: Path) -> None:
    model, meta = load_checkpoint(good_checkpoint)
    assert meta.model == "explorer_cnn" and meta.model_kwargs["conv1_filters"] == 4
    assert not model.training


def test_missing_file_is_refused(tmp_path: Path) -> None:
    _refused(tmp_path / "nothing-here.pt", "not found")


@pytest.mark.parametrize("keep", [0, 1, 100, 0.5, 0.9], ids=["empty", "1-byte", "100-bytes", "half", "90pct"])
def test_truncated_checkpoint_is_refused(good_checkpoint: Path, tmp_path: Path, keep: float) -> None:
    raw = good_checkpoint.read_bytes()
    cut = tmp_path / "cut.pt"
    cut.write_bytes(raw[: int(keep * len(raw)) if isinstance(keep, float) else keep])
    _refused(cut)


@pytest.mark.parametrize("seed", range(3))
def test_random_bytes_are_refused(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "noise.pt"
    path.write_bytes(os.urandom(2000 + seed) if seed else b"PK\x03\x04" + os.urandom(500))
    _refused(path, "not a readable checkpoint")


def test_plain_state_dict_from_another_model_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lenet.pt"
    torch.save(build_model("lenet5").state_dict(), path)
    _refused(path, "not a cnnviz checkpoint")


def test_whole_pickled_module_is_refused(tmp_path: Path) -> None:
    """``torch.save(model)`` pickles classes; loading that would import and run code, so it is refused."""
    path = tmp_path / "module.pt"
    torch.save(build_model("logistic"), path)
    _refused(path, "not a readable checkpoint")


def test_mismatched_architecture_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mismatch.pt"
    weights = build_model("lenet5").state_dict()
    torch.save(_payload({"model": "explorer_cnn", "model_kwargs": {}}, weights), path)
    _refused(path, "weights do not fit explorer_cnn")


def test_wrong_layer_sizes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "sizes.pt"
    weights = build_model("explorer_cnn", conv1_filters=4, conv2_filters=8).state_dict()
    torch.save(_payload({"model": "explorer_cnn", "model_kwargs": {"conv1_filters": 8}}, weights), path)
    _refused(path, "weights do not fit")


@pytest.mark.parametrize(
    ("meta", "fragment"),
    [
        ({"model": "no_such_net", "model_kwargs": {}}, "unknown model"),
        ({"model": "explorer_cnn", "model_kwargs": {"wings": 2}}, "cannot rebuild"),
        ({"model": "explorer_cnn", "model_kwargs": {"conv1_filters": -3}}, "cannot rebuild"),
        ({"model": "explorer_cnn", "model_kwargs": {"conv1_filters": "eight"}}, "cannot rebuild"),
        ({"model": ["explorer_cnn"], "model_kwargs": {}}, "damaged metadata"),
        ({"model_kwargs": {}}, "damaged metadata"),
        ("{not json", "damaged metadata"),
        ([1, 2, 3], "damaged metadata"),
    ],
)
def test_damaged_metadata_is_refused(tmp_path: Path, meta: Any, fragment: str) -> None:
    path = tmp_path / "meta.pt"
    weights = build_model("explorer_cnn").state_dict()
    torch.save(_payload(meta, weights), path)
    _refused(path, fragment)


@pytest.mark.parametrize("state", [None, [1, 2], {"fc.weight": "text"}, {}], ids=["none", "list", "text", "empty"])
def test_damaged_weights_are_refused(tmp_path: Path, state: Any) -> None:
    path = tmp_path / "weights.pt"
    torch.save(_payload({"model": "explorer_cnn", "model_kwargs": {}}, state), path)
    _refused(path)


@pytest.mark.filterwarnings("ignore:Detected pickle protocol")
@pytest.mark.parametrize("wrapping", ["torch-zip", "inside-checkpoint", "plain-pickle"])
def test_code_carrying_pickle_is_refused_and_never_runs(tmp_path: Path, wrapping: str) -> None:
    marker = tmp_path / "payload-ran.txt"
    path = tmp_path / "evil.pt"
    if wrapping == "torch-zip":
        torch.save(Payload(marker), path)
    elif wrapping == "inside-checkpoint":
        torch.save(_payload({"model": "explorer_cnn", "model_kwargs": {}}, {"fc.weight": Payload(marker)}), path)
    else:
        path.write_bytes(pickle.dumps(Payload(marker)))
    # The attack is real: an unrestricted unpickle of the same bytes runs it.
    with open(path, "rb") as fh:
        if wrapping == "plain-pickle":
            pickle.load(fh)
        else:
            torch.load(fh, weights_only=False)
    assert marker.exists()
    marker.unlink()
    _refused(path)
    assert not marker.exists(), "loading a checkpoint ran code from the file"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 300) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=60, deadline=None)
@given(
    model=st.sampled_from(["explorer_cnn", "logistic", "mlp", "nope"]) | json_values,
    kwargs=st.dictionaries(st.sampled_from(["conv1_filters", "conv2_filters", "hidden", "x"]),
                           json_values, max_size=2) | json_values,
)
def test_fuzzed_metadata_loads_or_is_refused(tmp_path_factory: pytest.TempPathFactory, model: Any,
                                             kwargs: Any) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "m.pt"
    torch.save(_payload({"model": model, "model_kwargs": kwargs}, build_model("logistic").state_dict()), path)
    try:
        loaded, meta = load_checkpoint(path)
    except CheckpointError as exc:
        assert str(path) in str(exc)
    else:
        assert meta.model == "logistic" and loaded.arch == "logistic"


class _DiskFull(OSError):
    pass


def test_failed_save_keeps_previous_file_and_leaves_no_temp(good_checkpoint: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    before = good_checkpoint.read_bytes()
    real_save = torch.save

    def save_half_then_fail(obj: Any, fh: Any, *args: Any, **kwargs: Any) -> None:
        real_save(obj, fh, *args, **kwargs)
        fh.seek(0)
        fh.truncate(len(before) // 3)
        raise _DiskFull(28, "No space left on device")

    monkeypatch.setattr(torch, "save", save_half_then_fail)
    newer = build_model("explorer_cnn", conv1_filters=4, conv2_filters=8)
    with pytest.raises(_DiskFull):
        save_checkpoint(newer, good_checkpoint, CheckpointMeta(model="explorer_cnn", model_kwargs=newer.arch_kwargs))
    monkeypatch.undo()
    assert good_checkpoint.read_bytes() == before
    assert sorted(p.name for p in good_checkpoint.parent.iterdir()) == ["good.pt"]
    load_checkpoint(good_checkpoint)


def test_process_killed_mid_save_keeps_previous_file(good_checkpoint: Path) -> None:
    """A hard kill (power cut, ``kill -9``) can't clean up, but the good file must still be whole."""
    before = good_checkpoint.read_bytes()
    script = f"""
import os, torch
from cnnviz.models import build_model
from cnnviz.training import CheckpointMeta, save_checkpoint
real_save = torch.save
def save_then_die(obj, fh, *a, **k):
    real_save(obj, fh, *a, **k)
    fh.flush()
    fh.truncate(100)
    os._exit(9)
torch.save = save_then_die
model = build_model("explorer_cnn", conv1_filters=4, conv2_filters=8)
save_checkpoint(model, {str(good_checkpoint)!r}, CheckpointMeta(model="explorer_cnn", model_kwargs=model.arch_kwargs))
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parent.parent, timeout=120,
                          capture_output=True, text=True)
    assert done.returncode == 9, done.stderr
    assert good_checkpoint.read_bytes() == before
    load_checkpoint(good_checkpoint)


def test_saved_checkpoint_gets_the_permissions_of_a_normal_file(tmp_path: Path) -> None:
    """A teacher shares a model on a shared machine: mode 0666 less the umask, like any file the user writes."""
    model = build_model("logistic")
    previous = os.umask(0o022)
    try:
        plain = tmp_path / "plain.txt"
        plain.write_text("x")
        path = save_checkpoint(model, tmp_path / "shared.pt", CheckpointMeta(model="logistic", model_kwargs={}))
    finally:
        os.umask(previous)
    assert path.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777 == 0o644
    load_checkpoint(path)


def _saved_meta(tmp_path: Path, version: Any = FORMAT_VERSION, **fields: Any) -> Path:
    model = build_model("logistic")
    meta = {"model": "logistic", "model_kwargs": {}, **fields}
    path = tmp_path / "meta.pt"
    torch.save({**_payload(meta, model.state_dict()), "format_version": version}, path)
    return path


def test_a_newer_format_version_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    _refused(_saved_meta(tmp_path, version=99), "newer version of cnnviz", "format 99")


@pytest.mark.parametrize("version", [0, -1, "1", None, 1.5, True])
def test_a_nonsense_format_version_is_refused(tmp_path: Path, version: Any) -> None:
    _refused(_saved_meta(tmp_path, version=version), "format version")


@pytest.mark.parametrize(
    ("fields", "fragment"),
    [
        ({"test_accuracy": "high"}, "test_accuracy"),
        ({"test_accuracy": 1.5}, "test_accuracy"),
        ({"test_accuracy": float("nan")}, "test_accuracy"),
        ({"epochs": -2}, "epochs"),
        ({"epochs": "many"}, "epochs"),
        ({"dataset": 7}, "dataset"),
        ({"class_names": "0123456789"}, "class_names"),
        ({"class_names": [1, 2]}, "class_names"),
        ({"created": ["today"]}, "created"),
        ({"extra": [1]}, "extra"),
        ({"model_kwargs": {"hidden": [1]}}, "model_kwargs"),
    ],
)
def test_metadata_of_the_wrong_type_or_range_is_refused(tmp_path: Path, fields: dict[str, Any], fragment: str) -> None:
    _refused(_saved_meta(tmp_path, **fields), "damaged metadata", fragment)


def test_unknown_fields_from_a_newer_version_load_with_a_notice(tmp_path: Path) -> None:
    model, meta = load_checkpoint(_saved_meta(tmp_path, optimizer_state_digest="ab12", licence="CC-BY"))
    assert model.arch == "logistic"
    assert len(meta.notices) == 1
    assert "licence" in str(meta.notices[0]) and "optimizer_state_digest" in str(meta.notices[0])
    assert "newer version of cnnviz" in str(meta.notices[0])


def test_a_model_claiming_huge_layers_is_refused_before_anything_is_allocated(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.pt"
    torch.save(_payload({"model": "mlp", "model_kwargs": {"hidden": 10**7}}, build_model("mlp").state_dict()), path)
    allocated: list[int] = []
    real_empty = torch.empty

    def watch(*size: Any, **kw: Any) -> torch.Tensor:
        shape = size[0] if len(size) == 1 and not isinstance(size[0], int) else size
        device = kw.get("device")
        if device is None or torch.device(device).type != "meta":
            allocated.append(int(torch.Size(shape).numel()))  # recorded before the allocation is tried
        tensor = real_empty(*size, **kw)
        if tensor.device.type == "meta":  # built under ``with torch.device("meta")``: no memory after all
            allocated.pop()
        return tensor

    with torch.device("meta"):  # torch caches its list of constructors on first use: before the patch, please
        torch.empty(1)
    monkeypatch.setattr(torch, "empty", watch)
    _refused(path, "weights do not fit mlp")
    assert max(allocated, default=0) < 10**6  # nothing like the 7.8 billion floats (31 GB) the metadata claims
