"""The levers of the modern CNN's recipe: scale/slant/elastic augmentation, label smoothing, a moving average
of the weights, stochastic weight averaging and test-time augmentation — each checked against an independent
computation."""

from __future__ import annotations

import copy
import math
from dataclasses import replace

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from cnnviz.data import MnistData, stratified_subset
from cnnviz.models import build_model
from cnnviz.models.registry import MODELS
from cnnviz.training import TensorData, TrainConfig, Trainer, evaluate, load_checkpoint, save_checkpoint
from cnnviz.training.augment import BACKGROUND, cutout, elastic, gaussian_band, random_affine
from cnnviz.training.run import train_model
from cnnviz.training.trainer import TTA_SHIFTS, shifted, tta_accuracy
from cnnviz.zoo.report_build import build_report


@pytest.fixture(scope="module")
def digits(mnist):  # type: ignore[no-untyped-def]
    idx = stratified_subset(mnist.train_labels, 256, seed=0)
    return TensorData.from_arrays(mnist.train_images[idx], mnist.train_labels[idx])


def _ink(x: torch.Tensor) -> torch.Tensor:
    return (x - BACKGROUND).clamp_min(0)  # (N, 1, H, W) ink in normalised units, 0 on the background


def _centre(x: torch.Tensor) -> torch.Tensor:
    ink = _ink(x)[:, 0]
    rows = torch.arange(ink.shape[1], dtype=torch.float32)[:, None]
    cols = torch.arange(ink.shape[2], dtype=torch.float32)[None, :]
    mass = ink.sum((1, 2))
    return torch.stack([(ink * rows).sum((1, 2)) / mass, (ink * cols).sum((1, 2)) / mass], 1)


def test_the_plain_affine_path_draws_the_same_numbers_as_before(digits) -> None:  # type: ignore[no-untyped-def]
    # The recipes without scale and shear must train exactly as before these levers existed: rebuild the
    # former computation (rotation and shift only) from the same generator and compare.
    x = digits.x[:16]
    out = random_affine(x, torch.Generator().manual_seed(7))
    g = torch.Generator().manual_seed(7)
    angle = (torch.rand(16, generator=g) * 2 - 1) * math.radians(10.0)
    shift = (torch.rand(16, 2, generator=g) * 2 - 1) * 2.0
    theta = torch.zeros(16, 2, 3)
    theta[:, 0, 0], theta[:, 0, 1], theta[:, 0, 2] = angle.cos(), -angle.sin(), shift[:, 0] * 2 / 28
    theta[:, 1, 0], theta[:, 1, 1], theta[:, 1, 2] = angle.sin(), angle.cos(), shift[:, 1] * 2 / 28
    grid = F.affine_grid(theta, [16, 1, 28, 28], align_corners=False)
    expected = F.grid_sample(x - BACKGROUND, grid, align_corners=False) + BACKGROUND
    assert torch.allclose(out, expected, atol=1e-6)


def test_scaling_changes_the_digits_size_but_not_where_it_is(digits) -> None:  # type: ignore[no-untyped-def]
    x = digits.x[:32]
    out = random_affine(x, torch.Generator().manual_seed(1), max_shift=0, max_degrees=0, max_scale=0.2)
    ratio = _ink(out).sum((1, 2, 3)) / _ink(x).sum((1, 2, 3))  # area grows with the square of the scale
    assert ratio.min() < 0.9 and ratio.max() > 1.1 and ratio.min() > 0.8**2 * 0.9 and ratio.max() < 1.2**2 * 1.1
    assert (_centre(out) - _centre(x)).abs().max() < 1.0  # scaled about the image centre, near the digit's


def test_elastic_distortion_moves_ink_by_at_most_alpha_pixels(digits) -> None:  # type: ignore[no-untyped-def]
    x = digits.x[:32]
    assert torch.allclose(elastic(x, torch.Generator().manual_seed(0), alpha=0.0), x, atol=1e-5)
    out = elastic(x, torch.Generator().manual_seed(0), alpha=1.5)
    assert (out - x).abs().mean() > 0.05  # it does distort
    assert (_centre(out) - _centre(x)).abs().max() <= 1.5
    assert torch.allclose(_ink(out).sum((1, 2, 3)), _ink(x).sum((1, 2, 3)), rtol=0.3)  # strokes kept, not erased


