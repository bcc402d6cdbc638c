"""``cnnviz data fetch``: downloads from a local HTTP server started here (the real sources need a network).

A good archive is verified, unpacked, registered and opens as a data set; a wrong checksum and a download
cut short are both refused, leaving no file or folder behind.
"""

from __future__ import annotations

import hashlib
import http.server
import io
import tarfile
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from data_sets import write_cifar10, write_mnist_format

from cnnviz.cli import main
from cnnviz.data import FASHION_CLASSES, open_data_folder
from cnnviz.data.fetch import SOURCES, FetchError, datasets_dir, fetch_source, fetched_sets


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the test's folder; paths under /cut/ announce the whole file but send only half of it."""

    def do_GET(self) -> None:
        if not self.path.startswith("/cut/"):
            super().do_GET()
            return
        body = (Path(self.directory) / self.path.removeprefix("/cut/")).read_bytes()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[: len(body) // 2])
        self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Path]]:
    """(base URL, folder it serves); the user-data folder is the test's own, so the registry starts empty."""
    monkeypatch.setenv("CNNVIZ_DATA_DIR", str(tmp_path / "user"))
    served = tmp_path / "served"
    served.mkdir()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: _Handler(*a, directory=str(served)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", served
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def _cifar_archive(tmp_path: Path, served: Path) -> tuple[str, str]:
    """A cifar-10-binary.tar.gz like the real one (a cifar-10-batches-bin/ folder inside); its MD5."""
    write_cifar10(tmp_path / "src", n_train=20, n_test=10)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        tar.add(tmp_path / "src" / "cifar-10-batches-bin", arcname="cifar-10-batches-bin")
    (served / "cifar-10-binary.tar.gz").write_bytes(buffer.getvalue())
    return "cifar-10-binary.tar.gz", hashlib.md5(buffer.getvalue(), usedforsecurity=False).hexdigest()


def _leftovers() -> list[Path]:
    return sorted(datasets_dir().iterdir()) if datasets_dir().exists() else []


def test_a_verified_archive_is_unpacked_registered_and_opens(server: tuple[str, Path], tmp_path: Path) -> None:
    url, served = server
    name, md5 = _cifar_archive(tmp_path, served)
    seen: list[int] = []
    folder = fetch_source(replace(SOURCES["cifar10"], files=((name, md5),)), base_url=url,
                          progress=lambda f, done, total: seen.append(done))
    assert seen and seen[-1] == (served / name).stat().st_size
    assert folder == datasets_dir() / "cifar10" and not (folder / name).exists()  # the archive is not kept
    assert [Path(e["path"]) for e in fetched_sets()] == [folder] and fetched_sets()[0]["title"] == "CIFAR-10"
    data = open_data_folder(folder)
    assert data.name == "CIFAR-10" and len(data.train_labels) == 20
    assert _leftovers() == [folder]


def test_idx_files_get_their_class_names(server: tuple[str, Path], tmp_path: Path) -> None:
    url, served = server
    write_mnist_format(served, n_train=30, n_test=10, classes=10, size=28)
    files = tuple((p.name, hashlib.md5(p.read_bytes(), usedforsecurity=False).hexdigest())
                  for p in sorted(served.glob("*.gz")))
    folder = fetch_source(replace(SOURCES["fashion-mnist"], files=files), base_url=url)
    assert open_data_folder(folder).class_names == FASHION_CLASSES


@pytest.mark.parametrize("case", ["wrong checksum", "cut short"])
def test_a_wrong_checksum_or_a_cut_download_is_refused_and_nothing_is_left(
        server: tuple[str, Path], tmp_path: Path, case: str) -> None:
    url, served = server
    name, md5 = _cifar_archive(tmp_path, served)
    if case == "wrong checksum":
        md5 = "0" * 32
    else:
        url += "cut/"
    with pytest.raises(FetchError) as info:
        fetch_source(replace(SOURCES["cifar10"], files=((name, md5),)), base_url=url)
    expected = "published checksum" if case == "wrong checksum" else "cut short"
    assert expected in str(info.value) and name in str(info.value)
    assert _leftovers() == [] and fetched_sets() == []


def test_cli_fetch_checks_the_published_checksum(server: tuple[str, Path], tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """The generated archive is not the real CIFAR-10: the command must refuse it and keep nothing."""
    url, served = server
    _cifar_archive(tmp_path, served)
    assert main(["data", "fetch", "cifar10", "--url", url]) == 2
    err = capsys.readouterr().err
    assert "does not match its published checksum" in err and SOURCES["cifar10"].files[0][1] in err
    assert _leftovers() == []


def test_plain_http_is_refused_except_on_this_machine() -> None:
    with pytest.raises(FetchError, match="only HTTPS"):
        fetch_source(SOURCES["cifar10"], base_url="http://example.org/")
