"""Fetching the well-known data sets from their official sources, for users who ask (never automatically).

Each file is downloaded over HTTPS into a temporary folder beside the destination, its published checksum
verified, archives unpacked (only regular files, no paths leaving the folder), and the folder renamed into
place when everything is complete: a wrong checksum, a cut-off download or a cancel leaves nothing behind.
Fetched sets are listed in ``datasets.json`` in the user-data folder (what File → Open data offers).

The checksums are the MD5 sums the sources publish (the CIFAR page; Fashion-MNIST's README; KMNIST's
README), as also used by torchvision. They could not be tried from where this was written (no network):
only the local test server exercised the code.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import json
import os
import secrets
import shutil
import tarfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from cnnviz.data.idx import DatasetError
from cnnviz.data.mnist import FASHION_CLASSES
from cnnviz.jobs import check
from cnnviz.paths import user_data_dir

URL_ENV = "CNNVIZ_FETCH_URL"  # replaces every source's base URL (a mirror; the tests' local server)
_CHUNK = 1 << 16
_TIMEOUT_S = 30


class FetchError(DatasetError):
    """A download failed, was cut short or did not match its published checksum; nothing was kept."""


@dataclass(frozen=True)
class Source:
    """One fetchable data set: where its files are, their published MD5 sums, and how to lay them out."""

    name: str  # what the user types: "cifar10"
    title: str  # "CIFAR-10"
    base_url: str
    files: tuple[tuple[str, str], ...]  # (file name, published MD5)
    unpack: bool = False  # the files are .tar.gz archives to unpack
    class_names: tuple[str, ...] = ()  # written to classes.txt when the files do not name their classes


SOURCES: dict[str, Source] = {s.name: s for s in (
    Source("fashion-mnist", "Fashion-MNIST",
           "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
           (("train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
            ("train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe"),
            ("t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79"),
            ("t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310")),
           class_names=FASHION_CLASSES),
    Source("kmnist", "Kuzushiji-MNIST", "https://codh.rois.ac.jp/kmnist/dataset/kmnist/",
           (("train-images-idx3-ubyte.gz", "bdb82020997e1d708af4cf47b453dcf7"),
            ("train-labels-idx1-ubyte.gz", "e144d726b3acfaa3e44228e80efcd344"),
            ("t10k-images-idx3-ubyte.gz", "5c965bf0a639b31b8f53240b1b52f4d7"),
            ("t10k-labels-idx1-ubyte.gz", "7320c461ea6c1c855c0b718fb2a4b134")),
           class_names=("o", "ki", "su", "tsu", "na", "ha", "ma", "ya", "re", "wo")),
    Source("cifar10", "CIFAR-10", "https://www.cs.toronto.edu/~kriz/",
           (("cifar-10-binary.tar.gz", "c32a1d4ab5d03f1284b67883e8d87530"),), unpack=True),
    Source("cifar100", "CIFAR-100", "https://www.cs.toronto.edu/~kriz/",
           (("cifar-100-binary.tar.gz", "03b5dce01913d631647c71ecec9e9cb8"),), unpack=True),
)}


def datasets_dir() -> Path:
    return user_data_dir() / "datasets"


def _registry_path() -> Path:
    return user_data_dir() / "datasets.json"


def fetched_sets() -> list[dict[str, Any]]:
    """The fetched data sets still on disk: ``{"name", "title", "path", "fetched"}`` each, newest last."""
    try:
        entries = json.loads(_registry_path().read_text())
    except (OSError, ValueError):
        return []
    if not isinstance(entries, list):
        return []
    return [e for e in entries if isinstance(e, dict) and Path(str(e.get("path", ""))).is_dir()]


def _register(source: Source, path: Path) -> None:
    entries = [e for e in fetched_sets() if e.get("name") != source.name]
    entries.append({"name": source.name, "title": source.title, "path": str(path),
                    "fetched": datetime.now(timezone.utc).isoformat(timespec="seconds")})
    tmp = _registry_path().with_suffix(f".{secrets.token_hex(4)}.tmp")
    tmp.write_text(json.dumps(entries, indent=1))
    os.replace(tmp, _registry_path())


def _check_url(url: str) -> None:
    """HTTPS only, except a server on this machine (a mirror being tested)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "https" and not (parts.scheme == "http" and parts.hostname in ("localhost", "127.0.0.1")):
        raise FetchError(f"{url}: only HTTPS sources are used (or http:// on localhost)")


