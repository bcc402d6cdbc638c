"""The packages a user installs work: the sdist and the wheel carry the bundled MNIST, its checksums, its
attribution and the LICENSE, install nothing generic into site-packages, and an installed wheel trains and
opens its window from a fresh virtual environment, away from the source checkout.

The sdist is built with setuptools' PEP 517 hook and the wheel from the sdist (what pip does for a user who
installs from a source release; it also keeps stale files of an in-tree ``build/`` out of the wheel).

Two fresh environments:
- default suite: a new venv holding only the wheel's declared dependencies and what they need in turn
  (linked from this test environment, not copied: copying torch took 1.5-3 min on the 2-core machine), into
  which pip installs the wheel with ``--no-index`` and checks it with ``pip check``. A dependency missing from
  pyproject.toml is then missing here too.
- ``-m slow``: a new venv where pip installs the wheel the ordinary way, torch from the local wheel
  (``torch==2.13.0`` in /opt/wheels, pip's find-links) and the rest from the index.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MNIST = ROOT / "resources" / "mnist"
DATA_FILES = sorted(p.name for p in MNIST.iterdir() if p.is_file())  # 4 .gz, SHA256SUMS, README.md

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="venv layout and console scripts of POSIX")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(sdist, wheel) built offline from this checkout."""
    out = tmp_path_factory.mktemp("dist")
    hook = f"from setuptools import build_meta; print(build_meta.build_sdist({str(out)!r}))"
    name = subprocess.run([sys.executable, "-c", hook], cwd=ROOT, check=True, capture_output=True, text=True)
    sdist = out / name.stdout.strip().splitlines()[-1]
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out),
                    str(sdist)], check=True, capture_output=True)
    (wheel,) = out.glob("cnnviz-*.whl")
    return sdist, wheel


def test_sdist_carries_the_data_checksums_attribution_and_licence(dists: tuple[Path, Path]) -> None:
    sdist, _ = dists
    with tarfile.open(sdist) as tar:
        prefix = tar.getnames()[0].split("/")[0]
        for name in [*(f"resources/mnist/{f}" for f in DATA_FILES), "resources/__init__.py", "LICENSE",
                     "README.md", "pyproject.toml"]:
            member = tar.extractfile(f"{prefix}/{name}")
            assert member is not None, name
            assert member.read() == (ROOT / name).read_bytes(), name


def test_wheel_installs_cnnviz_and_ui_only_with_the_data_inside_cnnviz(dists: tuple[Path, Path]) -> None:
    _, wheel = dists
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        top = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
        assert top == {"cnnviz", "ui"}  # no generic `resources`, `tests` or `benchmarks` in site-packages
        # every package of the source tree is in the wheel (pyproject.toml lists them by hand)
        source_packages = {str(p.parent.relative_to(ROOT)) for d in ("cnnviz", "ui") for p in (ROOT / d).rglob(
            "__init__.py")}
        wheel_packages = {n.rsplit("/", 1)[0] for n in names if n.endswith("/__init__.py")}
        assert wheel_packages == source_packages | {"cnnviz/_resources"}
        for f in DATA_FILES:  # byte for byte: the checksums in SHA256SUMS still hold for what is installed
            assert _sha256(zf.read(f"cnnviz/_resources/mnist/{f}")) == _sha256((MNIST / f).read_bytes()), f
        info = next(n.split("/")[0] for n in names if n.endswith(".dist-info/METADATA"))
        assert zf.read(f"{info}/licenses/LICENSE") == (ROOT / "LICENSE").read_bytes()
        attribution = zf.read(f"{info}/licenses/resources/mnist/README.md").decode()
        assert "Yann LeCun" in attribution and "Attribution-Share Alike 3.0" in attribution
        metadata = zf.read(f"{info}/METADATA").decode()
    assert "License-Expression: MIT" in metadata
    assert "MIT License" in (ROOT / "LICENSE").read_text()


