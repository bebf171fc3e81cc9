"""End to end: `monitor feeds import` takes only absolute http(s) feed URLs, in linear time."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr

from monitor.usecases.feeds import feed_name_for, import_url_problem

HOSTILE_URLS = [
    "file:///etc/passwd",
    "javascript:alert(1)",
    "gopher://127.0.0.1:25/xHELO",
    "relative/feed.xml",
    "/etc/passwd",
    "https://bad.example/a feed",
    "http://:80/feed",
]


def opml(path: Path, outlines: list[tuple[str, str]]) -> Path:
    body = "".join(
        f'<outline type="rss" text={quoteattr(t)} xmlUrl={quoteattr(u)}/>' for t, u in outlines
    )
    path.write_text(f'<?xml version="1.0"?><opml version="2.0"><body>{body}</body></opml>')
    return path


def test_import_rejects_what_is_no_http_feed(monitor, tmp_path: Path) -> None:
    monitor.write_config([])
    good = "https://news.example.org/rss"
    outlines = [("Hostile [/]", u) for u in HOSTILE_URLS]
    src = opml(tmp_path / "mixed.opml", [*outlines, ("Good", good)])
    proc = monitor.run("feeds", "import", str(src), check=True)
    assert "1 added, 0 skipped, 7 rejected" in proc.stdout, proc.stdout
    for url in ("file:///etc/passwd", "javascript:alert(1)", "gopher://", "/etc/passwd"):
        assert f"rejected {url}" in proc.stdout
    assert [u for (u,) in monitor.sql("SELECT url FROM feeds")] == [good]


def test_import_of_many_outlines(monitor, tmp_path: Path) -> None:
    """20,000 outlines, half of one title: every one stored under its own name."""
    monitor.write_config([])
    outlines = [("Same title" if i % 2 else f"Feed {i}", f"https://f{i}.example/rss")
                for i in range(20_000)]  # fmt: skip
    proc = monitor.run("feeds", "import", str(opml(tmp_path / "big.opml", outlines)), check=True)
    assert "20000 added, 0 skipped" in proc.stdout
    (count, names) = monitor.sql("SELECT count(*), count(DISTINCT name) FROM feeds")[0]
    assert count == names == 20_000
    again = monitor.run("feeds", "import", str(tmp_path / "big.opml"), check=True)
    assert "0 added, 20000 skipped" in again.stdout


def test_url_rules_and_names() -> None:
    assert import_url_problem("https://ok.example/feed?x=1") is None
    for url in [*HOSTILE_URLS, "https://bad.example/\x1b[2J"]:
        assert import_url_problem(url), url
    taken: set[str] = set()
    counters: dict[str, int] = {}
    names = [feed_name_for("Same", "https://x", taken, counters) for _ in range(4)]
    assert names == ["same", "same-2", "same-3", "same-4"]
