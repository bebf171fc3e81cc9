import json, sys, hashlib
# story meta: id -> (event, severity)
META = {}
R = []
def S(sid, event, sev): META[sid] = (event, sev)
def r(sid, ts, outlet, lang, title, summary, link):
    R.append(dict(story=sid, outlet=outlet, language=lang, published=ts, title=title, summary=summary, link=link))
def gn(sid, ts, publisher, lang, title):
    h = hashlib.md5((title+ts).encode()).hexdigest()
    link = "https://news.google.com/rss/articles/CBMi" + h + "?oc=5"
    summ = '<a href="%s" target="_blank">%s</a>&nbsp;&nbsp;<font color="#6f6f6f">%s</font>' % (link, title, publisher)
    R.append(dict(story=sid, outlet=publisher, language=lang, published=ts, title=title + " - " + publisher, summary=summ, link=link))
def gd(sid, ts, domain, lang, title, path):
    R.append(dict(story=sid, outlet=domain, language=lang, published=ts, title=title, summary="", link="https://" + domain + path))