@pytest.mark.parametrize(("height", "width", "sigma"), [(28, 28, 4.0), (32, 20, 2.5), (6, 9, 4.0)])
def test_the_elastic_fields_smoothing_is_a_gaussian_convolution_with_zero_padding(height, width, sigma) -> None:  # type: ignore[no-untyped-def]
    noise = torch.rand(5, 2, height, width, generator=torch.Generator().manual_seed(3)) * 2 - 1
    radius = int(2 * sigma)
    taps = torch.arange(-radius, radius + 1, dtype=torch.float64)
    kernel = torch.exp(-(taps**2) / (2 * sigma**2))
    kernel = kernel / kernel.sum()
    flat = noise.double().reshape(10, 1, height, width)  # the separable Gaussian as F.conv2d computes it
    expected = F.conv2d(F.conv2d(flat, kernel.view(1, 1, 1, -1), padding=(0, radius)), kernel.view(1, 1, -1, 1),
                        padding=(radius, 0)).reshape(5, 2, height, width)
    smoothed = gaussian_band(height, sigma) @ noise @ gaussian_band(width, sigma).T
    assert torch.allclose(smoothed.double(), expected, atol=1e-6)
    assert smoothed.abs().max() < noise.abs().max()  # smoothing shrinks the noise


@pytest.mark.parametrize("size", [6, 8])
def test_cutout_paints_one_square_per_digit_black_and_leaves_the_rest(digits, size) -> None:  # type: ignore[no-untyped-def]
    x = digits.x[:64]
    out = cutout(x, torch.Generator().manual_seed(5), size)
    g = torch.Generator().manual_seed(5)  # the same draws, the square painted pixel by pixel
    rows, cols = torch.randint(28, (64,), generator=g), torch.randint(28, (64,), generator=g)
    expected = x.clone()
    for i in range(64):
        for r in range(rows[i] - size // 2, rows[i] - size // 2 + size):
            for c in range(cols[i] - size // 2, cols[i] - size // 2 + size):
                if 0 <= r < 28 and 0 <= c < 28:
                    expected[i, 0, r, c] = BACKGROUND
    assert torch.equal(out, expected)
    painted = (out != x).sum((1, 2, 3))
    assert painted.max() <= size * size and (painted > 0).float().mean() > 0.5  # most squares hit some ink


def test_the_trainer_applies_cutout_only_when_the_recipe_asks(digits, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from cnnviz.training import trainer

    seen: list[int] = []
    real = trainer.cutout
    monkeypatch.setattr(trainer, "cutout", lambda x, g, size, bg: seen.append(size) or real(x, g, size, bg))
    for size in (0, 6):
        torch.manual_seed(0)
        Trainer(build_model("small_cnn"), TrainConfig(epochs=1, batch_size=128, lr=0.0, augment=True, cutout=size,
                                                      eval_each_epoch=False, device="cpu")).fit(digits)
    assert seen == [6, 6]  # two batches of the 256 digits, only in the run with cutout


def test_label_smoothing_is_the_loss_the_trainer_minimises(digits) -> None:  # type: ignore[no-untyped-def]
    model = build_model("explorer_cnn")
    Trainer(model, TrainConfig(epochs=3, batch_size=64, lr=3e-3, device="cpu")).fit(digits)  # confident now
    reference = copy.deepcopy(model).eval()
    losses: list[float] = []
    # one batch of every digit, learning rate 0: the batch loss is the loss of the untouched model
    Trainer(model, TrainConfig(epochs=1, batch_size=len(digits), lr=0.0, label_smoothing=0.1, device="cpu"),
            on_batch=lambda m: losses.append(m.loss)).fit(digits)
    with torch.no_grad():
        smoothed = F.cross_entropy(reference(digits.x), digits.y, label_smoothing=0.1).item()
        plain = F.cross_entropy(reference(digits.x), digits.y).item()
    assert losses == pytest.approx([smoothed], rel=1e-4)
    assert smoothed > plain + 0.05  # smoothing penalises the confident answers plain cross-entropy rewards


@pytest.mark.parametrize("name", ["explorer_cnn", "modern_cnn"])  # without and with batch norm's buffers
def test_the_kept_weights_are_the_moving_average_of_the_weights_after_each_step(digits, name) -> None:  # type: ignore[no-untyped-def]
    decay = 0.6
    model = build_model(name, **({"width": 4} if name == "modern_cnn" else {}))
    after_each: list[dict[str, torch.Tensor]] = []

    def snapshot(_) -> None:  # type: ignore[no-untyped-def]
        after_each.append({k: v.detach().clone() for k, v in model.state_dict().items()})

    Trainer(model, TrainConfig(epochs=1, batch_size=64, lr=3e-3, ema_decay=decay, device="cpu"),
            on_batch=snapshot).fit(digits)
    expected = after_each[0]  # the average starts as a copy of the first step's weights
    for step, weights in enumerate(after_each[1:], start=1):
        d = min(decay, (1 + step) / (10 + step))  # warmed up: the early average follows the weights closely
        # batch norm's running statistics are averaged too; its integer count of batches follows the model
        expected = {k: d * expected[k] + (1 - d) * w if w.is_floating_point() else w for k, w in weights.items()}
    for key, value in model.state_dict().items():
        assert torch.allclose(value, expected[key], atol=1e-6), key
    first = next(k for k in expected if k.endswith("weight"))
    assert not torch.allclose(model.state_dict()[first], after_each[-1][first])


def test_the_last_epochs_hold_the_rate_and_keep_the_plain_average_of_their_weights(digits, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The initial weights come from the global generator: seeded here, not left to whichever test ran before
    # (unseeded, 1 run in 15 drew weights whose last epoch moved batch norm's mean by under 2e-4, 2026-12-04).
    torch.manual_seed(0)
    model = build_model("modern_cnn", width=4)
    rates: list[float] = []
    sgd_step = torch.optim.SGD.step

    def recording_step(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        rates.append(self.param_groups[0]["lr"])
        return sgd_step(self, *args, **kwargs)

    monkeypatch.setattr(torch.optim.SGD, "step", recording_step)
    after_epoch: list[dict[str, torch.Tensor]] = []
    config = TrainConfig(epochs=3, batch_size=64, lr=0.1, optimizer="sgd", schedule="onecycle", swa_fraction=0.5,
                         swa_lr=0.05, device="cpu")  # 4 batches an epoch; round(1.5) = the last 2 epochs averaged
    Trainer(model, config, on_epoch=lambda _: after_epoch.append(
        {k: v.detach().clone() for k, v in model.named_parameters()})).fit(digits)
    assert rates[0] == pytest.approx(0.1 / 25) and 0.05 < max(rates[:4]) <= 0.1  # one-cycle over epoch 1...
    assert rates[4:] == [pytest.approx(0.05)] * 8  # ...then held at swa_lr
    for name, value in model.named_parameters():
        assert torch.allclose(value, (after_epoch[1][name] + after_epoch[2][name]) / 2, atol=1e-6), name
    with torch.no_grad():  # batch norm's statistics are those of the averaged weights, over the training digits
        stem = F.conv2d(digits.x, model.stem[0].weight, padding=1)  # (256, 4, 28, 28)
        last = F.conv2d(digits.x, after_epoch[2]["stem.0.weight"], padding=1)  # the last epoch's weights instead
    mean = model.stem[1].running_mean
    assert torch.allclose(mean, stem.mean((0, 2, 3)), atol=2e-4)  # oneDNN's sums differ by up to 6e-5 here
    assert torch.allclose(model.stem[1].running_var, stem.var((0, 2, 3)), rtol=2e-3)
    assert not torch.allclose(mean, last.mean((0, 2, 3)), atol=2e-4)


def test_nesterov_sgd_takes_the_step_written_out_by_hand(digits) -> None:  # type: ignore[no-untyped-def]
    lr, momentum, decay = 0.05, 0.9, 5e-4
    model = build_model("explorer_cnn")
    before = copy.deepcopy(model)
    batch = TensorData(digits.x[:64], digits.y[:64])
    Trainer(model, TrainConfig(epochs=1, batch_size=64, lr=lr, optimizer="sgd", momentum=momentum, nesterov=True,
                               weight_decay=decay, device="cpu")).fit(batch)
    before.train()
    F.cross_entropy(before(batch.x), batch.y).backward()
    for (name, w0), w1 in zip(before.named_parameters(), model.parameters(), strict=True):
        g = w0.grad + decay * w0.detach()  # coupled L2, as SGD's weight_decay adds it to the gradient
        velocity = g  # the first step's momentum buffer is the gradient itself
        expected = w0.detach() - lr * (g + momentum * velocity)  # Nesterov: look ahead along the velocity
        assert torch.allclose(w1.detach(), expected, atol=1e-6), name
    plain = build_model("explorer_cnn")
    Trainer(plain, TrainConfig(epochs=1, batch_size=64, lr=lr, optimizer="sgd", momentum=momentum,
                               weight_decay=decay, device="cpu")).fit(batch)
    assert not torch.allclose(plain.conv1[0].weight, model.conv1[0].weight)  # classical momentum differs


def test_shifted_copies_and_tta_accuracy_against_a_direct_computation(digits) -> None:  # type: ignore[no-untyped-def]
    x = digits.x[:4]
    for dy, dx in TTA_SHIFTS:
        rolled = torch.roll(x, shifts=(dy, dx), dims=(2, 3))
        if dy:
            rolled[:, :, 0 if dy > 0 else -1, :] = BACKGROUND
        if dx:
            rolled[:, :, :, 0 if dx > 0 else -1] = BACKGROUND
        assert torch.equal(shifted(x, dy, dx, BACKGROUND), rolled)
    model = build_model("explorer_cnn").eval()
    torch.manual_seed(0)
    assert tta_accuracy(model, digits, BACKGROUND, shifts=((0, 0),)) == evaluate(model, digits).accuracy
    with torch.no_grad():
        probs = sum(F.softmax(model(shifted(digits.x, dy, dx, BACKGROUND)), 1) for dy, dx in TTA_SHIFTS)
    expected = float((probs.argmax(1) == digits.y).float().mean())  # type: ignore[union-attr]
    assert tta_accuracy(model, digits, BACKGROUND) == pytest.approx(expected)


def test_the_report_row_gives_the_single_model_and_tta_errors_side_by_side(mnist, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert MODELS["modern_cnn"].recipe.tta
    small = MnistData("MNIST", mnist.train_images[:128], mnist.train_labels[:128], mnist.test_images[:200],
                      mnist.test_labels[:200], mnist.class_names)
    report = build_report(small, ["modern_cnn"], epochs=1, use_cache=False, folder=tmp_path, device="cpu")
    row = report.rows[0]
    assert row.test_error is not None and row.tta_error is not None
    assert row.tta_error * 2 == pytest.approx(round(row.tta_error * 2))  # a count of 200 test digits, in percent
    assert not np.isnan(row.tta_error)
    assert replace(row, tta_error=None) != row


@pytest.mark.parametrize("name", ["modern_cnn", "m3_cnn"])
def test_the_full_recipe_trains_on_a_subset_its_loss_falls_and_its_checkpoint_reopens(name, mnist, tmp_path) -> None:  # type: ignore[no-untyped-def]
    recipe = MODELS[name].recipe
    assert recipe.optimizer == "sgd" and recipe.nesterov and recipe.distort
    assert recipe.ema_decay > 0 and recipe.swa_fraction > 0 and recipe.swa_lr > 0
    idx = stratified_subset(mnist.train_labels, 1024, seed=0)
    subset = MnistData("MNIST", mnist.train_images[idx], mnist.train_labels[idx], mnist.test_images[:500],
                       mnist.test_labels[:500], mnist.class_names)  # 500 test digits: each epoch's test is quick
    losses: list[float] = []
    trained = train_model(name, subset, epochs=2, device="cpu",
                          on_batch=lambda m: losses.append(m.loss))  # 16 batches; 2 epochs average none (see above)
    assert len(losses) == 16
    assert np.mean(losses[-4:]) < 0.8 * np.mean(losses[:4])  # it learns (2.34 → 1.66 here), augmented digits and all
    assert trained.meta.test_accuracy == trained.result.test_accuracy is not None  # tested, and recorded
    path = save_checkpoint(trained.model, tmp_path / f"{name}.pt", trained.meta)
    reopened, meta = load_checkpoint(path)
    x = TensorData.from_arrays(mnist.test_images[:64], mnist.test_labels[:64]).x
    with torch.no_grad():
        assert torch.allclose(reopened.eval()(x), trained.model.eval()(x), atol=1e-5)  # the averaged weights kept
    assert meta.model == name and meta.epochs == 2


def test_bfloat16_is_used_only_where_it_is_fast_and_trains_as_float32_does(digits, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A recipe that asks for bfloat16: the trainer uses it only where ``fast_bfloat16`` says the device has fast
    kernels (forced here, so the path runs on any CPU). The forward pass runs in bfloat16 while the weights and
    every test evaluation stay float32, and from the same seed the losses follow the float32 run's closely."""
    import cnnviz.training.trainer as trainer

    config = TrainConfig.from_recipe(replace(MODELS["modern_cnn"].recipe, bf16=True), epochs=4, batch_size=32,
                                     lr=0.05, swa_fraction=0, ema_decay=0, augment=False, schedule="none", threads=1)
    runs = {}
    for fast in (True, False):
        monkeypatch.setattr(trainer, "fast_bfloat16", lambda device, fast=fast: fast)
        torch.manual_seed(0)
        model = build_model("modern_cnn", width=8)
        seen: list[torch.dtype] = []
        model.get_submodule("stem").register_forward_hook(lambda _m, _i, out, seen=seen: seen.append(out.dtype))
        losses: list[float] = []
        result = Trainer(model, config, on_batch=lambda m, losses=losses: losses.append(m.loss)).fit(digits, digits)
        assert result.precision == ("bfloat16" if fast else "float32")
        assert seen[0] == (torch.bfloat16 if fast else torch.float32)  # the first training batch
        assert seen[-1] == torch.float32  # the last epoch's test
        assert all(p.dtype == torch.float32 for p in model.parameters())
        runs[fast] = np.array(losses)
    bf16, fp32 = runs[True], runs[False]
    assert len(bf16) == len(fp32) == 32
    assert np.mean(fp32[-8:]) < 0.8 * np.mean(fp32[:8])  # the float32 run learns...
    assert np.abs(bf16 - fp32)[:8].max() < 0.05  # ...the bfloat16 run starts the same (rounding only)...
    assert np.mean(bf16[-8:]) < 0.8 * np.mean(bf16[:8])  # ...and learns too


def test_the_report_row_names_the_precision_it_trained_in(mnist, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import cnnviz.training.trainer as trainer

    monkeypatch.setattr(trainer, "fast_bfloat16", lambda device: True)
    spec = MODELS["modern_cnn"]
    monkeypatch.setitem(MODELS, "modern_cnn", replace(spec, recipe=replace(spec.recipe, bf16=True)))
    small = MnistData("MNIST", mnist.train_images[:64], mnist.train_labels[:64], mnist.test_images[:50],
                      mnist.test_labels[:50], mnist.class_names)
    report = build_report(small, ["modern_cnn", "small_cnn"], epochs=1, use_cache=False, folder=tmp_path,
                          device="cpu")
    assert [row.device for row in report.rows] == ["cpu, bfloat16", "cpu"]  # small_cnn's recipe keeps float32


def test_the_averaged_epochs_train_in_float32_after_bfloat16_ones(digits, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """With averaging, the recipe's one-cycle epochs run under bfloat16 (where it is fast) and the averaged
    epochs in float32, so the weights that are kept come from full-precision steps."""
    import cnnviz.training.trainer as trainer

    monkeypatch.setattr(trainer, "fast_bfloat16", lambda device: True)
    config = TrainConfig.from_recipe(replace(MODELS["modern_cnn"].recipe, bf16=True), epochs=3, batch_size=64,
                                     swa_fraction=2 / 3,
                                     augment=False, eval_each_epoch=False, threads=1)
    model = build_model("modern_cnn", width=8)
    dtypes: dict[int, set[torch.dtype]] = {}
    epoch = [1]
    model.get_submodule("stem").register_forward_hook(
        lambda m, _i, out: dtypes.setdefault(epoch[0], set()).add(out.dtype) if m.training else None)
    result = Trainer(model, config, on_batch=lambda b: epoch.__setitem__(0, b.epoch + (b.batch == b.batches_per_epoch))
                     ).fit(digits)
    assert result.precision == "bfloat16"
    assert dtypes.pop(1) == {torch.bfloat16}
    assert {2, 3} <= set(dtypes) and set().union(*dtypes.values()) == {torch.float32}  # and the averages' BN pass
