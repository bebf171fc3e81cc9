"""Ingest benchmark: `monitor poll` against a bare feedparser parse and lemon24/reader.

Generates N feeds x M entries of multilingual news (English, Russian, Tajik, Persian; titles and
1-3 sentence summaries with some HTML; ~15 % about the Tajik-Afghan border), serves them from a
loopback HTTP server with ETag support and measures, on the same bytes:

* floor:  feedparser.parse of every body, one process, with monitor's options (no sanitizing)
* reader: reader's ``update_feeds`` in its own virtualenv (bench/.venv-reader, made if missing)
* cold:   ``python -m monitor --config C poll --json`` on a fresh SQLite file (all entries new)
* warm:   the same command again (every feed answers 304)

Each measured command runs as a subprocess; peak RSS is VmHWM sampled from /proc for the process
and its descendants (pool workers), cross-checked with wait4's ru_maxrss.

Usage: python bench/ingest.py [--feeds 200] [--entries 50] [--scale] [--skip-reader] [--json]
"""

from __future__ import annotations

import argparse
import email.utils
import json
import os
import platform
import random
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
    request_queue_size = 256


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
start = time.perf_counter(); cpu = time.process_time(); n = 0
for b in bodies:
    d = feedparser.parse(b, response_headers={'content-location': ''},
                         sanitize_html=False, resolve_relative_uris=False)
    n += len(d.entries)
print(json.dumps({'seconds': time.perf_counter() - start, 'cpu': time.process_time() - cpu,
                  'entries': n}))
"""

READER_SCRIPT = """
import json, sys, time
from reader import make_reader
db, workers, urls = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
r = make_reader(db, search_enabled=False)
for u in urls:
    r.add_feed(u)
