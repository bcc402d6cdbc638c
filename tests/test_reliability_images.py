"""Images users drop on the canvas: odd formats are converted properly and classified, junk is refused."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from PIL import Image

from cnnviz.images import ImageLoadError, load_grey_image
from cnnviz.introspect import capture
from cnnviz.models import build_model
from cnnviz.preprocess import prepare_image
from cnnviz.training.device import INFERENCE_THREADS, compute_threads


@pytest.fixture(autouse=True)
def _one_inference_thread():  # type: ignore[no-untyped-def]
    """Predict on one thread, as the app's inference worker does (many threads crawl on a busy machine)."""
    with compute_threads(INFERENCE_THREADS):
        yield


@pytest.fixture(scope="module")
def digits(mnist) -> list[tuple[np.ndarray, int]]:  # type: ignore[no-untyped-def]
    """A few test digits (uint8, white ink on black), one per class 0, 3, 7."""
    picks = []
    for label in (0, 3, 7):
        i = int(np.flatnonzero(mnist.test_labels == label)[0])
        picks.append((mnist.test_images[i], label))
    return picks


def paper(digit: np.ndarray, side: int) -> np.ndarray:
    """The digit as a user would scan it: dark ink on white paper, ``side`` pixels square, uint8."""
    big = Image.fromarray(255 - digit).resize((side, side), Image.Resampling.BILINEAR)
    return np.asarray(big)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a.ravel(), b.ravel())[0, 1])


def write_variant(kind: str, digit: np.ndarray, folder: Path) -> Path:
    """Save the digit in one of the formats users actually have lying around."""
    ink = paper(digit, 280)
    path = folder / f"{kind}.png"
    if kind == "gray8":
        Image.fromarray(ink).save(path)
    elif kind == "gray16":
        Image.fromarray(ink.astype(np.uint16) * 257).save(path)  # mode I;16, full 16-bit range
    elif kind == "rgb":
        Image.fromarray(np.stack([ink, ink, ink], -1)).save(path)
    elif kind == "rgba-ink-on-transparent":
        alpha = 255 - ink  # black ink, transparent where there is no ink (as drawing apps export)
        Image.fromarray(np.stack([np.zeros_like(ink)] * 3 + [alpha], -1), "RGBA").save(path)
    elif kind == "la":
        Image.fromarray(np.stack([np.zeros_like(ink), 255 - ink], -1), "LA").save(path)
    elif kind == "palette":
        Image.fromarray(np.stack([ink, ink, ink], -1)).convert("P", palette=Image.Palette.ADAPTIVE).save(path)
    elif kind == "palette-transparent":
        im = Image.fromarray(ink).convert("P")
        im.save(path, transparency=255)  # the white paper is the transparent colour
    elif kind == "bilevel":
        Image.fromarray(ink).convert("1").save(path)
    elif kind == "jpeg":
        path = path.with_suffix(".jpg")
        Image.fromarray(ink).save(path, quality=85)
    elif kind == "bmp":
        path = path.with_suffix(".bmp")
        Image.fromarray(np.stack([ink, ink, ink], -1)).save(path)
    elif kind == "gif":
        path = path.with_suffix(".gif")
        Image.fromarray(ink).save(path)
    elif kind == "float-tiff":
        path = path.with_suffix(".tif")
        Image.fromarray(ink.astype(np.float32) / 255.0, "F").save(path)
    else:
        raise AssertionError(kind)
    return path


FORMATS = ["gray8", "gray16", "rgb", "rgba-ink-on-transparent", "la", "palette", "palette-transparent",
           "bilevel", "jpeg", "bmp", "gif", "float-tiff"]


@pytest.mark.parametrize("kind", FORMATS)
def test_every_format_converts_to_the_same_digit(kind: str, digits: list[tuple[np.ndarray, int]],
                                                 tmp_path: Path) -> None:
    digit, _ = digits[1]
    reference = prepare_image(paper(digit, 280).astype(np.float32) / 255.0)
    assert reference is not None
    grey = load_grey_image(write_variant(kind, digit, tmp_path))
    assert grey.ndim == 2 and grey.dtype == np.float32 and grey.min() >= 0.0 and grey.max() <= 1.0
    prepared = prepare_image(grey)
    assert prepared is not None and prepared.shape == (28, 28) and np.isfinite(prepared).all()
    assert similarity(prepared, reference) > 0.9, f"{kind} was converted to a different picture"


