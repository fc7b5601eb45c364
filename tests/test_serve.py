"""brandsite.preview.serve: a built site served as a production host would serve it."""

from __future__ import annotations

import gzip
import http.client

import pytest

from brandsite.preview.serve import serve


@pytest.fixture
def server(tmp_path):
    (tmp_path / "brands").mkdir()
    (tmp_path / "index.html").write_text("<p>home " + "x" * 2000 + "</p>", encoding="utf-8")
    (tmp_path / "brands" / "index.html").write_text("<p>品牌</p>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<h1>找不到页面</h1>", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG fake")
    (tmp_path.parent / "secret.txt").write_text("no")
    running = serve(tmp_path, prefix="/brands-site/")
    yield running
    running.shutdown()
    running.server_close()


def get(server, path: str, gzip_ok: bool = True) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=10)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    response = connection.getresponse()
    response.data = response.read()
    connection.close()
    return response


def test_text_is_sent_gzip_compressed_to_browsers_that_accept_it(server):
    response = get(server, "/brands-site/")
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert gzip.decompress(response.data).startswith(b"<p>home")
    assert len(response.data) < 200
    plain = get(server, "/brands-site/", gzip_ok=False)
    assert plain.getheader("Content-Encoding") is None and plain.data.startswith(b"<p>home")


def test_images_are_sent_as_they_are(server):
    response = get(server, "/brands-site/logo.png")
    assert response.getheader("Content-Encoding") is None
    assert response.data == b"\x89PNG fake"


def test_a_folder_without_its_slash_is_redirected(server):
    response = get(server, "/brands-site/brands?q=1")
    assert response.status == 301
    assert response.getheader("Location") == "/brands-site/brands/?q=1"


@pytest.mark.parametrize(
    "path",
    ["/brands-site/nope/", "/elsewhere/", "/brands-site/../secret.txt", "/brands-site/%2e%2e/secret.txt"],
)
def test_anything_else_gets_the_sites_404_page(server, path):
    response = get(server, path)
    assert response.status == 404
    assert "找不到页面" in gzip.decompress(response.data).decode("utf-8")
