import gen
DROP = ["zayavlenie-glavnogo","ria.ru/20251224","interfax.ru/world/1062345","timesca.com/five-killed","amu.tv/221345","c7kavo2025","border-incident-investigated","fergana.media/news/145678","khaama.com/tajikistan-blames","english.news.cn/20251225","ariananews.af/fa/tajik-border","202512260233",
 "interfax.ru/world/590210","ria.ru/20171203","rferl.org/a/tajikistan-border-commander","rus.ozodi.org/a/28893100","tolonews.com/fa/afghanistan/three-afghans",
 "202205162211","rus.ozodi.org/a/31851234","khaama.com/taliban-tajik-border-forces","fergana.media/news/141234","da.azadiradio.com/a/33512900","elmedia.news/four","fergana.media/news/143210","c9kavo2025","20251225/two-tajik-border-guards-killed","afghanistan-61461234",
 "rus.ozodi.org/a/33512999","taliban-tajik-clash-davang",
 "202510271122","c3davang10"]
DROPT = [("R12S51","Dunya News"),("R12S11","Eurasianet"),("R12S21","The Khaama Press News Agency")]
before = len(gen.R)
gen.R[:] = [x for x in gen.R if not any(d in x["link"] for d in DROP) and (x["story"], x["outlet"]) not in DROPT]
print("dropped", before - len(gen.R))
