"""Speed a user feels: `monitor poll` and `monitor status` as whole processes, beside anchors.

One command measures everything issue 16 asks for, in one run, with the anchors measured in
the same rounds (rounds interleave every contender, so background load hits all alike; each
figure is the median over ``--repeat`` rounds and each ratio the median of the per-round
ratios). Generates N feeds x M entries of multilingual news (English, Russian, Tajik,
Persian; titles and 1-3 sentence summaries with some HTML; ~15 % about the Tajik-Afghan
border), serves them from 8 loopback addresses (127.0.0.1-8, as 8 hosts) with ETag support
and times, every one as a whole subprocess (interpreter start-up included):

* floor:        feedparser.parse of every body, one process, with monitor's options
* reader cold:  lemon24/reader ``update_feeds`` on a fresh database (bench/.venv-reader)
* reader warm:  the same again: every feed answers 304
* monitor cold: ``python -m monitor --config C poll --json`` on a fresh SQLite file
* monitor warm: the same again: every feed answers 304
* status:       ``monitor status`` on an empty (migrated) database; ``python -c pass`` beside it
* steady state: in one process, the poll use case driven ``--passes`` times against the server
  with every feed answering 304: CPU seconds per warm pass and resident memory (no growth)

Usage: python bench/ingest.py [--repeat 3] [--feeds 200] [--entries 50] [--passes 1000]
       [--steady-feeds 20] [--code DIR] [--skip-reader] [--json PATH] [--serve]

``--code DIR`` measures the monitor found in DIR (e.g. an unpacked older commit, for before /
after figures) with this script's workload and anchors.
"""

from __future__ import annotations

import argparse
import email.utils
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import feedserver  # noqa: E402

# The test server's defaults suit a handful of requests, not a benchmark: a listen backlog of 5
# drops SYNs when 16 connections open at once (the client retries after 1 s), and headers and
# body written separately meet delayed ACKs (40 ms per response) unless Nagle is off.
feedserver.Handler.disable_nagle_algorithm = True


class FeedServer(feedserver.FeedServer):
    """The test server, listening on ``address`` (any of 127.0.0.0/8)."""

    request_queue_size = 256
    address = "127.0.0.1"

    def __init__(self) -> None:
        super().__init__()
        self.requests = _Discard()  # the steady state makes 20,000+ requests: keep no log

    def server_bind(self) -> None:
        self.server_address = (self.address, 0)
        super().server_bind()


# Feeds come from several hosts, as they do in use: HOSTS loopback addresses, one server each
# (sharing one set of routes), so per-host limits and per-host connection pools act as they
# would, with monitor's default fetch limits (16 at once, 2 per host).
HOSTS = 8


class Servers:
    def __init__(self) -> None:
        self.servers = [
            type("HostServer", (FeedServer,), {"address": f"127.0.0.{k + 1}"})().start()
            for k in range(HOSTS)
        ]
        for server in self.servers[1:]:
            server.routes = self.servers[0].routes

    def feed(self, index: int, body: bytes, ctype: str) -> str:
        """Serve ``body`` as feed ``index``; its URL."""
        path = f"/f/{index}.xml"
        self.servers[0].feed(path, body, ctype)
        host, port = self.servers[index % HOSTS].server_address[:2]
        return f"http://{host}:{port}{path}"

    def stop(self) -> None:
        for server in self.servers:
            server.stop()


class _Discard(list[Any]):
    def append(self, item: Any) -> None:
        pass


READER_VENV = ROOT / "bench" / ".venv-reader"
READER_WORKERS = 16  # as many fetch threads as monitor's default fetch.concurrency

# ---- workload ----------------------------------------------------------------------------