start = time.perf_counter()
r.update_feeds(workers=workers)
took = time.perf_counter() - start
print(json.dumps({'seconds': took, 'entries': r.get_entry_counts().total}))
"""


def ensure_reader_venv() -> Path:
    python = READER_VENV / "bin" / "python"
    if not python.exists():
        print(f"creating {READER_VENV} (pip install reader sgmllib3k) ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(READER_VENV)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "reader", "sgmllib3k"], check=True
        )
    return python


@dataclass
class Result:
    feeds: int
    entries: int
    bytes: int
    floor: Run
    cold: Run
    warm: Run
    reader: Run | None
    cold_json: dict[str, Any]
    warm_json: dict[str, Any]


def best(runs: list[Run], key: str) -> Run:
    """The fastest of repeated runs (other load on the machine only ever slows a run down)."""
    if key == "wall":
        return min(runs, key=lambda r: r.wall)
    return min(
        runs, key=lambda r: float(r.extra.get(key) or json.loads(r.stdout)["timings"]["wall"])
    )


def run_workload(
    feeds: int,
    entries: int,
    *,
    skip_reader: bool,
    keep: bool = False,
    repeat: int = 1,
    serve: bool = False,
) -> Result:
    """Generate, serve and measure one workload (each run ``repeat`` times, best kept)."""
    bodies = [make_feed(i, entries) for i in range(feeds)]
    total_bytes = sum(map(len, bodies))
    server = FeedServer().start()
    tmp = Path(tempfile.mkdtemp(prefix="monitor-bench-"))
    try:
        urls = []
        for i, body in enumerate(bodies):
            ctype = "application/atom+xml" if i % 4 == 3 else "application/rss+xml"
            server.feed(f"/f/{i}.xml", body, ctype)
            urls.append(server.url(f"/f/{i}.xml"))
        files = []
        for i, body in enumerate(bodies):
            path = tmp / f"{i}.xml"
            path.write_bytes(body)
            files.append(str(path))
        del bodies
        env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp)}
        env.pop("MONITOR_CONFIG", None)
        env.pop("MONITOR_DATABASE_URL", None)

        floors = []
        for _ in range(repeat if not serve else 0):
            floor = measure([sys.executable, "-c", FLOOR_SCRIPT, *files], env, tmp)
            floor.extra = json.loads(floor.stdout)
            floors.append(floor)

        reader_run = None
        if not skip_reader and not serve:
            python = ensure_reader_venv()
            reader_env = {k: v for k, v in env.items() if k != "PYTHONPATH"}
            runs = []
            for n in range(repeat):
                db = tmp / f"reader-{n}.sqlite"
                run = measure(
                    [str(python), "-c", READER_SCRIPT, str(db), str(READER_WORKERS), *urls],
                    reader_env,
                    tmp,
                )
                run.extra = json.loads(run.stdout)
                runs.append(run)
            reader_run = best(runs, "seconds")

        config = tmp / "monitor.yaml"
        config.write_text(
            json.dumps(
                {
                    "database": {"url": f"sqlite:///{tmp / 'monitor.db'}"},
                    "watchlist": str(ROOT / "config" / "watchlist.yaml"),
                    # loopback stands in for many hosts: lift the per-host limit
                    "fetch": {"concurrency": 16, "per_host": 16},
                    "feeds": [{"name": f"feed-{i}", "url": u} for i, u in enumerate(urls)],
                }
            ),
            encoding="utf-8",
        )
        base = [sys.executable, "-m", "monitor", "--config", str(config)]
        if serve:
            subprocess.run([*base, "db", "upgrade"], env=env, cwd=tmp, check=True)
            print(f"serving; config: {config}  (Ctrl-C to stop)", flush=True)
            try:
                threading.Event().wait()
            except KeyboardInterrupt:
                raise SystemExit(0) from None
        colds, warms = [], []
        for _ in range(repeat):
            db = tmp / "monitor.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            # schema creation is set-up, not polling: done before the measured runs
            subprocess.run(
                [*base, "db", "upgrade"], env=env, cwd=tmp, check=True, capture_output=True
            )
            colds.append(measure([*base, "poll", "--json"], env, tmp))
            warms.append(measure([*base, "poll", "--json"], env, tmp))
        cold, warm = best(colds, "poll"), best(warms, "poll")
        return Result(
            feeds,
            entries,
            total_bytes,
            best(floors, "seconds"),
            cold,
            warm,
            reader_run,
            json.loads(cold.stdout),
            json.loads(warm.stdout),
        )
    finally:
        server.stop()
        if not keep:
            for p in tmp.iterdir():
                p.unlink()
            tmp.rmdir()
        else:
            print(f"kept {tmp}", file=sys.stderr)


# ---- report ------------------------------------------------------------------------------


def _mb(kib: int) -> str:
    return f"{kib / 1024:.0f}"


def report(r: Result) -> str:
    n = r.feeds * r.entries
    ct, wt = r.cold_json["timings"], r.warm_json["timings"]
    totals = r.cold_json["totals"]
    floor_s = r.floor.extra["seconds"]
    lines = [
        f"## {r.feeds} feeds x {r.entries} entries = {n:,} entries, "
        f"{r.bytes / 1e6:.1f} MB of feed XML",
        "",
        "| run | wall s | in-process s | entries/s | CPU s | peak RSS MB "
        "(parent + workers = total; max worker) | peak PSS MB |",
        "|---|---:|---:|---:|---:|---|---:|",
    ]

    def row(name: str, run: Run, inner: float, count: int) -> str:
        rss = (
            f"{_mb(run.rss_parent)} + {_mb(run.rss_children_sum)} = {_mb(run.rss_total)}; "
            f"{_mb(run.rss_children_max)}"
            if run.rss_children_sum
            else f"{_mb(run.rss_parent)}"
        )
        rate = f"{count / inner:,.0f}" if count and inner else "-"
        return (
            f"| {name} | {run.wall:.2f} | {inner:.2f} | {rate} | {run.cpu:.2f} | {rss} | "
            f"{_mb(run.pss_peak)} |"
        )

    lines.append(row("feedparser floor", r.floor, floor_s, r.floor.extra["entries"]))
    if r.reader:
        lines.append(
            row(
                f"reader update_feeds(workers={READER_WORKERS})",
                r.reader,
                r.reader.extra["seconds"],
                r.reader.extra["entries"],
            )
        )
    lines.append(row("monitor poll, cold", r.cold, ct["wall"], totals["new_entries"]))
    lines.append(row("monitor poll, warm (304)", r.warm, wt["wall"], 0))
    lines += [
        "",
        "In-process s: the timed section only (floor: parse loop; reader: update_feeds; "
        "monitor: timings.wall of poll --json). Wall s: the whole subprocess, start-up included.",
        "",
        "| stage (summed over feeds, cold) | fetch | parse | match | store | wall |",
        "|---|---:|---:|---:|---:|---:|",
        "| seconds | "
        + " | ".join(f"{ct[k]:.2f}" for k in ("fetch", "parse", "match", "store", "wall"))
        + " |",
        "",
        f"new entries {totals['new_entries']:,}, new matches {totals['new_matches']:,} "
        f"({totals['new_matches'] / max(totals['new_entries'], 1):.0%}), errors {totals['errors']}",
        "",
        "| target | figure | met |",
        "|---|---|---|",
    ]
    cold_ratio = ct["wall"] / floor_s
    lines.append(
        f"| cold poll <= 1.2 x floor | {ct['wall']:.2f} s / {floor_s:.2f} s = "
        f"{cold_ratio:.2f} x (whole process: {r.cold.wall / floor_s:.2f} x) | "
        f"{_yes(cold_ratio <= 1.2)} |"
    )
    if r.reader:
        speed = r.reader.extra["seconds"] / ct["wall"]
        lines.append(
            f"| throughput >= 2 x reader | {speed:.1f} x (whole processes: "
            f"{r.reader.wall / r.cold.wall:.1f} x) | {_yes(speed >= 2)} |"
        )
    warm_ratio = wt["wall"] / ct["wall"]
    lines.append(
        f"| warm <= 5 % of cold | {wt['wall']:.2f} s = {warm_ratio:.1%} "
        f"(whole process: {r.warm.wall:.2f} s = {r.warm.wall / r.cold.wall:.0%}) | "
        f"{_yes(warm_ratio <= 0.05)} |"
    )
    peak = max(r.cold.rss_total, r.warm.rss_total)
    pss = max(r.cold.pss_peak, r.warm.pss_peak)
    lines.append(
        f"| peak RSS < 250 MB | {_mb(peak)} MB (sum of VmHWM, parent + workers; forked workers' "
        f"shared pages counted in each); PSS {_mb(pss)} MB | {_yes(peak < 250 * 1024)} |"
    )
    # Matching runs in the parse workers, in parallel: its share of the cold poll is its share of
    # the CPU the poll used. Summed worker seconds over the wall clock would count it twice.
    share = ct["match"] / r.cold.cpu if r.cold.cpu else 0.0
    naive = ct["match"] / ct["wall"] if ct["wall"] else 0.0
    lines.append(
        f"| matching <= 10 % of cold | {ct['match']:.2f} s of {r.cold.cpu:.2f} CPU s = "
        f"{share:.1%} (summed worker time over wall time: {naive:.1%}) | {_yes(share <= 0.1)} |"
    )
    return "\n".join(lines)


def _yes(ok: bool) -> str:
    return "yes" if ok else "**no**"


def machine() -> str:
    return f"{platform.platform()}, nproc {os.cpu_count()}, Python {platform.python_version()}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--entries", type=int, default=50)
    ap.add_argument("--scale", action="store_true", help="run --feeds and 10x --feeds")
    ap.add_argument("--skip-reader", action="store_true")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each; the best is kept")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument(
        "--serve", action="store_true", help="only set up and serve the workload (for profiling)"
    )
    ap.add_argument("--json", metavar="PATH", help="also write raw figures as JSON")
    args = ap.parse_args()
    print(f"machine: {machine()}\ncommand: python bench/ingest.py {' '.join(sys.argv[1:])}\n")
    sizes = [args.feeds, args.feeds * 10] if args.scale else [args.feeds]
    results = []
    for size in sizes:
        res = run_workload(
            size,
            args.entries,
            skip_reader=args.skip_reader,
            keep=args.keep or args.serve,
            repeat=args.repeat,
            serve=args.serve,
        )
        results.append(res)
        print(report(res), "\n", flush=True)
    if args.scale:
        a, b = results
        ratio = b.cold_json["timings"]["wall"] / a.cold_json["timings"]["wall"]
        floor_ratio = b.floor.extra["seconds"] / a.floor.extra["seconds"]
        print(
            f"## scale {a.feeds} -> {b.feeds} feeds ({b.feeds // a.feeds} x work)\n\n"
            f"| figure | {a.feeds} | {b.feeds} | ratio |\n|---|---:|---:|---:|\n"
            f"| cold poll s | {a.cold_json['timings']['wall']:.2f} | "
            f"{b.cold_json['timings']['wall']:.2f} | {ratio:.2f} |\n"
            f"| floor s | {a.floor.extra['seconds']:.2f} | {b.floor.extra['seconds']:.2f} | "
            f"{floor_ratio:.2f} |\n"
            f"| cold peak RSS MB (parent + workers) | {_mb(a.cold.rss_total)} | "
            f"{_mb(b.cold.rss_total)} | {b.cold.rss_total / a.cold.rss_total:.2f} |\n"
            f"| cold parent RSS MB | {_mb(a.cold.rss_parent)} | {_mb(b.cold.rss_parent)} | "
            f"{b.cold.rss_parent / a.cold.rss_parent:.2f} |\n"
        )
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                [
                    {
                        "feeds": r.feeds,
                        "entries": r.entries,
                        "bytes": r.bytes,
                        "floor": _run_json(r.floor),
                        "reader": _run_json(r.reader) if r.reader else None,
                        "cold": _run_json(r.cold) | {"poll": r.cold_json["timings"]},
                        "warm": _run_json(r.warm) | {"poll": r.warm_json["timings"]},
                        "cold_totals": r.cold_json["totals"],
                    }
                    for r in results
                ],
                indent=2,
            )
        )


def _run_json(run: Run) -> dict[str, Any]:
    return {
        "wall": run.wall,
        "cpu": run.cpu,
        "rss_parent_kib": run.rss_parent,
        "rss_children_sum_kib": run.rss_children_sum,
        "rss_children_max_kib": run.rss_children_max,
        "rss_wait4_kib": run.rss_wait4,
        "pss_peak_kib": run.pss_peak,
        **run.extra,
    }


if __name__ == "__main__":
    main()