def _download(url: str, target: Path, md5: str, progress: Callable[[int, int | None], None],
              should_stop: Callable[[], bool]) -> None:
    """``url`` into ``target``, checking its length and MD5; ``FetchError`` names the file when either fails."""
    digest = hashlib.md5(usedforsecurity=False)
    received = 0
    try:
        with urllib.request.urlopen(url, timeout=_TIMEOUT_S) as response, target.open("wb") as out:
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            while chunk := response.read(_CHUNK):
                check(should_stop)
                out.write(chunk)
                digest.update(chunk)
                received += len(chunk)
                progress(received, total)
    except http.client.IncompleteRead as exc:
        raise FetchError(f"{url}: the download was cut short after {len(exc.partial) + received:,} bytes; "
                         "try again") from None
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise FetchError(f"{url}: download failed ({reason}); check the connection and try again") from None
    if total is not None and received != total:
        raise FetchError(f"{url}: the download was cut short ({received:,} of {total:,} bytes); try again")
    if digest.hexdigest() != md5:
        raise FetchError(f"{url}: the file does not match its published checksum (MD5 {digest.hexdigest()}, "
                         f"expected {md5}); it was not kept")


def _unpack(archive: Path, into: Path) -> None:
    """Regular files and folders only, every path inside ``into`` (the "data" filter refuses the rest)."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(into, filter="data")
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise FetchError(f"{archive.name}: cannot be unpacked ({exc})") from None


ProgressFn = Callable[[str, int, int | None], None]  # (file name, bytes received, total bytes or None)


def fetch(name: str, *, base_url: str | None = None, progress: ProgressFn | None = None,
          should_stop: Callable[[], bool] | None = None) -> Path:
    """Download data set ``name`` (a key of ``SOURCES``), verify, unpack and register it; its folder is returned.

    ``base_url`` (or the ``CNNVIZ_FETCH_URL`` variable) replaces the source's address. ``progress(file, bytes,
    total or None)`` follows each file. Raises ``FetchError`` (nothing kept) or ``JobCancelled``.
    """
    try:
        source = SOURCES[name]
    except KeyError:
        raise FetchError(f"unknown data set {name!r}: choose one of {', '.join(SOURCES)}") from None
    return fetch_source(source, base_url=base_url, progress=progress, should_stop=should_stop)


def fetch_source(source: Source, *, base_url: str | None = None, progress: ProgressFn | None = None,
                 should_stop: Callable[[], bool] | None = None) -> Path:
    """``fetch`` for any ``Source`` (a mirror's own files and checksums; the tests' generated archives)."""
    base = base_url or os.environ.get(URL_ENV) or source.base_url
    base = base if base.endswith("/") else base + "/"
    _check_url(base)
    stop = should_stop or (lambda: False)
    destination = datasets_dir() / source.name
    datasets_dir().mkdir(parents=True, exist_ok=True)
    work = datasets_dir() / f".{source.name}.{secrets.token_hex(4)}.part"
    work.mkdir()
    try:
        for file_name, md5 in source.files:
            def report(done: int, total: int | None, file_name: str = file_name) -> None:
                if progress is not None:
                    progress(file_name, done, total)

            target = work / file_name
            _download(base + file_name, target, md5, report, stop)
            if source.unpack:
                _unpack(target, work)
                target.unlink()
        if source.class_names:
            (work / "classes.txt").write_text("\n".join(source.class_names) + "\n")
        if destination.exists():
            shutil.rmtree(destination)
        os.replace(work, destination)
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(work)
    _register(source, destination)
    return destination