_TEXT = {
    "en": (
        "government officials said the regional security situation remained tense after talks "
        "between ministers on trade water energy roads and migration continued in the capital "
        "while farmers reported rising prices for wheat flour and fuel across the valley and "
        "international donors pledged new support for schools hospitals and local businesses "
        "analysts expect parliament to debate the budget next week as the central bank holds "
        "interest rates steady amid inflation concerns and a weaker currency"
    ),
    "ru": (
        "правительство заявило что ситуация в регионе остается напряженной после переговоров "
        "министров о торговле воде энергетике дорогах и миграции которые продолжились в столице "
        "фермеры сообщили о росте цен на пшеницу муку и топливо по всей долине международные "
        "доноры пообещали новую поддержку школам больницам и местному бизнесу аналитики ожидают "
        "что парламент обсудит бюджет на следующей неделе центральный банк сохранил ставку"
    ),
    "tg": (
        "ҳукумат эълон кард ки вазъи минтақа пас аз гуфтугӯи вазирон дар бораи тиҷорат об "
        "энергетика роҳҳо ва муҳоҷират шиддатнок боқӣ мемонад деҳқонон аз болоравии нархи гандум "
        "орд ва сӯзишворӣ дар тамоми водӣ хабар доданд донорҳои байналмилалӣ ба мактабҳо "
        "беморхонаҳо ва тиҷорати маҳаллӣ дастгирии нав ваъда доданд таҳлилгарон интизоранд ки "
        "парламент буҷаро ҳафтаи оянда баррасӣ мекунад бонки миллӣ меъёрро нигоҳ дошт"
    ),
    "fa": (
        "دولت اعلام کرد که وضعیت امنیتی منطقه پس از گفتگوی وزیران درباره تجارت آب انرژی جاده ها و "
        "مهاجرت همچنان متشنج است کشاورزان از افزایش قیمت گندم آرد و سوخت در سراسر دره خبر دادند "
        "کمک کنندگان بین المللی برای مکتب ها شفاخانه ها و کسب و کار محلی حمایت تازه وعده دادند "
        "تحلیلگران انتظار دارند پارلمان هفته آینده بودجه را بررسی کند "
        "و بانک مرکزی نرخ را ثابت نگه داشت"
    ),
}
WORDS = {lang: text.split() for lang, text in _TEXT.items()}
BORDER = {
    "en": [
        "on the Tajik-Afghan border",
        "near the Afghanistan-Tajikistan border in Badakhshan",
        "at the Panj river crossing near Khorog",
        "Tajik border guards detained smugglers near Ishkashim",
    ],
    "ru": [
        "на таджикско-афганской границе",
        "на афгано-таджикском участке границы",
        "пограничники Таджикистана задержали контрабандистов у реки Пяндж",
    ],
    "tg": [
        "дар сарҳади Тоҷикистону Афғонистон",
        "дар марзи тоҷику афғон дар Бадахшон",
    ],
    "fa": [
        "در مرز تاجیکستان و افغانستان",
        "در مرز افغانستان با تاجیکستان در ولایت بدخشان",
    ],
}
RELEVANT_SHARE = 0.15


def _sentence(rng: random.Random, lang: str, lo: int, hi: int) -> str:
    words = WORDS[lang]
    n = rng.randint(lo, hi)
    start = rng.randrange(len(words))
    out = [words[(start + i * rng.randint(1, 3)) % len(words)] for i in range(n)]
    return " ".join(out)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _summary_html(rng: random.Random, lang: str, border: str | None) -> str:
    sentences = [_sentence(rng, lang, 10, 24) for _ in range(rng.randint(1, 3))]
    if border:
        i = rng.randrange(len(sentences))
        sentences[i] = f"{sentences[i]} {border}"
    text = ". ".join(s[0].upper() + s[1:] for s in sentences) + "."
    style = rng.random()
    if style < 0.35:
        words = text.split(" ")
        k = rng.randrange(len(words))
        words[k] = f'<a href="https://news.example/t/{k}">{words[k]}</a>'
        return f"<p>{' '.join(words)}</p>"
    if style < 0.55:
        return f"<p><b>{sentences[0]}</b></p><p>{'. '.join(sentences[1:]) or '&nbsp;'}</p>"
    if style < 0.65:
        return (
            f'<img src="https://img.example/{rng.randrange(10**6)}.jpg" alt=""/> {text} &amp; more'
        )
    return text


