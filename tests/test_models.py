"""The zoo: every model runs on a digit batch, exposes named stages, and counts its own parameters."""

from __future__ import annotations

import pytest
import torch

from cnnviz.models import MODELS, build_model, count_parameters


@pytest.mark.parametrize("name", list(MODELS))
def test_every_registered_model_maps_digits_to_ten_logits(name: str) -> None:
    model = build_model(name).eval()
    out = model(torch.randn(3, 1, 28, 28))
    assert out.shape == (3, 10)
    assert torch.isfinite(out).all()
    assert model.arch == name
    assert count_parameters(model) == sum(count_parameters(m) for m in model.children())
    spec = MODELS[name]
    assert spec.description and spec.recipe.epochs >= 1


def test_explorer_pipeline_is_the_playground_layout_with_configurable_filters() -> None:
    model = build_model("explorer_cnn", conv1_filters=4, conv2_filters=6)
    assert model.stage_names() == ["conv1", "pool1", "conv2", "pool2", "flatten", "fc"]
    assert model.arch_kwargs["conv1_filters"] == 4
    conv1 = model.conv1[0]
    assert isinstance(conv1, torch.nn.Conv2d) and conv1.out_channels == 4
    assert count_parameters(model) == (4 * 9 + 4) + (6 * 4 * 9 + 6) + (6 * 7 * 7 * 10 + 10)


def test_lenet5_has_the_classic_parameter_count() -> None:
    assert count_parameters(build_model("lenet5")) == 61_706
    assert isinstance(build_model("lenet5").pool1, torch.nn.AvgPool2d)


def test_mlp_hidden_size_is_configurable_and_unknown_names_list_the_choices() -> None:
    assert count_parameters(build_model("mlp", hidden=32)) == 784 * 32 + 32 + 32 * 10 + 10
    with pytest.raises(ValueError, match="choose one of: logistic"):
        build_model("resnet9000")
