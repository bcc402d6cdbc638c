"""``apply_filter`` is the same cross-correlation a Conv2d layer computes (zero padding, same size)."""

from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnviz.introspect import apply_filter


@settings(max_examples=30, deadline=None)
@given(h=st.integers(3, 30), w=st.integers(3, 30), kh=st.sampled_from([1, 3, 5]), kw=st.sampled_from([1, 3, 5]),
       seed=st.integers(0, 10_000))
def test_matches_conv2d(h: int, w: int, kh: int, kw: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    image = rng.random((h, w), dtype=np.float32)
    kernel = rng.standard_normal((kh, kw)).astype(np.float32)
    expected = F.conv2d(torch.from_numpy(image)[None, None], torch.from_numpy(kernel)[None, None],
                        padding=(kh // 2, kw // 2))[0, 0].numpy()
    out = apply_filter(image, kernel)
    assert out.shape == (h, w) and out.dtype == np.float32
    assert np.allclose(out, expected, atol=1e-5)