def make_feed(index: int, entries: int, seed: int = 1) -> bytes:
    """One feed's bytes: RSS 2.0 (3 in 4) or Atom, in one of four languages."""
    rng = random.Random(seed * 1_000_003 + index)
    lang = ("en", "ru", "tg", "fa")[index % 4]
    host = f"news{index % 37}.example"
    base = 1_700_000_000 - index * 3600
    items = []
    for j in range(entries):
        border = rng.choice(BORDER[lang]) if rng.random() < RELEVANT_SHARE else None
        title = _sentence(rng, lang, 6, 12)
        if border and rng.random() < 0.5:
            title = f"{title} {border}"
        title = title[0].upper() + title[1:]
        summary = _summary_html(rng, lang, border)
        link = f"https://{host}/{lang}/{index}/{j}-{rng.randrange(10**9)}"
        if rng.random() < 0.3:
            link += "?utm_source=rss&utm_medium=feed"
        stamp = base - j * 600
        items.append((title, summary, link, stamp))
    if index % 4 == 3:
        return _atom(index, lang, host, items)
    return _rss(index, lang, host, items)


def _rss(index: int, lang: str, host: str, items: list[tuple[str, str, str, int]]) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>News {index}</title><link>https://{host}/</link>"
        f"<description>Feed {index}</description><language>{lang}</language><ttl>15</ttl>"
    ]
    for n, (title, summary, link, stamp) in enumerate(items):
        guid = (
            f'<guid isPermaLink="false">{host}-{index}-{n}</guid>'
            if n % 5
            else f"<guid>{_escape(link)}</guid>"
        )
        parts.append(
            f"<item><title>{_escape(title)}</title><link>{_escape(link)}</link>{guid}"
            f"<pubDate>{email.utils.formatdate(stamp, usegmt=True)}</pubDate>"
            f"<dc:creator>Reporter {n % 7}</dc:creator><category>news</category>"
            f"<description>{_escape(summary)}</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode()


def _atom(index: int, lang: str, host: str, items: list[tuple[str, str, str, int]]) -> bytes:
    def iso(stamp: int) -> str:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stamp))

    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">'
        f"<title>News {index}</title><id>urn:feed:{index}</id>"
        f'<link href="https://{host}/"/><updated>{iso(items[0][3] if items else 0)}</updated>'
    ]
    for n, (title, summary, link, stamp) in enumerate(items):
        parts.append(
            f"<entry><title>{_escape(title)}</title><id>urn:{host}:{index}:{n}</id>"
            f'<link href="{_escape(link)}"/><updated>{iso(stamp)}</updated>'
            f"<author><name>Reporter {n % 7}</name></author>"
            f'<summary type="html">{_escape(summary)}</summary></entry>'
        )
    parts.append("</feed>")
    return "".join(parts).encode()


# ---- measuring a subprocess --------------------------------------------------------------


@dataclass
class Run:
    wall: float
    cpu: float  # user + system of the process and its reaped descendants
    rss_parent: int  # KiB
    rss_children_sum: int
    rss_children_max: int
    rss_wait4: int  # KiB: max over the process and its reaped descendants
    pss_peak: int  # KiB: largest sampled sum of PSS over the tree (shared pages split, not doubled)
    stdout: str
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def rss_total(self) -> int:
        return self.rss_parent + self.rss_children_sum


