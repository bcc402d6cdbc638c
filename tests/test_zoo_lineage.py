"""The lineage's parameter counts are computed from real module definitions and match the published ones."""

from __future__ import annotations

import pytest
import torch

from cnnviz.zoo.lineage import alexnet, dense_vs_conv, historic_networks, lineage_table, on_meta, resnet50, vgg16

PUBLISHED = {"LeNet-5": 61_706, "AlexNet": 61_100_840, "VGG-16": 138_357_544, "ResNet-50": 25_557_032}


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
    for build in (alexnet, vgg16, resnet50):
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
