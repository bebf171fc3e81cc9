"""A catalogue of hostile feeds (and good ones) for the all-hostile poll: test and bench share it.

``serve_hostile(server, private, tmp)`` sets up routes on ``server`` (127.0.0.1) and ``private``
(127.0.0.2, standing in for a host on a private network), makes local hostile files under
``tmp`` and returns the config's feed list, the expected error of each hostile feed (a
substring) and the feeds expected to come through.
"""

from __future__ import annotations

import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from feedserver import FIXTURES, FeedServer

ITEM = (
    "<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>"
    "<description>{summary}</description></item>"
)


def rss(items: str, channel_extra: str = "", prolog: str = "") -> bytes:
    """An RSS 2.0 document around ``items`` (already XML)."""
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n{prolog}'
        f'<rss version="2.0"><channel><title>Hostile</title>{channel_extra}{items}'
        "</channel></rss>"
    ).encode()


def item(n: int, title: str = "Tajik border guards on the Panj", summary: str = "") -> str:
    return ITEM.format(
        title=title,
        link=f"https://news.example.org/{n}",
        guid=f"hostile-{n}",
        summary=summary or f"Item {n} about Badakhshan.",
    )


def entity_bomb() -> bytes:
    """One 1 MB internal entity referenced 400 times: 400 MB once expanded (under the 10 MB cap)."""
    value = "x" * 1_000_000
    prolog = f'<!DOCTYPE rss [\n<!ENTITY big "{value}">\n]>\n'
    items = "".join(item(i, title="&big;") for i in range(400))
    return rss(items, prolog=prolog)


def billion_laughs() -> bytes:
    decls = ['<!ENTITY l0 "lol">']
    decls += [f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)]
    prolog = "<!DOCTYPE rss [\n" + "\n".join(decls) + "\n]>\n"
    return rss(item(1, title="&l9;"), prolog=prolog)


def html_bomb(unit: str, count: int) -> bytes:
    """A summary of ``count`` times ``unit`` (escaped into the XML): the old cleaner's worst."""
    markup = (unit * count).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return rss(item(1, title="Border bomb", summary=markup))


def slow_to_parse(items: int = 45_000) -> bytes:
    """A large, valid feed that takes the parser several seconds."""
    return rss("".join(item(i, summary=f"<p>Entry {i} <b>text</b></p>") for i in range(items)))


def deflate_raw(body: bytes) -> bytes:
    z = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return z.compress(body) + z.flush()


@dataclass
class Catalogue:
    feeds: list[dict[str, object]] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)  # name: expected error substring
    good: dict[str, int] = field(default_factory=dict)  # name: entries expected
    odd_ok: dict[str, int] = field(default_factory=dict)  # hostile hints, yet stored


def serve_hostile(
    server: FeedServer, private: FeedServer, tmp: Path, *, slow_parse: bool = True
) -> Catalogue:
    """Routes and local files for every kind of hostile feed, plus good feeds."""
    cat = Catalogue()

    def add(name: str, url: str) -> None:
        cat.feeds.append({"name": name, "url": url})

    for path, fixture, count in (
        ("/good-rss.xml", "rss2.xml", 5),
        ("/good-atom.xml", "atom.xml", 4),
        ("/good-persian.xml", "persian.xml", 4),
    ):
        server.fixture(path, fixture)
        name = path.strip("/").removesuffix(".xml")
        add(name, server.url(path))
        cat.good[name] = count
    # a feed behind a raw-deflate Content-Encoding (no zlib header), as some servers send it
    raw = deflate_raw((FIXTURES / "rss2.xml").read_bytes())
    server.routes["/raw-deflate.xml"] = lambda h: h.reply(
        200, raw, "application/rss+xml", {"Content-Encoding": "deflate"}
    )
    add("raw-deflate", server.url("/raw-deflate.xml"))
    cat.good["raw-deflate"] = 5

    # server hints far beyond any calendar: clamped, the feed's entries stored
    server.feed("/huge-ttl.xml", rss(item(1), "<ttl>99999999999999999999</ttl>"))
    add("huge-ttl", server.url("/huge-ttl.xml"))
    cat.odd_ok["huge-ttl"] = 1
    server.feed(
        "/huge-max-age.xml",
        rss(item(2)),
        extra={"Cache-Control": "max-age=99999999999999999999999999", "Expires": "x"},
    )
    add("huge-max-age", server.url("/huge-max-age.xml"))
    cat.odd_ok["huge-max-age"] = 1
    server.feed(
        "/far-expires.xml", rss(item(3)), extra={"Expires": "Fri, 31 Dec 9999 23:59:59 GMT"}
    )
    add("far-expires", server.url("/far-expires.xml"))
    cat.odd_ok["far-expires"] = 1
    server.status("/absurd-retry.xml", 503, {"Retry-After": "99999999999999999999"})
    add("absurd-retry", server.url("/absurd-retry.xml"))
    cat.errors["absurd-retry"] = "503"
    server.status("/absurd-retry-date.xml", 429, {"Retry-After": "Fri, 31 Dec 9999 23:59:59 GMT"})
    add("absurd-retry-date", server.url("/absurd-retry-date.xml"))
    cat.errors["absurd-retry-date"] = "429"

    # markup that made the old text cleaner quadratic: now stored, in linear time
    server.feed("/unclosed-p.xml", html_bomb("<p ", 300_000))
    add("unclosed-p", server.url("/unclosed-p.xml"))
    cat.odd_ok["unclosed-p"] = 1
    server.feed("/unclosed-script.xml", html_bomb("<script>", 120_000))
    add("unclosed-script", server.url("/unclosed-script.xml"))
    cat.odd_ok["unclosed-script"] = 1
    server.feed("/nested-div.xml", html_bomb("<div>", 200_000))
    add("nested-div", server.url("/nested-div.xml"))
    cat.odd_ok["nested-div"] = 1

    # entity expansion
    server.feed("/entity-bomb.xml", entity_bomb())
    add("entity-bomb", server.url("/entity-bomb.xml"))
    cat.errors["entity-bomb"] = "entities"
    server.feed("/laughs.xml", billion_laughs())
    add("laughs", server.url("/laughs.xml"))
    cat.errors["laughs"] = "entities"

    # a parse that outlives the parse deadline (the test sets it short)
    if slow_parse:
        server.feed("/slow-parse.xml", slow_to_parse())
        add("slow-parse", server.url("/slow-parse.xml"))
        cat.errors["slow-parse"] = "longer than"

    # where a feed may lead: redirects to a private host, by address and by name
    private.fixture("/internal.xml", "rss2.xml")
    server.redirect("/to-private.xml", 301, private.url("/internal.xml"))
    add("to-private", server.url("/to-private.xml"))
    cat.errors["to-private"] = "non-public"
    port = server.server_address[1]
    server.redirect("/to-localhost.xml", 302, f"http://localhost:{port}/good-rss.xml")
    add("to-localhost", server.url("/to-localhost.xml"))
    cat.errors["to-localhost"] = "non-public"
    server.redirect("/to-file.xml", 302, "file:///etc/passwd")
    add("to-file", server.url("/to-file.xml"))
    cat.errors["to-file"] = "UnsupportedProtocol"

    # local files that are no regular files
    tmp.mkdir(parents=True, exist_ok=True)
    fifo = tmp / "feed.fifo"
    if not fifo.exists():
        os.mkfifo(fifo)
    add("fifo", str(fifo))
    cat.errors["fifo"] = "not a regular file"
    add("device", "file:///dev/zero")
    cat.errors["device"] = "not a regular file"
    add("directory", str(tmp))
    cat.errors["directory"] = "not a regular file"
    return cat
