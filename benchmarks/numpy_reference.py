"""A straightforward pure-NumPy explorer CNN (im2col convolutions, Adam) as the speed reference.

The seed's playground trained its network in pure NumPy; this is the textbook version of that:
convolution as im2col + one matrix product, 2×2 max pooling by reshaping, hand-written
back-propagation and Adam. Its gradients match PyTorch's (the smoke test checks), so the
ratio compares the same computation.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import torch
from numpy.lib.stride_tricks import sliding_window_view

from benchmarks.common import Figure, at_least, median
from benchmarks.throughput import Rate, trainer_rate, training_data
from cnnviz.models import MODELS, build_model

RATIO_TARGET = 20.0
Params = dict[str, np.ndarray]


def im2col(x: np.ndarray, k: int = 3, pad: int = 1) -> np.ndarray:
    """(N, C, H, W) → (N·H·W, C·k·k): every k×k neighbourhood as a row (stride 1, same size)."""
    n, c, h, w = x.shape
    padded = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    windows = sliding_window_view(padded, (k, k), axis=(2, 3))  # (N, C, H, W, k, k)
    return windows.transpose(0, 2, 3, 1, 4, 5).reshape(n * h * w, c * k * k)


def col2im(cols: np.ndarray, shape: tuple[int, ...], k: int = 3, pad: int = 1) -> np.ndarray:
    """The adjoint of ``im2col``: add each row's gradient back onto the pixels it came from."""
    n, c, h, w = shape
    cols = cols.reshape(n, h, w, c, k, k)
    grad = np.zeros((n, c, h + 2 * pad, w + 2 * pad), cols.dtype)
    for i in range(k):
        for j in range(k):
            grad[:, :, i : i + h, j : j + w] += cols[:, :, :, :, i, j].transpose(0, 3, 1, 2)
    return grad[:, :, pad : pad + h, pad : pad + w]


