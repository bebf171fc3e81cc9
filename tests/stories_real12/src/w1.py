from gen import S, r, gn, gd
# ---- Window 1: 1-3 Nov 2016, Hamadoni: border-guard lieutenant killed by Afghan smugglers (20 Oct), first reported 1 Nov
S("R12S01", "smuggling", 3)
r("R12S01","2016-11-01T06:20:00Z","asiaplus","en","Tajik border guard officer killed in clash with Afghan drug smugglers",
  "A Tajik border guard officer has been killed in an armed clash with Afghan drug smugglers along the Tajik-Afghan border in Khatlon province. Lieutenant Umedjon Hasanov was killed in a skirmish in the border area of the Hamadoni district on October 20, an official source at the SCNS Border Guard Directorate says.",
  "https://asiaplustj.info/en/news/tajikistan/incidents/20161101/232747")
r("R12S01","2016-11-01T07:05:00Z","asiaplus","ru","В Хамадони в перестрелке с афганскими наркокурьерами погиб офицер-пограничник",
  "Лейтенант Умеджон Хасанов погиб 20 октября в ходе боестолкновения пограничного наряда с вооруженными нарушителями границы в Хамадонийском районе. По словам источника в Главном управлении погранвойск ГКНБ, это первая потеря среди таджикских пограничников за 2015-2016 годы.",
  "https://asiaplustj.info/ru/news/tajikistan/incidents/20161101/232741")
r("R12S01","2016-11-01T09:40:00Z","ozodi","tg","Дар Ҳамадонӣ як афсари марзбон дар задухӯрд бо қочоқчиён кушта шуд",
  "Лейтенант Умедҷон Ҳасанов 20 октябр дар марзи Ҳамадонӣ ҳангоми задухӯрд бо қочоқчиёни мусаллаҳи афғон ҳалок шудааст. Хешовандонаш мегӯянд, ба бадани ӯ 11 тир расидааст. Аз ӯ зану се фарзанд мондааст.",
  "https://www.ozodi.org/a/28087431.html")
r("R12S01","2016-11-01T11:15:00Z","sputnik_tj","ru","Таджикский пограничник погиб на границе с Афганистаном",
  "На участке Хамадонийского района Хатлонской области в ходе столкновения с вооруженными нарушителями погиб офицер погранвойск ГКНБ РТ, сообщил источник. Инцидент произошел еще 20 октября, официально о нем не сообщалось.",
  "https://tj.sputniknews.ru/incidents/20161101/1020904117.html")
r("R12S01","2016-11-01T13:30:00Z","fergana","ru","Таджикистан: На границе с Афганистаном убит пограничник",
  "Лейтенант погранвойск Умеджон Хасанов убит в перестрелке с контрабандистами наркотиков на таджикско-афганской границе, сообщает «Азия-Плюс». С начала года, по данным источника, на границе произошло 22 боестолкновения, 12 нарушителей убиты.",
  "https://www.fergananews.com/news/25531")
gd("R12S01","2016-11-01T15:00:00Z","news.tj","en","Tajik border guard officer killed in skirmish with Afghan drug smugglers","/en/news/tajikistan/incidents/20161101/tajik-border-guard-officer-killed")
r("R12S01","2016-11-02T05:50:00Z","rferl","en","Tajik Border Guard Killed In Shoot-Out With Afghan Smugglers",
  "A Tajik border guard has been killed in a shoot-out with suspected drug smugglers who crossed from Afghanistan, the first such death among Tajik border troops in two years, officials say. The clash took place in the southern Hamadoni district last month.",
  "https://www.rferl.org/a/tajikistan-border-guard-killed-afghan-smugglers/28088512.html")
r("R12S01","2016-11-02T08:10:00Z","avesta","ru","Погранвойска: в 2016 году на таджикско-афганской границе произошло 22 боестолкновения",
  "В текущем году на таджикско-афганской границе зафиксировано 22 вооруженных столкновения с нарушителями, 12 из них уничтожены, шестеро ранены, 15 задержаны. В одном из них, в Хамадони, погиб лейтенант Умеджон Хасанов. Правоохранительные органы устанавливают личности нападавших.",
  "http://avesta.tj/2016/11/02/pogranvojska-22-boestolknoveniya/")
r("R12S01","2016-11-02T10:30:00Z","azadi","fa","کشته شدن یک افسر مرزبانی تاجیکستان در درگیری با قاچاقبران مواد مخدر",
  "مقام‌های تاجیکستان می‌گویند یک افسر مرزبانی این کشور در درگیری با قاچاقبران مسلح افغان در ولسوالی همدانی ولایت ختلان کشته شده است. این رویداد در ۲۹ میزان رخ داده است.",
  "https://da.azadiradio.com/a/28088790.html")