@pytest.mark.parametrize("kind", ["gray16", "rgba-ink-on-transparent", "palette", "palette-transparent"])
def test_odd_formats_are_classified_correctly(kind: str, digits: list[tuple[np.ndarray, int]],
                                              trained_explorer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The answer for a converted file is the answer for the same picture as a plain 8-bit scan."""
    model = trained_explorer[0]
    for digit, label in digits:
        reference = capture(model, prepare_image(load_grey_image(write_variant("gray8", digit, tmp_path))))
        prepared = prepare_image(load_grey_image(write_variant(kind, digit, tmp_path)))
        assert prepared is not None
        probs = capture(model, prepared).probabilities
        assert int(probs.argmax()) == reference.prediction, f"{kind} digit {label} read differently"
        assert np.abs(probs - reference.probabilities).max() < 0.1


@pytest.fixture(scope="module")
def huge_png(digits: list[tuple[np.ndarray, int]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 10,000 × 10,000 photo-sized scan of a 3 (100 megapixels: over Pillow's bomb warning limit)."""
    digit, _ = digits[1]
    canvas = Image.new("L", (10_000, 10_000), 255)
    canvas.paste(Image.fromarray(paper(digit, 6000)), (2000, 2000))
    path = tmp_path_factory.mktemp("huge") / "scan.png"
    canvas.save(path, compress_level=1)
    return path


def test_huge_image_is_shrunk_and_classified(huge_png: Path, digits: list[tuple[np.ndarray, int]],
                                            trained_explorer) -> None:  # type: ignore[no-untyped-def]
    grey = load_grey_image(huge_png)
    assert max(grey.shape) <= 1024  # shrunk on load, so memory stays small
    prepared = prepare_image(grey)
    assert prepared is not None
    digit = digits[1][0]
    reference = prepare_image(paper(digit, 280).astype(np.float32) / 255.0)
    assert reference is not None and similarity(prepared, reference) > 0.9
    assert capture(trained_explorer[0], prepared).prediction == capture(trained_explorer[0], reference).prediction


def test_decompression_bomb_is_refused_with_a_message(huge_png: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1_000_000)  # as if the file were 100 × bigger
    with pytest.raises(ImageLoadError, match="too large"):
        load_grey_image(huge_png)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "not an image"),
        (b"hello, this is a text file\n" * 20, "not an image"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + b"0" * 400, "not an image"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "scan.png"),  # a PNG signature with a broken body
    ],
    ids=["empty", "text", "pdf", "broken-png"],
)
def test_non_images_are_refused_with_a_message(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(content)
    with pytest.raises(ImageLoadError) as info:
        load_grey_image(path)
    assert fragment in str(info.value) and "scan.png" in str(info.value)


def test_truncated_image_is_refused(tmp_path: Path, digits: list[tuple[np.ndarray, int]]) -> None:
    path = write_variant("gray8", digits[0][0], tmp_path)
    path.write_bytes(path.read_bytes()[:300])
    with pytest.raises(ImageLoadError, match="gray8.png"):
        load_grey_image(path)


def test_missing_and_folder_paths_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ImageLoadError, match="not found"):
        load_grey_image(tmp_path / "gone.png")
    with pytest.raises(ImageLoadError):
        load_grey_image(tmp_path)


@pytest.mark.parametrize("kind", ["white-paper", "black", "transparent", "flat-16bit"])
def test_blank_images_prepare_to_none_not_nan(kind: str, tmp_path: Path) -> None:
    """A blank picture means 'no digit', which the app shows as 'draw a digit', never as a guess."""
    path = tmp_path / f"{kind}.png"
    if kind == "white-paper":
        Image.new("L", (300, 200), 255).save(path)
    elif kind == "black":
        Image.new("RGB", (64, 64), (0, 0, 0)).save(path)
    elif kind == "transparent":
        Image.new("RGBA", (64, 64), (0, 0, 0, 0)).save(path)
    else:
        Image.fromarray(np.full((50, 50), 40000, dtype=np.uint16)).save(path)
    assert prepare_image(load_grey_image(path)) is None


finite_or_not = st.floats(allow_nan=True, allow_infinity=True, width=32)


@settings(max_examples=200, deadline=None)
@given(image=hnp.arrays(np.float32, hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=60),
                        elements=finite_or_not))
