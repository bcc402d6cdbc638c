"""One training step on your digit (Draw & explore): the numbers shown are a real SGD step, checked by hand."""

from __future__ import annotations

import copy

import numpy as np
import torch
import torch.nn.functional as F

from cnnviz.data.transforms import MNIST_INPUT, to_spec_input


def _manual_step(model, image: np.ndarray, label: int, lr: float):  # type: ignore[no-untyped-def]
    """Loss, every gradient, the stepped copy and both probability vectors, with torch autograd on a copy."""
    work = copy.deepcopy(model).eval()
    x = to_spec_input(image[None], MNIST_INPUT)  # (1, 1, 28, 28)
    logits = work(x)
    loss = F.cross_entropy(logits, torch.tensor([label]))
    names = [n for n, _ in work.named_parameters()]
    grads = dict(zip(names, torch.autograd.grad(loss, list(work.parameters())), strict=True))
    before = {n: p.detach().clone() for n, p in work.named_parameters()}
    with torch.no_grad():
        for n, p in work.named_parameters():
            p -= lr * grads[n]
        new_logits = work(x)
    return (float(loss.detach()), float(F.cross_entropy(new_logits, torch.tensor([label]))), grads, before,
            {n: p.detach() for n, p in work.named_parameters()}, F.softmax(logits.detach(), 1)[0].numpy(),
            F.softmax(new_logits, 1)[0].numpy())


def test_one_step_shows_the_real_step_and_leaves_the_apps_model_alone(qtbot, draw_tab, mnist) -> None:  # type: ignore[no-untyped-def]
    state, panel = draw_tab.state, draw_tab.one_step
    model = state.model
    untouched = {n: v.clone() for n, v in model.state_dict().items()}
    with qtbot.waitSignal(panel.step_shown, timeout=10_000) as shown:
        draw_tab.side.setCurrentIndex(draw_tab.side.count() - 1)  # its tab beside the stage
    step = shown.args[0]
    image, label = state.image, int(mnist.test_labels[0])
    assert step.label == label == panel.label.currentIndex()  # the true label of test image 0
    loss, loss_after, grads, before, after, p_before, p_after = _manual_step(model, image, label, 0.05)
    name, flat = max(((n, int(g.abs().argmax())) for n, g in grads.items()),
                     key=lambda item: float(grads[item[0]].flatten()[item[1]].abs()))
    index = np.unravel_index(flat, tuple(grads[name].shape))
    assert (step.weight, step.index) == (name, tuple(int(i) for i in index))  # the largest gradient
    assert abs(step.loss_before - loss) < 1e-5 and abs(step.loss_after - loss_after) < 1e-5
    assert abs(step.gradient - float(grads[name][index])) < 1e-6
    assert abs(step.weight_before - float(before[name][index])) < 1e-6
    assert abs(step.weight_after - float(after[name][index])) < 1e-6
    np.testing.assert_allclose(panel.before_bars.opts["height"], p_before, atol=1e-5)
    np.testing.assert_allclose(panel.after_bars.opts["height"], p_after, atol=1e-5)
    text = panel.numbers.text()
    assert f"{loss:.4f} → {loss_after:.4f}" in text
    assert f"= {float(before[name][index]):.5f} − 0.05 × ({float(grads[name][index]):.5f}) = " in text
    assert all(torch.equal(v, untouched[n]) for n, v in model.state_dict().items())  # the app's model

    # Another label, learning rate and weight: the step follows them.
    other = (label + 1) % 10
    with qtbot.waitSignal(panel.step_shown, timeout=10_000):
        panel.label.setCurrentIndex(other)
        panel.label.activated.emit(other)
    with qtbot.waitSignal(panel.step_shown, timeout=10_000):
        panel.lr.setValue(0.5)
    chosen = panel.weight.findData("fc.weight")  # the explorer CNN's last layer
    assert chosen > 0
    with qtbot.waitSignal(panel.step_shown, timeout=10_000):
        panel.weight.setCurrentIndex(chosen)
    with qtbot.waitSignal(panel.step_shown, timeout=10_000) as shown:
        panel.position.setValue(3)
    step, weight = shown.args[0], panel.weight.currentData()
    loss, loss_after, grads, before, after, _, p_after = _manual_step(model, image, other, 0.5)
    index = np.unravel_index(3, tuple(grads[weight].shape))
    assert step.label == other and step.weight == weight and step.index == tuple(int(i) for i in index)
    assert abs(step.loss_before - loss) < 1e-5 and abs(step.loss_after - loss_after) < 1e-5
    assert abs(step.weight_after - (float(before[weight][index]) - 0.5 * float(grads[weight][index]))) < 1e-6
    np.testing.assert_allclose(panel.after_bars.opts["height"], p_after, atol=1e-5)
    assert all(torch.equal(v, untouched[n]) for n, v in model.state_dict().items())

    # A new digit: its own true label again.
    with qtbot.waitSignal(panel.step_shown, timeout=10_000) as shown:
        draw_tab.show_test_digit(1)
    assert shown.args[0].label == int(mnist.test_labels[1]) and panel.label.currentIndex() == shown.args[0].label
