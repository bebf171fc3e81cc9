import json, glob, os, importlib.util
here = os.path.dirname(os.path.abspath(__file__))
rows = []
for f in sorted([f for f in glob.glob(os.path.join(here, "d*.py")) if not f.endswith("drop.py")]):
    spec = importlib.util.spec_from_file_location(os.path.basename(f)[:-3], f)
    m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
    rows += m.R
import sys; sys.path.insert(0, here)
from drop import DROP
rows = [r for r in rows if (r[0], r[3], r[4]) not in DROP]
rows.sort(key=lambda r: r[5])
sid = {}
for r in rows:
    if r[0] not in sid: sid[r[0]] = "R9S%02d" % (len(sid) + 1)
out = []
sev = {}
for i, r in enumerate(rows, 1):
    s, ev, sv, outlet, lang, pub, title, summ, link = r
    assert sev.setdefault(s, (ev, sv)) == (ev, sv), s
    out.append({"id": "r9-%03d" % i, "story": sid[s], "event": ev, "severity": sv, "outlet": outlet,
                "language": lang, "published": pub, "title": title, "summary": summ, "link": link})
with open(os.path.join(here, "..", "coverage.jsonl"), "w") as fh:
    for o in out: fh.write(json.dumps(o, ensure_ascii=False) + "\n")
print(len(out), "reports", len(sid), "stories")
print(json.dumps(sid))
