"""Receptive fields of zoo models and the stacked-3×3 argument, computed from real modules."""

from __future__ import annotations

import pytest

from cnnviz.zoo.receptive import conv_stack, model_receptive_fields, stack_vs_single


def test_two_3x3_convs_see_5x5_with_fewer_parameters() -> None:
    c = stack_vs_single(layers=2, kernel=3, channels=64)
    assert c.stack_field == c.single_field == c.single_kernel == 5
    assert c.stack_parameters == 2 * (3 * 3 * 64 * 64 + 64)
    assert c.single_parameters == 5 * 5 * 64 * 64 + 64
    assert c.saving == pytest.approx(1 - 73_856 / 102_464)


def test_three_3x3_convs_see_7x7() -> None:
    c = stack_vs_single(layers=3)
    assert c.stack_field == 7 and c.stack_parameters < c.single_parameters


def test_conv_stack_keeps_the_image_size() -> None:
    import torch

    out = conv_stack(2, 3, 4)(torch.zeros(1, 4, 10, 10))
    assert out.shape == (1, 4, 10, 10)


def test_small_cnn_fields_grow_through_convs_and_pools() -> None:
    fields = {f.stage: f for f in model_receptive_fields("small_cnn")}
    assert [fields[s].size for s in ("conv1", "pool1", "conv2", "pool2")] == [3, 4, 8, 10]
    assert fields["pool2"].jump == 4 and fields["pool2"].output_shape == (64, 7, 7)
    assert not fields["fc1"].spatial