def conv_forward(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n, _, h, w = x.shape
    cols = im2col(x, weight.shape[-1])
    out = cols @ weight.reshape(weight.shape[0], -1).T + bias
    return out.reshape(n, h, w, -1).transpose(0, 3, 1, 2), cols


def conv_backward(grad_out: np.ndarray, cols: np.ndarray, weight: np.ndarray,
                  x_shape: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    g = grad_out.transpose(0, 2, 3, 1).reshape(-1, weight.shape[0])
    grad_w = (g.T @ cols).reshape(weight.shape)
    grad_x = col2im(g @ weight.reshape(weight.shape[0], -1), x_shape, weight.shape[-1])
    return grad_x, grad_w, g.sum(0)


def pool_forward(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """2×2 max pooling; also returns which of the four cells won (for the backward pass)."""
    n, c, h, w = x.shape
    windows = x.reshape(n, c, h // 2, 2, w // 2, 2).transpose(0, 1, 2, 4, 3, 5).reshape(n, c, h // 2, w // 2, 4)
    winner = windows.argmax(-1)
    return np.take_along_axis(windows, winner[..., None], -1)[..., 0], winner


def pool_backward(grad_out: np.ndarray, winner: np.ndarray) -> np.ndarray:
    n, c, h2, w2 = grad_out.shape
    grad = np.zeros((n, c, h2, w2, 4), grad_out.dtype)
    np.put_along_axis(grad, winner[..., None], grad_out[..., None], -1)
    return grad.reshape(n, c, h2, w2, 2, 2).transpose(0, 1, 2, 4, 3, 5).reshape(n, c, h2 * 2, w2 * 2)


def loss_and_gradients(p: Params, x: np.ndarray, y: np.ndarray) -> tuple[float, Params]:
    """Mean cross-entropy of the explorer CNN on (x, y) and its gradient for every parameter."""
    z1, cols1 = conv_forward(x, p["conv1.0.weight"], p["conv1.0.bias"])
    a1 = np.maximum(z1, 0)
    p1, win1 = pool_forward(a1)
    z2, cols2 = conv_forward(p1, p["conv2.0.weight"], p["conv2.0.bias"])
    a2 = np.maximum(z2, 0)
    p2, win2 = pool_forward(a2)
    flat = p2.reshape(len(x), -1)
    logits = flat @ p["fc.weight"].T + p["fc.bias"]
    shifted = logits - logits.max(1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(1, keepdims=True))
    loss = -float(log_probs[np.arange(len(y)), y].mean())

    g_logits = np.exp(log_probs)
    g_logits[np.arange(len(y)), y] -= 1
    g_logits /= len(y)
    grads = {"fc.weight": g_logits.T @ flat, "fc.bias": g_logits.sum(0)}
    g_p2 = (g_logits @ p["fc.weight"]).reshape(p2.shape)
    g_z2 = pool_backward(g_p2, win2) * (z2 > 0)
    g_p1, grads["conv2.0.weight"], grads["conv2.0.bias"] = conv_backward(g_z2, cols2, p["conv2.0.weight"], p1.shape)
    g_z1 = pool_backward(g_p1, win1) * (z1 > 0)
    _, grads["conv1.0.weight"], grads["conv1.0.bias"] = conv_backward(g_z1, cols1, p["conv1.0.weight"], x.shape)
    return loss, grads


class NumpyAdam:
    """torch.optim.Adam's update (no weight decay), written out."""

    def __init__(self, params: Params, lr: float, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8):
        self.lr, self.betas, self.eps, self.t = lr, betas, eps, 0
        self.m = {k: np.zeros_like(v) for k, v in params.items()}
        self.v = {k: np.zeros_like(v) for k, v in params.items()}

    def step(self, params: Params, grads: Params) -> None:
        self.t += 1
        b1, b2 = self.betas
        for k, g in grads.items():
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            m_hat = self.m[k] / (1 - b1**self.t)
            v_hat = self.v[k] / (1 - b2**self.t)
            params[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)


def initial_params(seed: int = 0) -> Params:
    """The explorer CNN's initial weights, taken from the PyTorch model so both start equal."""
    torch.manual_seed(seed)
    return {k: v.detach().numpy().copy() for k, v in build_model("explorer_cnn").state_dict().items()}


def numpy_rate(x: np.ndarray, y: np.ndarray, batch_size: int, lr: float) -> Rate:
    """Samples per second (by the clock and by CPU time) of one epoch of mini-batch training in NumPy."""
    params = initial_params()
    optimizer = NumpyAdam(params, lr)
    order = np.random.default_rng(0).permutation(len(y))
    wall, cpu = time.perf_counter(), time.process_time()
    for b in range(0, len(y), batch_size):
        idx = order[b : b + batch_size]
        _, grads = loss_and_gradients(params, x[idx], y[idx])
        optimizer.step(params, grads)
    return Rate(len(y) / (time.perf_counter() - wall), len(y) / max(time.process_time() - cpu, 1e-9))


def numpy_rate_one_blas_thread(samples: int, batch_size: int, lr: float) -> Rate:
    """``numpy_rate`` in a fresh process whose BLAS uses one thread, as the app's Trainer does here.

    OpenBLAS reads its thread count only when NumPy is first imported, hence the separate process.
    """
    code = ("import sys; from benchmarks.numpy_reference import numpy_rate; "
            "from benchmarks.throughput import training_data; "
            f"d = training_data({samples}); r = numpy_rate(d.x.numpy(), d.y.numpy(), {batch_size}, {lr}); "
            "print(r.wall, r.cpu)")
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=Path(__file__).resolve().parent.parent,
                         capture_output=True, text=True, check=True).stdout.split()
    return Rate(float(out[-2]), float(out[-1]))


def run(quick: bool = False) -> list[Figure]:
    samples, numpy_samples, repeats = (128, 64, 1) if quick else (2048, 1024, 3)
    recipe = MODELS["explorer_cnn"].recipe
    data = training_data(samples)
    x, y = data.x.numpy(), data.y.numpy()
    ref: list[Rate] = []
    app: list[Rate] = []
    ref_one: list[Rate] = []
    for _ in range(repeats):
        ref.append(numpy_rate(x[:numpy_samples], y[:numpy_samples], recipe.batch_size, recipe.lr))
        ref_one.append(numpy_rate_one_blas_thread(numpy_samples, recipe.batch_size, recipe.lr))
        app.append(trainer_rate("explorer_cnn", data, recipe.batch_size, recipe.lr))
    detail = (f"explorer CNN, batch {recipe.batch_size}, Adam; NumPy on {numpy_samples} digits with its default "
              f"BLAS threads, Trainer on {samples} with its own thread choice; median of {repeats} interleaved")
    ref_wall, app_wall = median([r.wall for r in ref]), median([r.wall for r in app])
    ref_cpu, app_cpu = median([r.cpu for r in ref]), median([r.cpu for r in app])
    return [
        Figure("numpy", "pure-NumPy im2col training", ref_wall, "samples/s", detail=detail),
        Figure("numpy", "app Trainer training", app_wall, "samples/s", detail=detail),
        at_least("numpy", "app / NumPy reference", app_wall / ref_wall, "×", RATIO_TARGET, detail),
        at_least("numpy", "app / NumPy reference, by CPU time", app_cpu / ref_cpu, "×", RATIO_TARGET, detail),
        Figure("numpy", "pure-NumPy, one BLAS thread (as the app's Trainer here)", median([r.wall for r in ref_one]),
               "samples/s", detail=detail),
        at_least("numpy", "app / NumPy reference, both on one thread", app_wall / median([r.wall for r in ref_one]),
                 "×", RATIO_TARGET, detail),
    ]