def test_fuzzed_images_prepare_to_a_valid_input_or_none(image: np.ndarray) -> None:
    prepared = prepare_image(image)
    if prepared is not None:
        assert prepared.shape == (28, 28) and prepared.dtype == np.float32
        assert np.isfinite(prepared).all() and prepared.min() >= 0.0 and prepared.max() <= 1.0
        assert prepared.max() > 0.0


@settings(max_examples=50, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), ink=st.floats(0.0, 1.0), sparsity=st.floats(0.0, 1.0))
def test_any_prepared_input_gives_finite_probabilities(seed: int, ink: float, sparsity: float) -> None:
    rng = np.random.default_rng(seed)
    image = (rng.random((28, 28), dtype=np.float32) * ink) * (rng.random((28, 28)) > sparsity)
    prepared = prepare_image(image)
    if prepared is None:
        return
    probs = capture(_UNTRAINED, prepared).probabilities
    assert np.isfinite(probs).all() and abs(float(probs.sum()) - 1.0) < 1e-4


_UNTRAINED = build_model("explorer_cnn")


# -- through the canvas of the Draw tab ---------------------------------------------------------------------------


def _drop_file(canvas, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Deliver a real drop event, as when a user drags a file from their desktop onto the canvas."""
    from PyQt6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PyQt6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    canvas.dropEvent(event)


@pytest.fixture
def draw_window(window_factory, trained_explorer, qtbot):  # type: ignore[no-untyped-def]
    """The main window on the Draw tab with the trained explorer CNN, showing a test digit."""
    window = window_factory()
    window.show()
    with qtbot.waitSignal(window.state.capture_changed, timeout=10_000):
        window.state.set_model(trained_explorer[0], trained_explorer[1])
    window.tabs.setCurrentWidget(window.draw_tab)
    return window


@pytest.mark.parametrize("kind", ["gray16", "rgba-ink-on-transparent", "palette", "palette-transparent", "jpeg"])
def test_dropped_files_are_classified_on_the_canvas(draw_window, qtbot, kind: str, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                    digits: list[tuple[np.ndarray, int]]) -> None:
    path = write_variant(kind, digits[2][0], tmp_path)
    with qtbot.waitSignal(draw_window.state.capture_changed, timeout=10_000):
        _drop_file(draw_window.draw_tab.canvas, path)
    expected = capture(draw_window.state.model, prepare_image(load_grey_image(path)))
    assert draw_window.state.capture.prediction == expected.prediction
    assert draw_window.draw_tab.prediction_label.text().startswith(f"It's a {expected.prediction} (")
    assert not draw_window.draw_tab.message.isVisible()


def test_huge_file_dropped_on_the_canvas_is_classified(draw_window, qtbot, huge_png: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(draw_window.state.capture_changed, timeout=30_000):
        _drop_file(draw_window.draw_tab.canvas, huge_png)
    assert draw_window.draw_tab.prediction_label.text().startswith("It's a ")
    assert np.isfinite(draw_window.state.capture.probabilities).all()


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [("notes.png", b"not a picture at all", "not an image"), ("empty.jpg", b"", "not an image"),
     ("blank.png", None, "blank")],
)
def test_bad_files_dropped_on_the_canvas_are_refused_and_the_drawing_kept(  # type: ignore[no-untyped-def]
        draw_window, tmp_path: Path, name: str, content: bytes | None, says: str) -> None:
    path = tmp_path / name
    if content is None:
        Image.new("L", (200, 200), 255).save(path)
    else:
        path.write_bytes(content)
    tab = draw_window.draw_tab
    before_input, before_capture = draw_window.state.image.copy(), draw_window.state.capture
    _drop_file(tab.canvas, path)
    assert tab.message.isVisible() and name in tab.message.text() and says in tab.message.text()
    np.testing.assert_array_equal(draw_window.state.image, before_input)
    assert draw_window.state.capture is before_capture
    assert tab.prediction_label.text().startswith("It's a ")


def test_empty_canvas_says_draw_a_digit_not_a_prediction(draw_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    tab = draw_window.draw_tab
    with qtbot.waitSignal(draw_window.state.capture_changed, timeout=10_000):
        tab.canvas.clear()
    assert tab.canvas.input_image() is None and draw_window.state.capture is None
    assert tab.prediction_label.text() == "Draw a digit"
    assert tab.truth_label.text() == ""
    bars = tab.chart.probabilities
    assert np.isfinite(bars).all() and not bars.any()  # no bars, and never NaN
