"""The lineage's module definitions against torchvision's own, parameter by parameter, where torchvision is
installed (a test-only check: torchvision's binaries must match the installed torch build exactly, so it is not
a dependency; run it with `pip install torch==2.14.1 torchvision==0.29.1` or any matching pair)."""

from __future__ import annotations

import pytest
import torch

from cnnviz.zoo.lineage import alexnet, on_meta, resnet50, vgg16
from cnnviz.zoo.lineage_nets import convnext_tiny, efficientnet_b0, googlenet

try:
    import torchvision.models as tvm
except Exception as exc:  # absent, or a build that does not match torch ("operator torchvision::nms ...")
    pytest.skip(f"torchvision is not usable here ({type(exc).__name__}: {str(exc)[:80]})", allow_module_level=True)


def _shapes(model: torch.nn.Module) -> list[tuple[int, ...]]:
    return [tuple(p.shape) for p in model.parameters()]


@pytest.mark.parametrize(("ours", "theirs"), [
    (alexnet, lambda: tvm.alexnet()),
    (vgg16, lambda: tvm.vgg16()),
    (googlenet, lambda: tvm.googlenet(aux_logits=False, init_weights=False)),
    (resnet50, lambda: tvm.resnet50()),
    (efficientnet_b0, lambda: tvm.efficientnet_b0()),
    (convnext_tiny, lambda: tvm.convnext_tiny()),
])
def test_every_parameter_has_torchvisions_shape_in_torchvisions_order(ours, theirs) -> None:  # type: ignore[no-untyped-def]
    mine, reference = on_meta(ours), on_meta(theirs)
    assert sum(p.numel() for p in mine.parameters()) == sum(p.numel() for p in reference.parameters())
    assert sorted(_shapes(mine)) == sorted(_shapes(reference))
