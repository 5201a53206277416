"""`graph --format html` opened in headless Chromium: it draws, offline, with no network request."""

from __future__ import annotations

import os
import re
import shutil
import socket
import struct
import subprocess
import threading
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from csmconf.cli import main
from csmconf.pipeline import compile_config

CONFIGS = Path(__file__).resolve().parent.parent / "configs"

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def chromium():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing (.ci/run installs Debian's package)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return CHROMIUM


#: Chromium's own housekeeping (clock, component updates, sign-in), not requests of the page
BROWSER_HOSTS = (
    b"clients2.google.com",
    b"update.googleapis.com",
    b"accounts.google.com",
    b"redirector.gvt1.com",
    b"optimizationguide-pa.googleapis.com",
    b"content-autofill.googleapis.com",
)


def host_of(request: bytes) -> bytes:
    target = request.split(b" ", 2)[1] if request.count(b" ") >= 2 else b""
    return re.sub(rb"^[a-z]+://", b"", target).split(b"/")[0].split(b":")[0]


class RecordingProxy:
    """A proxy that accepts connections, records them, and answers nothing useful."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.requests: list[bytes] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    self.requests.append(conn.recv(4096))
                    conn.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    pass

    def close(self):
        self.sock.close()

    def page_requests(self) -> list[bytes]:
        # a connection opened and closed without a byte (a speculative preconnect) asks nothing
        return [r.split(b"\r\n")[0] for r in self.requests if r and host_of(r) not in BROWSER_HOSTS]


def browse(chromium, page: Path, *extra: str, proxy: RecordingProxy) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={page.parent / 'profile'}",
            f"--proxy-server=http://127.0.0.1:{proxy.port}",
            "--proxy-bypass-list=<-loopback>",
            "--virtual-time-budget=3000",
            *extra,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA PNG (what Chromium writes): width, height, rows of pixels."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        f, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, [bytes(r[i : i + 3]) for r in rows for i in range(0, stride, bpp)]


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    out = tmp_path_factory.mktemp("graph") / "graph.html"
    r = CliRunner().invoke(main, ["graph", "configs", "--format", "html", "-o", str(out)])
    assert r.exit_code == 0, r.output
    return out


def test_page_is_self_contained(page):
    text = page.read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in text and "default-src 'none'" in text
    assert not re.search(r"""\b(src|href)\s*=""", text), "no external resource of any kind"
    assert "https://" not in text and "cdn" not in text.lower()


def test_chromium_draws_every_node_with_no_network_request(chromium, page, tmp_path):
    proxy = RecordingProxy()
    try:
        dom = browse(chromium, page, "--dump-dom", proxy=proxy)
        shot = tmp_path / "graph.png"
        browse(chromium, page, f"--screenshot={shot}", "--window-size=1400,900", proxy=proxy)
    finally:
        proxy.close()
    assert dom.returncode == 0, dom.stderr[-2000:]
    # every node and edge of the example's access graph is drawn
    graph = compile_config(CONFIGS, run_tests=False).engine.graph
    assert len(re.findall(r'<g class="node[ "]', dom.stdout)) == graph.number_of_nodes()
    assert len(re.findall(r'<path class="edge"', dom.stdout)) == graph.number_of_edges()
    assert "contact:peter-robinson" in dom.stdout
    assert proxy.page_requests() == []
    width, height, pixels = png_pixels(shot)
    assert (width, height) == (1400, 900)
    colours = set(pixels)
    assert len(colours) > 20, "the screenshot is blank"
    # the node fills of accounts and contacts are on screen
    assert bytes.fromhex("e8e0ff") in colours and bytes.fromhex("dff5e1") in colours


def test_the_network_check_can_fail(chromium, tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!doctype html><script src="http://cdn.invalid/x.js"></script>', encoding="utf-8"
    )
    proxy = RecordingProxy()
    try:
        browse(chromium, bad, "--dump-dom", proxy=proxy)
    finally:
        proxy.close()
    assert any(b"cdn.invalid" in r for r in proxy.page_requests()), proxy.requests


def test_around_draws_a_neighbourhood(tmp_path):
    def nodes(*args):
        out = tmp_path / "n.html"
        r = CliRunner().invoke(main, ["graph", "--format", "html", "-o", str(out), *args])
        assert r.exit_code == 0, r.output
        return set(re.findall(r'<g class="node[^"]*" data-id="([^"]+)"', out.read_text()))

    one = nodes("--around", "contact:peter-robinson", "--depth", "1")
    assert one == {"contact:peter-robinson", "account:gsi-tech", "role:partner_admin"}
    two = nodes("--around", "contact:peter-robinson", "--depth", "2")
    whole = compile_config(CONFIGS, run_tests=False).engine.graph.number_of_nodes()
    assert one < two and "account:abc-corp" in two and len(two) < whole
    assert nodes("--around", "account:abc-corp", "--depth", "0") == {"account:abc-corp"}
    r = CliRunner().invoke(main, ["graph", "--around", "role:partner"])
    assert r.exit_code == 2
