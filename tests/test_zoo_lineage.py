"""The lineage's parameter counts are computed from real module definitions and match the published ones."""

from __future__ import annotations

import pytest
import torch

from cnnviz.zoo.lineage import alexnet, dense_vs_conv, historic_networks, lineage_table, on_meta, resnet50, vgg16
from cnnviz.zoo.lineage_nets import (
    Inception,
    convnext_tiny,
    efficientnet_b0,
    googlenet,
    inception_anatomy,
    multiply_adds,
    pointwise_as_linear,
)

# torchvision's model documentation (and LeNet-5's from its paper's layer sizes); tests/test_lineage_torchvision.py
# compares the definitions with torchvision's own modules where torchvision is installed.
PUBLISHED = {"LeNet-5": 61_706, "AlexNet": 61_100_840, "VGG-16": 138_357_544, "GoogLeNet": 6_624_904,
             "ResNet-50": 25_557_032, "EfficientNet-B0": 5_288_548, "ConvNeXt-T": 28_589_128}


def test_historic_parameter_counts_match_published_values() -> None:
    counts = {entry.name: entry.parameters for entry in historic_networks()}
    assert counts == PUBLISHED


def test_years_are_in_historical_order() -> None:
    years = [entry.year for entry in historic_networks()]
    assert years == sorted(years) and years[0] == 1998


@pytest.mark.parametrize("build", [alexnet, vgg16, resnet50])
def test_large_networks_live_on_the_meta_device(build) -> None:  # type: ignore[no-untyped-def]
    model = on_meta(build)
    assert all(p.device.type == "meta" for p in model.parameters())


def test_meta_definitions_run_and_give_imagenet_logits() -> None:
    """Shapes propagate through the definitions (a wrong in_features would fail here)."""
    x = torch.empty(2, 3, 224, 224, device="meta")
    for build in (alexnet, vgg16, resnet50, googlenet, efficientnet_b0, convnext_tiny):
        assert on_meta(build)(x).shape == (2, 1000)


def test_dense_layer_on_a_photo_dwarfs_alexnets_first_conv() -> None:
    cmp = dense_vs_conv()
    assert cmp.dense_parameters == 224 * 224 * 3 * 1000 + 1000
    assert cmp.conv_parameters == 96 * 11 * 11 * 3 + 96
    assert cmp.ratio > 4000


def test_app_models_are_counted_from_the_registry() -> None:

    table = {entry.name: entry for entry in lineage_table()}
    # conv 1→32 (3×3), conv 32→64 (3×3), dense 64·7·7→128, dense 128→10, each with biases
    assert table["small_cnn"].parameters == (32 * 9 + 32) + (64 * 32 * 9 + 64) + (128 * 64 * 49 + 128) + (10 * 128 + 10)
    assert table["small_cnn"].year is None
    assert "lenet5" not in table  # shown once, as the historic LeNet-5


def test_the_inception_module_opened_up_computes_what_the_bottlenecks_save() -> None:
    a = inception_anatomy("3a")
    assert a.input_shape == (192, 28, 28)
    assert [str(b.name) for b in a.branches] == ["1×1", "3×3", "5×5", "pool"]
    assert a.out_channels == 64 + 128 + 32 + 32 == 256
    # by hand: a k×k conv from c_in to c_out on 28×28 costs 28·28·c_out·c_in·k² multiply-adds
    five = a.branches[2]
    assert five.multiply_adds == 28 * 28 * (16 * 192 * 1 + 32 * 16 * 25)
    assert a.naive_branches[2].multiply_adds == 28 * 28 * 32 * 192 * 25
    assert five.parameters == (192 * 16 + 2 * 16) + (16 * 32 * 25 + 2 * 32)  # convs without bias, batch norm γ, β
    assert a.naive_parameters > 2 * a.parameters and a.naive_multiply_adds > 2 * a.multiply_adds
    assert a.naive_branches[3].out_channels == 192  # the pooled input passes through: the output keeps growing


def test_multiply_adds_follow_the_convolution_formula() -> None:
    conv = torch.nn.Conv2d(3, 8, 5, stride=2, padding=2, groups=1)
    assert multiply_adds(conv, (3, 32, 32)) == 16 * 16 * 8 * 3 * 25
    depthwise = torch.nn.Conv2d(8, 8, 3, padding=1, groups=8)
    assert multiply_adds(depthwise, (8, 10, 10)) == 10 * 10 * 8 * 1 * 9


def test_a_one_by_one_convolution_is_a_per_pixel_fully_connected_layer() -> None:
    torch.manual_seed(0)
    conv = torch.nn.Conv2d(6, 4, 1)
    linear = pointwise_as_linear(conv)
    x = torch.randn(2, 6, 5, 7)
    per_pixel = linear(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)  # the same layer at every pixel
    assert torch.allclose(conv(x), per_pixel, atol=1e-6)
    with pytest.raises(ValueError, match="1×1"):
        pointwise_as_linear(torch.nn.Conv2d(6, 4, 3))


def test_the_inception_definition_keeps_torchvisions_three_by_three_in_the_five_by_five_branch() -> None:
    module = on_meta(lambda: Inception(192, 64, 96, 128, 16, 32, 32))
    kernels = [m.kernel_size for m in module.branch3.modules() if isinstance(m, torch.nn.Conv2d)]
    assert kernels == [(1, 1), (3, 3)]  # what torchvision's GoogLeNet (and its 6,624,904 parameters) uses