def _hwm(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return 0
    return 0


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children", encoding="ascii") as fh:
                out.extend(int(c) for c in fh.read().split())
        except OSError:
            pass
    return out


def measure(cmd: list[str], env: dict[str, str], cwd: Path, timeout: float = 3600) -> Run:
    """Run ``cmd``; wall time, CPU time and peak RSS of it and its descendants."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peaks: dict[int, int] = {}
    pss = [0]
    done = threading.Event()

    def sample() -> None:
        tick = 0
        while not done.is_set():
            stack = [proc.pid]
            tree = []
            while stack:
                pid = stack.pop()
                hwm = _hwm(pid)
                if hwm is not None:
                    peaks[pid] = max(peaks.get(pid, 0), hwm)
                    tree.append(pid)
                stack.extend(_children(pid))
            if tick % 5 == 0:  # smaps_rollup walks the page tables: every 50 ms is enough
                pss[0] = max(pss[0], sum(_pss(pid) for pid in tree))
            tick += 1
            done.wait(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out_chunks: list[bytes] = []
    err_chunks: list[bytes] = []
    readers = [
        threading.Thread(target=lambda: out_chunks.append(proc.stdout.read()), daemon=True),  # type: ignore[union-attr]
        threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()), daemon=True),  # type: ignore[union-attr]
    ]
    for t in readers:
        t.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    for t in readers:
        t.join(timeout)
    stdout = b"".join(out_chunks).decode()
    if proc.returncode != 0:
        err = b"".join(err_chunks).decode()[-4000:]
        raise SystemExit(f"{' '.join(cmd[:6])} ... exited {proc.returncode}:\n{err}")
    children = [v for k, v in peaks.items() if k != proc.pid]
    return Run(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        rss_parent=peaks.get(proc.pid, 0),
        rss_children_sum=sum(children),
        rss_children_max=max(children, default=0),
        rss_wait4=usage.ru_maxrss,
        pss_peak=pss[0],
        stdout=stdout,
    )


# ---- the contenders ------------------------------------------------------------------------

FLOOR_SCRIPT = """
import json, sys, time, feedparser
bodies = [open(p, 'rb').read() for p in sys.argv[1:]]
start = time.perf_counter(); n = 0
for b in bodies:
    d = feedparser.parse(b, response_headers={'content-location': ''},
                         sanitize_html=False, resolve_relative_uris=False)
    n += len(d.entries)
print(json.dumps({'seconds': time.perf_counter() - start, 'entries': n}))
"""

READER_SCRIPT = """
import json, sys, time
from reader import make_reader
db, workers, add, urls = sys.argv[1], int(sys.argv[2]), sys.argv[3] == 'add', sys.argv[4:]
r = make_reader(db, search_enabled=False)
if add:
    for u in urls:
        r.add_feed(u)
start = time.perf_counter()
r.update_feeds(workers=workers, scheduled=False)  # every feed, due or not, like `poll`
took = time.perf_counter() - start
print(json.dumps({'seconds': took, 'entries': r.get_entry_counts().total}))
"""

# The daemon's steady state, in one process: the poll use case again and again, every feed 304.
STEADY_SCRIPT = """
import json, sys, time
from monitor.config import load_config
from monitor.usecases.context import App
from monitor.usecases.polling import poll_once

def rss_kib():
    with open('/proc/self/status') as fh:
        for line in fh:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])

