import json, sys, importlib
import gen
for m in sys.argv[1:]: importlib.import_module(m)
rows = sorted(gen.R, key=lambda x: (x["published"], x["story"]))
out = []
for i, x in enumerate(rows, 1):
    ev, sev = gen.META[x["story"]]
    out.append({"id": "r12-%03d" % i, "story": x["story"], "event": ev, "severity": sev, "outlet": x["outlet"],
                "language": x["language"], "published": x["published"], "title": x["title"], "summary": x["summary"], "link": x["link"]})
with open("../coverage.jsonl", "w") as f:
    for o in out: f.write(json.dumps(o, ensure_ascii=False) + "\n")
from collections import Counter
print(len(out), "reports", len(set(o["story"] for o in out)), "stories")
print(Counter(o["language"] for o in out)); print(Counter(o["event"] for o in out))
