import json, importlib, collections, sys
rows=[]
for m,v in [("part1","P1"),("part2","P2"),("part3","P3"),("part4","P4"),("part5","P5")]:
    try: rows += getattr(importlib.import_module(m), v)
    except ModuleNotFoundError: pass
stories=sorted({r[0] for r in rows})
ren={s:"R20S%02d"%(i+1) for i,s in enumerate(stories)}
rows.sort(key=lambda r:r[5])
out=[]
sev={}; ev={}
for i,r in enumerate(rows):
    st,e,sv,o,l,p,t,su,li=r
    assert sev.setdefault(st,sv)==sv and ev.setdefault(st,e)==e, st
    assert l in "en ru tg fa ps uz ar".split()
    assert e in "attack armed_clash incursion smuggling crossing deployment aid diplomacy analysis".split()
    out.append(dict(id="R20-%03d"%(i+1),story=ren[st],event=e,severity=sv,outlet=o,language=l,published=p,title=t,summary=su,link=li))
assert len({d['link'] for d in out})==len(out)
with open("../coverage.jsonl","w") as f:
    for d in out: f.write(json.dumps(d,ensure_ascii=False)+"\n")
c=collections.Counter(d['story'] for d in out)
print(len(out),"reports",len(c),"stories","singletons",sum(1 for v in c.values() if v==1))
print(collections.Counter(d['language'] for d in out))
print(collections.Counter(ev[s] for s in stories), collections.Counter(d['event'] for d in out))
print(collections.Counter(d['severity'] for d in out))
for s in stories:
    ds=[d for d in out if d['story']==ren[s]]
    print(ren[s],s,ev[s],sev[s],len(ds),len({d['outlet'] for d in ds})," ".join(sorted({d['language'] for d in ds})),ds[0]['published'][:10])