def _requirement_closure(requirements: list[str]) -> list[importlib.metadata.Distribution]:
    """The installed distributions that ``requirements`` need, and those they need in turn (no extras)."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    found: dict[str, importlib.metadata.Distribution] = {}
    todo = list(requirements)
    while todo:
        req = Requirement(todo.pop())
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        key = canonicalize_name(req.name)
        if key not in found:
            found[key] = importlib.metadata.distribution(req.name)
            todo.extend(found[key].requires or [])
    return list(found.values())


def _fresh_venv(path: Path) -> tuple[Path, Path]:
    """A new venv without pip of its own (this environment's pip installs into it): (bin dir, site-packages)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True)
    python = path / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    return python.parent, Path(site)


def _pip(python: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # or pip sees the checkout as installed
    return subprocess.run([sys.executable, "-m", "pip", "--python", str(python), *args],
                          env=env, capture_output=True, text=True, timeout=900)


def _link_declared_dependencies(wheel: Path, site: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        info = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = zf.read(info).decode()
    requires = [line.split(":", 1)[1].strip() for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    for dist in _requirement_closure(requires):
        for top in {f.parts[0] for f in dist.files or []} - {"..", "__pycache__"}:
            target = site / top
            if not target.exists():
                target.symlink_to(Path(str(dist.locate_file(top))))


def _clean_env(user_dir: Path) -> dict[str, str]:
    """No PYTHONPATH and no resource override: the installed copy has to find everything by itself."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CNNVIZ_RESOURCES", "PYTHONHOME")}
    return env | {"CNNVIZ_DATA_DIR": str(user_dir), "QT_QPA_PLATFORM": "offscreen"}


def _check_installed_copy(bin_dir: Path, site: Path, work: Path) -> None:
    """Train with the ``cnnviz`` command, evaluate through ``python -m cnnviz``, open the window offscreen."""
    env = _clean_env(work / "user")
    show = "import cnnviz.paths, ui; print(cnnviz.paths.BUNDLED_MNIST_DIR); print(ui.__file__)"
    where = subprocess.run([str(bin_dir / "python"), "-c", show],
                           cwd=work, env=env, capture_output=True, text=True, check=True).stdout.split()
    assert all(Path(p).resolve().is_relative_to(site.resolve()) for p in where), where  # not the checkout

    train = subprocess.run(
        [str(bin_dir / "cnnviz"), "train", "--model", "logistic", "--epochs", "1", "--subset", "500", "--out", "m.pt"],
        cwd=work, env=env, capture_output=True, text=True, timeout=600)
    assert train.returncode == 0, train.stderr
    assert (work / "m.pt").is_file()
    accuracy = float(train.stdout.split("test accuracy ")[1].split("%")[0])
    assert accuracy > 20  # it learned: chance is 10% (measured 34.6%: one epoch of 500 digits is few steps)

    ev = subprocess.run([str(bin_dir / "python"), "-m", "cnnviz", "eval", "m.pt"],
                        cwd=work, env=env, capture_output=True, text=True, timeout=300)
    assert ev.returncode == 0, ev.stderr
    assert f"accuracy {accuracy:.2f}%" in ev.stdout  # the same model, reloaded, on the same 10,000 digits

    app = subprocess.run([str(bin_dir / "cnnviz")], cwd=work, env=env | {"CNNVIZ_EXIT_AFTER_SHOWN": "1"},
                         capture_output=True, text=True, timeout=300)
    assert app.returncode == 0, app.stderr
    assert "CNNVIZ_SHOWN" in app.stdout and "visible=True" in app.stdout, app.stdout + app.stderr


def test_installed_wheel_trains_and_opens_the_window(dists: tuple[Path, Path], tmp_path: Path) -> None:
    _, wheel = dists
    bin_dir, site = _fresh_venv(tmp_path / "venv")
    _link_declared_dependencies(wheel, site)
    install = _pip(bin_dir / "python", "install", "--no-index", "-q", str(wheel))
    assert install.returncode == 0, install.stderr  # every dependency the wheel declares is satisfied
    check = _pip(bin_dir / "python", "check")
    assert check.returncode == 0, check.stdout
    (tmp_path / "work").mkdir()
    _check_installed_copy(bin_dir, site, tmp_path / "work")


@pytest.mark.slow
def test_pip_install_of_the_wheel_from_the_index(dists: tuple[Path, Path], tmp_path: Path,
                                                 request: pytest.FixtureRequest) -> None:
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("a full pip install (torch unpacked: 1.5-3 min here): run with -m slow")
    _, wheel = dists
    bin_dir, site = _fresh_venv(tmp_path / "venv")
    install = _pip(bin_dir / "python", "install", "-q", "torch==2.13.0", str(wheel))
    assert install.returncode == 0, install.stderr
    (tmp_path / "work").mkdir()
    _check_installed_copy(bin_dir, site, tmp_path / "work")