# other Window 1 news
S("R12S02","smuggling",2)
r("R12S02","2016-11-01T10:05:00Z","khovar","tg","Дар ноҳияи Панҷ 112 кг маводи мухаддир мусодира шуд",
  "Кормандони Раёсати Кумитаи давлатии амнияти миллӣ дар вилояти Хатлон дар ҳамкорӣ бо марзбонон дар наздикии деҳаи Ғаравути ноҳияи Панҷ 112 килограмм ҳашиш ва афюнро ошкор ва мусодира карданд.",
  "http://khovar.tj/2016/11/dar-nohiyai-panch-112-kg/")
r("R12S02","2016-11-01T12:40:00Z","avesta","ru","В Пянджском районе изъято более 110 кг наркотиков",
  "Сотрудники ГКНБ совместно с пограничниками в Пянджском районе обнаружили тайник с 112 кг гашиша и опия, переправленных из Афганистана. Возбуждено уголовное дело.",
  "http://avesta.tj/2016/11/01/v-pyandzhskom-rajone-izyato/")
S("R12S03","aid",1)
r("R12S03","2016-11-02T07:30:00Z","asiaplus","en","U.S. hands over equipment to Tajik border guards",
  "The U.S. Embassy in Dushanbe has handed over communications equipment, night vision devices and winter uniforms worth some 600,000 U.S. dollars to the Border Troops of Tajikistan's State Committee for National Security. The equipment is intended for frontier posts along the Tajik-Afghan border.",
  "https://asiaplustj.info/en/news/tajikistan/security/20161102/232780")
r("R12S03","2016-11-02T09:00:00Z","sputnik_tj","ru","США передали таджикским пограничникам оборудование на 600 тысяч долларов",
  "Посольство США передало погранвойскам ГКНБ Таджикистана средства связи, приборы ночного видения и зимнюю форму для застав на афганском участке границы.",
  "https://tj.sputniknews.ru/society/20161102/1020911570.html")
gn("R12S03","2016-11-02T16:20:00Z","U.S. Embassy in Tajikistan","en","U.S. Provides Equipment to Tajik Border Troops")
S("R12S04","crossing",1)
r("R12S04","2016-11-02T11:20:00Z","tolo","fa","افزایش تجارت از طریق بندر شیرخان با تاجیکستان",
  "مسئولان اتاق تجارت کندز می‌گویند حجم تجارت از بندر شیرخان با تاجیکستان در شش ماه گذشته افزایش یافته است، اما ناامنی‌ها در ولسوالی امام صاحب نگرانی تاجران را بیشتر کرده است.",
  "https://tolonews.com/fa/business/sherkhan-port-trade-tajikistan")
S("R12S05","diplomacy",1)
r("R12S05","2016-11-03T06:45:00Z","khovar","tg","Вохӯрии намояндагони марзии Тоҷикистону Афғонистон дар Панҷи Поён",
  "Дар гузаргоҳи марзии Панҷи Поён вохӯрии намояндагони марзии ҷумҳуриҳои Тоҷикистон ва Афғонистон баргузор шуд. Ҷонибҳо вазъи сарҳад ва мубориза бо қочоқи маводи мухаддирро баррасӣ карданд.",
  "http://khovar.tj/2016/11/vohurii-namoyandagoni-marzi/")
S("R12S06","diplomacy",1)
r("R12S06","2016-11-03T08:30:00Z","pajhwok","en","Afghanistan, Uzbekistan discuss Mazar-Herat railway extension",
  "Afghan and Uzbek officials have discussed extending the Hairatan-Mazar railway towards Herat at a meeting in Tashkent. The officials also spoke about regional power lines that could link Afghanistan with Uzbekistan, Turkmenistan and Tajikistan.",
  "https://pajhwok.com/2016/11/03/afghanistan-uzbekistan-discuss-mazar-herat-railway/")
S("R12S07","analysis",0)
r("R12S07","2016-11-03T12:00:00Z","eurasianet","en","Tajikistan: Drug Smugglers Grow Bolder on Afghan Frontier",
  "The death of a border guard lieutenant in Hamadoni last month, the first in two years, is a reminder that the Panj river remains a busy conduit for Afghan opiates. Experts say the Shuroobod and Hamadoni stretches are the hardest to police.",
  "https://eurasianet.org/s/tajikistan-drug-smugglers-grow-bolder-on-afghan-frontier")
