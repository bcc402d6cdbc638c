"""The zoo: every model runs on a digit batch, exposes named stages, and counts its own parameters."""

from __future__ import annotations

import pytest
import torch

from cnnviz.models import MODELS, build_model, count_parameters


def _parameters_from_layer_sizes(model: torch.nn.Module) -> int:
    """Count from each layer's declared sizes (the textbook formulas), never from its tensors."""
    total = 0
    for m in model.modules():
        if isinstance(m, torch.nn.Conv2d):
            kh, kw = m.kernel_size
            total += m.out_channels * (m.in_channels // m.groups) * kh * kw + (m.out_channels if m.bias is not None
                                                                                  else 0)
        elif isinstance(m, torch.nn.Linear):
            total += m.out_features * m.in_features + (m.out_features if m.bias is not None else 0)
        elif isinstance(m, (torch.nn.BatchNorm1d, torch.nn.BatchNorm2d)):
            total += 2 * m.num_features  # scale and shift; the running statistics are not trained
    return total


@pytest.mark.parametrize("name", list(MODELS))
def test_every_registered_model_maps_digits_to_ten_logits(name: str) -> None:
    model = build_model(name, in_channels=1).eval()  # every zoo model, built for grey digits
    out = model(torch.randn(3, 1, 28, 28))
    assert out.shape == (3, 10)
    assert torch.isfinite(out).all()
    assert model.arch == name
    assert count_parameters(model) == _parameters_from_layer_sizes(model)
    spec = MODELS[name]
    assert str(spec.description) and spec.recipe.epochs >= 1


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