passes = int(sys.argv[2])
app = App.open(load_config(sys.argv[1]))
first = poll_once(app)  # cold: stores every entry; not counted
assert not any(f.status == 'error' for f in first.feeds), first.to_json()
marks, rss = {1, 10, 100, passes // 2, passes}, {}
cpu0, wall0 = time.process_time(), time.perf_counter()
statuses = set()
for n in range(1, passes + 1):
    report = poll_once(app)
    statuses.update(f.status for f in report.feeds)
    if n in marks:
        rss[n] = rss_kib()
cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
print(json.dumps({'passes': passes, 'feeds': len(first.feeds), 'cpu': cpu, 'wall': wall,
                  'rss_kib': rss, 'statuses': sorted(statuses)}))
"""


def ensure_reader_venv() -> Path:
    """bench/.venv-reader with reader installed (made once; later runs need no network)."""
    python = READER_VENV / "bin" / "python"
    if not python.exists():
        print(f"creating {READER_VENV} (pip install reader sgmllib3k) ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(READER_VENV)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "reader", "sgmllib3k"], check=True
        )
    return python


@dataclass
class Workload:
    """Feeds served on loopback, their bytes on disk, and monitor configs pointing at them."""

    feeds: int
    entries: int
    bytes: int
    tmp: Path
    urls: list[str]
    files: list[str]
    env: dict[str, str]
    code: Path
    before: Path | None = None

    def config(self, name: str, urls: list[str], tree: Path | None = None) -> Path:
        """A config for the monitor in ``tree`` (default: the measured code), with its own
        watchlist (an older tree does not know a newer watchlist's keys)."""
        path = self.tmp / f"{name}.yaml"
        path.write_text(
            json.dumps(
                {
                    "database": {"url": f"sqlite:///{self.tmp / name}.db"},
                    "watchlist": str((tree or self.code) / "config" / "watchlist.yaml"),
                    "fetch": {"concurrency": READER_WORKERS, "per_host": 2},  # the defaults
                    "feeds": [{"name": f"feed-{i}", "url": u} for i, u in enumerate(urls)],
                    "digests": [],
                }
            ),
            encoding="utf-8",
        )
        return path

    def fresh_db(self, config: Path, env: dict[str, str] | None = None) -> None:
        """Delete the config's database and make the schema (set-up, not measured)."""
        db = config.with_suffix(".db")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        subprocess.run(
            [*self.monitor(config), "db", "upgrade"],
            env=env or self.env,
            cwd=self.tmp,
            check=True,
            capture_output=True,
        )

    def monitor(self, config: Path) -> list[str]:
        return [sys.executable, "-m", "monitor", "--config", str(config)]


@dataclass
class Round:
    """One round: every contender once."""

    runs: dict[str, Run] = field(default_factory=dict)


def one_round(w: Workload, n: int, skip_reader: bool, reader: Path | None) -> Round:
    rnd = Round()
    floor = measure([sys.executable, "-c", FLOOR_SCRIPT, *w.files], w.env, w.tmp)
    floor.extra = json.loads(floor.stdout)
    rnd.runs["floor"] = floor
    if not skip_reader and reader is not None:
        env = {k: v for k, v in w.env.items() if k != "PYTHONPATH"}
        db = w.tmp / f"reader-{n}.sqlite"
        for name, add in (("reader_cold", "add"), ("reader_warm", "again")):
            run = measure(
                [str(reader), "-c", READER_SCRIPT, str(db), str(READER_WORKERS), add, *w.urls],
                env,
                w.tmp,
            )
            run.extra = json.loads(run.stdout)
            rnd.runs[name] = run
    trees = [("", w.env, w.code)]
    if w.before is not None:  # the older tree, measured in the same round
        trees.append(("_before", {**w.env, "PYTHONPATH": str(w.before)}, w.before))
    for suffix, env, tree in trees:
        config = w.config(f"poll{suffix}", w.urls, tree)
        w.fresh_db(config, env)
        for name in ("cold", "warm"):
            run = measure([*w.monitor(config), "poll", "--json"], env, w.tmp)
            run.extra = json.loads(run.stdout)
            rnd.runs[name + suffix] = run
        status_config = w.config(f"status{suffix}", w.urls[:1], tree)
        if n == 0:
            w.fresh_db(status_config, env)
        rnd.runs["status" + suffix] = measure([*w.monitor(status_config), "status"], env, w.tmp)
    rnd.runs["python"] = measure([sys.executable, "-c", "pass"], w.env, w.tmp)
    return rnd


def steady_state(w: Workload, feeds: int, passes: int) -> dict[str, Any]:
    """The poll use case driven ``passes`` times in one process, every feed answering 304."""
    config = w.config("steady", w.urls[:feeds])
    w.fresh_db(config)
    proc = subprocess.run(
        [sys.executable, "-c", STEADY_SCRIPT, str(config), str(passes)],
        env=w.env,
        cwd=w.tmp,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"steady state failed:\n{proc.stderr[-4000:]}")
    out: dict[str, Any] = json.loads(proc.stdout)
    out["rss_kib"] = {int(k): v for k, v in out["rss_kib"].items()}
    return out


def run_all(args: argparse.Namespace) -> dict[str, Any]:
    """Generate, serve and measure; the raw figures of every round."""
    bodies = [make_feed(i, args.entries) for i in range(args.feeds)]
    total_bytes = sum(map(len, bodies))
    server = Servers()
    tmp = Path(tempfile.mkdtemp(prefix="monitor-bench-"))
    code = Path(args.code).resolve() if args.code else ROOT
    try:
        urls, files = [], []
        for i, body in enumerate(bodies):
            ctype = "application/atom+xml" if i % 4 == 3 else "application/rss+xml"
            urls.append(server.feed(i, body, ctype))
            path = tmp / f"{i}.xml"
            path.write_bytes(body)
            files.append(str(path))
        del bodies
        env = {**os.environ, "PYTHONPATH": str(code), "HOME": str(tmp), "NO_COLOR": "1"}
        for var in ("MONITOR_CONFIG", "MONITOR_DATABASE_URL", "PYTHONDONTWRITEBYTECODE"):
            env.pop(var, None)
        before = Path(args.before).resolve() if args.before else None
        w = Workload(args.feeds, args.entries, total_bytes, tmp, urls, files, env, code, before)
        if args.serve:
            config = w.config("poll", urls)
            w.fresh_db(config)
            print(f"serving; config: {config}  (Ctrl-C to stop)", flush=True)
            try:
                threading.Event().wait()
            except KeyboardInterrupt:
                raise SystemExit(0) from None
        reader = None if args.skip_reader else ensure_reader_venv()
        # warm-up: byte-compile both trees and fill the OS caches (not measured)
        w.fresh_db(w.config("status", urls[:1]))
        subprocess.run(
            [*w.monitor(w.config("status", urls[:1])), "status"],
            env=env,
            cwd=tmp,
            capture_output=True,
            check=False,
        )
        rounds = []
        for n in range(args.repeat):
            print(f"round {n + 1}/{args.repeat} ...", file=sys.stderr, flush=True)
            rounds.append(one_round(w, n, args.skip_reader, reader))
        steady = None
        if args.passes:
            print(f"steady state: {args.passes} warm passes ...", file=sys.stderr, flush=True)
            steady = steady_state(w, min(args.steady_feeds, args.feeds), args.passes)
        return {
            "feeds": args.feeds,
            "entries": args.entries,
            "bytes": total_bytes,
            "rounds": [{k: _run_json(v) for k, v in r.runs.items()} for r in rounds],
            "steady": steady,
        }
    finally:
        server.stop()
        if not args.keep and not args.serve:
            for p in tmp.iterdir():
                p.unlink()
            tmp.rmdir()
        else:
            print(f"kept {tmp}", file=sys.stderr)


# ---- report ------------------------------------------------------------------------------


def _med(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _mb(kib: float) -> str:
    return f"{kib / 1024:.0f}"


def _yes(ok: bool) -> str:
    return "yes" if ok else "**no**"


def report(data: dict[str, Any]) -> str:
    """The issue's table (whole processes), the in-process figures and the steady state."""
    rounds = data["rounds"]
    has_reader = all("reader_cold" in r for r in rounds)
    before = all("cold_before" in r for r in rounds)

    def med(name: str, key: str = "wall") -> float:
        return _med([r[name][key] for r in rounds])

    def ratio(a: str, b: str, key: str = "wall") -> float:
        return _med([r[a][key] / r[b][key] for r in rounds])

    n = data["feeds"] * data["entries"]
    lines = [
        f"## {data['feeds']} feeds x {data['entries']} entries = {n:,} entries, "
        f"{data['bytes'] / 1e6:.1f} MB of feed XML; median of {len(rounds)} rounds",
        "",
        "Whole processes (interpreter start-up included on every side):",
        "",
        "| figure | monitor s | anchor | anchor s | ratio | target | met |"
        + (" before s | before ratio |" if before else ""),
        "|---|---:|---|---:|---:|---|---|" + ("---:|---:|" if before else ""),
    ]

    def row(label: str, name: str, anchor: str, anchor_name: str, target: float) -> None:
        value = ratio(name, anchor_name) if anchor_name != "python" else med(name)
        shown = f"{value:.2f}" if anchor_name != "python" else "-"
        line = (
            f"| {label} | {med(name):.2f} | {anchor} | {med(anchor_name):.2f} | {shown} | "
            f"<= {target:.1f}{' s' if anchor_name == 'python' else ''} | "
            f"{_yes(value <= target)} |"
        )
        if before:
            old = f"{ratio(name + '_before', anchor_name):.2f}" if anchor_name != "python" else "-"
            line += f" {med(name + '_before'):.2f} | {old} |"
        lines.append(line)

    row("cold poll", "cold", "bare feedparser", "floor", 1.0)
    if has_reader:
        row("cold poll", "cold", "reader update_feeds", "reader_cold", 0.5)
        row("warm poll (every feed 304)", "warm", "reader update_feeds, 304s", "reader_warm", 0.6)
    row("`monitor status`, empty database", "status", "`python -c pass`", "python", 0.3)
    lines += [
        "",
        "In-process (the timed section only: floor's parse loop, reader's update_feeds, "
        "monitor's timings.wall from poll --json) and resources (CPU: user + system of the "
        "process tree; RSS: VmHWM of the parent + the sum over parse workers; PSS: peak of the "
        "tree's summed PSS):",
        "",
        "| run | whole s | in-process s | CPU s | peak RSS MB (parent + workers) | peak PSS MB |",
        "|---|---:|---:|---:|---|---:|",
    ]
    rows = [("feedparser floor", "floor", "seconds")]
    if has_reader:
        rows += [
            (f"reader update_feeds(workers={READER_WORKERS}), cold", "reader_cold", "seconds"),
            ("reader update_feeds, warm (304)", "reader_warm", "seconds"),
        ]
    for suffix in ("", "_before") if before else ("",):
        tag = " (before)" if suffix else ""
        rows += [
            (f"monitor poll, cold{tag}", "cold" + suffix, "poll_wall"),
            (f"monitor poll, warm (304){tag}", "warm" + suffix, "poll_wall"),
            (f"monitor status, empty database{tag}", "status" + suffix, ""),
        ]
    rows.append(("python -c pass", "python", ""))
    for label, name, inner in rows:
        inside = f"{med(name, inner):.2f}" if inner else "-"
        parent, kids = med(name, "rss_parent_kib"), med(name, "rss_children_sum_kib")
        rss = f"{_mb(parent)} + {_mb(kids)}" if kids else _mb(parent)
        lines.append(
            f"| {label} | {med(name):.2f} | {inside} | {med(name, 'cpu'):.2f} | {rss} | "
            f"{_mb(med(name, 'pss_peak_kib'))} |"
        )
    stages = ("fetch", "parse", "match", "store", "wall", "stories")
    lines += [
        "",
        "| monitor poll, s | " + " | ".join(stages) + " | rest of the process |",
        "|---|" + "---:|" * (len(stages) + 1),
    ]
    for name in ("cold", "warm", "cold_before", "warm_before") if before else ("cold", "warm"):
        values = [_med([r[name]["poll"].get(s, 0.0) for r in rounds]) for s in stages]
        rest = _med(
            [
                r[name]["wall"] - r[name]["poll"]["wall"] - r[name]["poll"].get("stories", 0.0)
                for r in rounds
            ]
        )
        lines.append(f"| {name} | " + " | ".join(f"{v:.2f}" for v in values) + f" | {rest:.2f} |")
    lines += [
        "",
        "fetch, parse, match and store are summed over feeds (they overlap); wall is the pass; "
        "stories is the grouping of new matches after the pass; the rest is start-up "
        "(interpreter, imports, opening the database, config sync) and exit.",
    ]
    totals = rounds[-1]["cold"]["totals"]
    lines += [
        "",
        f"cold: new entries {totals['new_entries']:,}, new matches {totals['new_matches']:,}, "
        f"errors {totals['errors']}",
    ]
    steady = data.get("steady")
    if steady:
        rss = steady["rss_kib"]
        marks = sorted(rss)
        per_pass = steady["cpu"] / steady["passes"]
        # A leak grows linearly; caches (SQLAlchemy's statement cache, the allocator's arenas)
        # fill early and stay: judged on the second half, both deltas shown.
        half = steady["passes"] // 2
        early = rss[marks[-1]] - rss.get(100, rss[marks[0]])
        growth = rss[marks[-1]] - rss.get(half, rss[marks[0]])
        lines += [
            "",
            f"Daemon steady state (one process, the poll use case {steady['passes']:,} times, "
            f"{steady['feeds']} feeds, every one 304; statuses seen: "
            f"{', '.join(steady['statuses'])}):",
            "",
            "| figure | value | target | met |",
            "|---|---:|---|---|",
            f"| CPU per warm pass | {per_pass * 1000:.1f} ms "
            f"({per_pass * 1000 / steady['feeds']:.2f} ms per feed) | report | - |",
            f"| wall per warm pass | {steady['wall'] / steady['passes'] * 1000:.1f} ms | "
            "report | - |",
            "| RSS after pass "
            + ", ".join(f"{m:,}" for m in marks)
            + " | "
            + " / ".join(f"{rss[m] / 1024:.1f}" for m in marks)
            + f" MB | no growth from pass {half:,} to {marks[-1]:,} | "
            + f"{_yes(growth <= 512)} ({growth / 1024:+.1f} MB; from pass 100: "
            + f"{early / 1024:+.1f} MB) |",
        ]
    return "\n".join(lines)


def machine() -> str:
    return f"{platform.platform()}, nproc {os.cpu_count()}, Python {platform.python_version()}"


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--entries", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=3, help="rounds; figures are medians")
    ap.add_argument("--passes", type=int, default=1000, help="steady-state warm passes (0: skip)")
    ap.add_argument("--steady-feeds", type=int, default=20, help="feeds in the steady state")
    ap.add_argument("--code", metavar="DIR", help="measure the monitor in DIR (default: here)")
    ap.add_argument(
        "--before",
        metavar="DIR",
        help="also measure the monitor in DIR (an older tree) in the same rounds",
    )
    ap.add_argument("--skip-reader", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument(
        "--serve", action="store_true", help="only set up and serve the workload (for profiling)"
    )
    ap.add_argument("--json", metavar="PATH", help="also write the raw figures as JSON")
    ap.add_argument("--report", metavar="PATH", help="print the tables of an earlier --json")
    args = ap.parse_args()
    if args.report:
        data = json.loads(Path(args.report).read_text(encoding="utf-8"))
        if data.get("steady"):
            rss = data["steady"]["rss_kib"]
            data["steady"]["rss_kib"] = {int(k): v for k, v in rss.items()}
        print(f"load average before / after: {data['load']['before']} / {data['load']['after']}")
        print(report(data))
        return
    started = time.perf_counter()
    head = (
        f"machine: {machine()}\ncommand: python bench/ingest.py {' '.join(sys.argv[1:])}\n"
        f"code: {Path(args.code).resolve() if args.code else ROOT}\n"
        f"load average before: {load()}"
    )
    print(head, flush=True)
    data = run_all(args)
    data["code"] = str(Path(args.code).resolve() if args.code else ROOT)
    data["load"] = {"before": head.rsplit(": ", 1)[1], "after": load()}
    took = time.perf_counter() - started
    print(f"load average after: {data['load']['after']}; took {took:.0f} s")
    print()
    print(report(data), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(data, indent=2), encoding="utf-8")


def _run_json(run: Run) -> dict[str, Any]:
    extra = dict(run.extra)
    if "timings" in extra:  # monitor poll --json
        extra = {"poll": extra["timings"], "totals": extra["totals"]}
        extra["poll_wall"] = extra["poll"]["wall"]
    return {
        "wall": run.wall,
        "cpu": run.cpu,
        "rss_parent_kib": run.rss_parent,
        "rss_children_sum_kib": run.rss_children_sum,
        "rss_children_max_kib": run.rss_children_max,
        "rss_wait4_kib": run.rss_wait4,
        "pss_peak_kib": run.pss_peak,
        **extra,
    }


if __name__ == "__main__":
    main()
