# Generator for tests/stories_real24/coverage.jsonl (blind, sealed set R24)
import json, hashlib, os
S = {}  # story -> (event, severity)
R = []
def st(sid, event, sev): S[sid] = (event, sev)
def r(sid, outlet, lang, pub, title, summary, link):
    R.append(dict(story=sid, outlet=outlet, language=lang, published=pub, title=title, summary=summary, link=link))
def gn(sid, publisher, lang, pub, title):
    h = hashlib.md5((title+pub).encode()).hexdigest()
    url = "https://news.google.com/rss/articles/CBMi" + h[:24] + "0gEA?oc=5"
    r(sid, publisher, lang, pub, f"{title} - {publisher}",
      f'<a href="{url}" target="_blank">{title}</a>&nbsp;&nbsp;<font color="#6f6f6f">{publisher}</font>', url)
def gd(sid, domain, lang, pub, title, snippet, link):
    r(sid, domain, lang, pub, title, snippet, link)

# ---------------- Week 1: 2-6 December 2019 ----------------
st("R24S01","smuggling",2)
r("R24S01","avesta","ru","2019-12-02T06:40:00Z","В Шамсиддин Шохинском районе пограничники изъяли более 150 кг наркотиков",
  "Сотрудники погранвойск ГКНБ Таджикистана на участке заставы «Хумрогӣ» Шамсиддин Шохинского района обнаружили тайник с наркотическими средствами общим весом более 150 кг. Об этом сообщает пресс-центр ГКНБ.",
  "https://avesta.tj/2019/12/02/v-shamsiddin-shohinskom-rajone-pogranichniki-izyali-bolee-150-kg-narkotikov/")
r("R24S01","asiaplus","ru","2019-12-02T08:15:00Z","Пограничники обнаружили на берегу Пянджа 152 кг гашиша и опия",
  "По данным ГКНБ, нарушители с афганской стороны при виде пограничного наряда бросили груз и скрылись на территории сопредельного государства. Возбуждено уголовное дело.",
  "https://asiaplustj.info/ru/news/tajikistan/security/20191202/pogranichniki-obnaruzhili-na-beregu-pyandzha-152-kg-gashisha-i-opiya")
r("R24S01","khovar","tg","2019-12-02T09:30:00Z","Дар ноҳияи Шамсиддин Шоҳин зиёда аз 150 кг маводи мухаддир кашф карда шуд",
  "Сарбозони Қӯшунҳои сарҳадии КДАМ дар қитъаи марзии ноҳияи Шамсиддин Шоҳин 152 кило маводи мухаддир, аз ҷумла 118 кило чарс ва 34 кило афюнро кашф карданд.",
  "https://khovar.tj/2019/12/dar-nohiyai-shamsiddin-shohin-ziyoda-az-150-kg-mavodi-muhaddir-kashf-karda-shud/")
r("R24S01","ozodi","tg","2019-12-02T11:05:00Z","Марзбонон 152 кило маводи мухаддирро дар соҳили Панҷ ёфтанд",
  "Кумитаи давлатии амнияти миллӣ мегӯяд, қочоқчиёни афғон бори худро партофта, ба он соҳили дарё гурехтанд. Ҳеҷ кас боздошт нашудааст.",
  "https://www.ozodi.org/a/30301855.html")
gd("R24S01","news.tj","ru","2019-12-03T04:20:00Z","Изъято свыше 150 кг наркотиков на таджикско-афганской границе",
  "<p>На таджикско-афганской границе в Хатлонской области изъято свыше 150 килограммов наркотиков, сообщили в ГКНБ...</p>",
  "https://news.tj/ru/news/tajikistan/security/20191203/izyato-svyshe-150-kg-narkotikov")

st("R24S02","smuggling",2)
r("R24S02","avesta","ru","2019-12-02T10:10:00Z","Фархорские пограничники задержали партию гашиша",
  "На участке заставы Фархорского пограничного отряда задержаны два гражданина Таджикистана, пытавшиеся переправить 41 кг гашиша, полученные с афганского берега.",
  "https://avesta.tj/2019/12/02/farhorskie-pogranichniki-zaderzhali-partiyu-gashisha/")
r("R24S02","khovar","tg","2019-12-02T12:40:00Z","Дар Фархор ду нафар бо 41 кило чарс боздошт шуданд",
  "Марзбонони отряди сарҳадии Фархор ду шаҳрванди Тоҷикистонро ҳангоми интиқоли маводи мухаддир аз соҳили Афғонистон дастгир карданд.",
  "https://khovar.tj/2019/12/dar-farhor-du-nafar-bo-41-kilo-chars-bozdosht-shudand/")
gn("R24S02","Sputnik Таджикистан","ru","2019-12-03T07:00:00Z","В Фархоре задержаны двое с 40 кг гашиша")

st("R24S03","smuggling",3)
r("R24S03","asiaplus","ru","2019-12-03T09:20:00Z","ГКНБ: в Дарвазе в перестрелке с пограничниками погиб афганский наркокурьер",
  "Инцидент произошел в ночь на 3 декабря на участке заставы «Висхарв» Калаихумбского пограничного отряда. Второй нарушитель скрылся на афганской территории, изъято около 30 кг наркотиков.",
  "https://asiaplustj.info/ru/news/tajikistan/security/20191203/gknb-v-darvaze-v-perestrelke-pogib-afganskii-narkokurer")
r("R24S03","avesta","ru","2019-12-03T09:45:00Z","На таджикско-афганской границе уничтожен вооружённый контрабандист",
  "Нарушители оказали вооружённое сопротивление пограничному наряду. Ответным огнём один из них был уничтожен. Потерь среди личного состава нет.",
  "https://avesta.tj/2019/12/03/na-tadzhiksko-afganskoj-granitse-unichtozhen-vooruzhyonnyj-kontrabandist/")
r("R24S03","ozodi","tg","2019-12-03T10:30:00Z","Дар Дарвоз як қочоқбари афғон кушта шуд",
  "Ба гуфтаи КДАМ, қочоқбарон ба сӯи марзбонон тир холӣ карданд. Аз маҳали ҳодиса 29 кило чарс ва як милтиқи шикорӣ ёфт шудааст.",
  "https://www.ozodi.org/a/30303120.html")
r("R24S03","rferl","en","2019-12-03T13:10:00Z","Tajik Border Guards Kill Suspected Afghan Drug Smuggler",
  "Tajikistan's State Committee for National Security says border guards shot dead a suspected drug smuggler who had crossed from Afghanistan into the mountainous Darvoz district.",
  "https://www.rferl.org/a/tajik-border-guards-kill-suspected-afghan-drug-smuggler/30303410.html")
r("R24S03","fergana","ru","2019-12-03T14:00:00Z","Таджикские пограничники застрелили нарушителя из Афганистана",
  "Столкновение произошло в Дарвазском районе ГБАО. По версии ГКНБ, нарушители первыми открыли огонь. Личность погибшего устанавливается.",
  "https://fergana.news/news/113880/")
r("R24S03","azadiradio","ps","2019-12-04T06:30:00Z","تاجک سرحدي ځواکونو یو افغان د قاچاق په تور وواژه",
  "د تاجکستان امنیتي کمېټې ویلي چې د بدخشان د شکی ولسوالۍ مخامخ یو افغان کډوال قاچاقبر د ډزو په تبادله کې وژل شوی. ولسوالۍ چارواکو لا څه نه دي ویلي.",
  "https://pa.azadiradio.com/a/30304022.html")

st("R24S04","aid",1)
r("R24S04","asiaplus","ru","2019-12-04T07:50:00Z","ОБСЕ передала Калаихумбскому погранотряду оборудование на $170 тысяч",
  "В рамках проекта ОБСЕ по управлению границами пограничникам переданы генераторы, спальные мешки и зимнее обмундирование для застав в Дарвазе и Ванче.",
  "https://asiaplustj.info/ru/news/tajikistan/security/20191204/obse-peredala-kalaihumbskomu-pogranotryadu-oborudovanie")
r("R24S04","khovar","tg","2019-12-04T09:15:00Z","САҲА ба марзбонони Қалъаихумб таҷҳизот супурд",
  "Дар доираи лоиҳаи Бюрои САҲА дар Душанбе ба отряди сарҳадии Қалъаихумб генераторҳо ва либоси зимистона тақдим гардид.",
  "https://khovar.tj/2019/12/saha-ba-marzbononi-qalaihumb-tahhizot-supurd/")
gd("R24S04","osce.org","en","2019-12-04T15:00:00Z","OSCE Programme Office in Dushanbe donates winter equipment to border guards in Darvoz",
  "DUSHANBE, 4 December 2019 – The OSCE Programme Office in Dushanbe handed over winter equipment to the Kalaikhumb border detachment ...",
  "https://www.osce.org/programme-office-in-dushanbe/441120")

st("R24S05","analysis",0)
gn("R24S05","Eurasianet","en","2019-12-04T16:20:00Z","Tajikistan: A month after Ishkobod, questions linger over border attack")

st("R24S06","deployment",1)
r("R24S06","tass","ru","2019-12-04T05:40:00Z","Мотострелки российской базы в Таджикистане начали зимний период обучения",
  "Военнослужащие 201-й военной базы ЦВО приступили к занятиям на полигонах Ляур и Самбули, в том числе отработают отражение нападения условных боевиков, проникших со стороны Афганистана.",
  "https://tass.ru/armiya-i-opk/7258011")
r("R24S06","ria","ru","2019-12-04T06:10:00Z","На 201-й базе в Таджикистане стартовал зимний период обучения",
  "Более 3 тысяч военнослужащих задействованы в занятиях, сообщили в пресс-службе Центрального военного округа.",
  "https://ria.ru/20191204/1561921122.html")
gn("R24S06","Sputnik Таджикистан","ru","2019-12-04T08:30:00Z","Российские военные в Таджикистане начали зимнюю учебу")
r("R24S06","interfax","ru","2019-12-04T09:00:00Z","Военные РФ в Таджикистане отработают отражение вторжения с афганской стороны",
  "Учения пройдут на горных полигонах Самбули и Ляур в течение декабря.",
  "https://www.interfax.ru/russia/686901")

st("R24S07","attack",3)
r("R24S07","tolonews","fa","2019-12-03T07:15:00Z","حمله طالبان بر پاسگاه‌های امنیتی در دشت ارچی؛ ۷ نیروی امنیتی کشته شدند",
  "مقام‌های محلی قندوز می‌گویند طالبان شب گذشته بر چند پاسگاه در ولسوالی دشت ارچی در نزدیکی مرز تاجیکستان حمله کردند.",
  "https://tolonews.com/fa/afghanistan-161522")
r("R24S07","pajhwok","ps","2019-12-03T08:00:00Z","د دشت ارچي پر امنیتي پوستو د طالبانو برید کې اووه ساتونکي ووژل شول",
  "د کندز ولایتي شورا غړي وايي، برید د شپې شاوخوا دوه بجې پیل شو او تر سهاره یې دوام وکړ.",
  "https://pajhwok.com/ps/2019/12/03/د-دشت-ارچي-برید/")
r("R24S07","khaama","en","2019-12-03T09:30:00Z","Taliban attack kills 7 security forces in Kunduz",
  "At least seven Afghan security forces were killed in a Taliban attack on checkpoints in Dasht-e-Archi district of northern Kunduz province, officials said. The district borders Tajikistan.",
  "https://www.khaama.com/taliban-attack-kills-7-security-forces-in-kunduz-04221/")
r("R24S07","ariananews","fa","2019-12-03T11:45:00Z","درگیری در دشت ارچی قندوز؛ ۶ سرباز کشته و ۴ زخمی شدند",
  "وزارت دفاع می‌گوید در پاسخ به حمله، ۱۲ طالب کشته شده‌اند.",
  "https://ariananews.af/fa/درگیری-در-دشت-ارچی/")

st("R24S08","diplomacy",1)
r("R24S08","avesta","ru","2019-12-05T06:30:00Z","Пограничные представители Таджикистана и Афганистана встретились в Пяндже",
  "Стороны обсудили обстановку на границе, совместные меры по борьбе с наркотрафиком и возврат задержанных граждан. Встреча прошла на мосту Панджи Поён – Шерхан-Бандар.",
  "https://avesta.tj/2019/12/05/pogranichnye-predstaviteli-tadzhikistana-i-afganistana-vstretilis/")
r("R24S08","khovar","tg","2019-12-05T08:10:00Z","Вохӯрии намояндагони марзии Тоҷикистон ва Афғонистон",
  "Дар гузаргоҳи «Панҷи Поён» вохӯрии навбатии намояндагони марзии ду кишвар баргузор гардид.",
  "https://khovar.tj/2019/12/vohurii-namoyandagoni-marzii-tojikiston-va-afgoniston/")
r("R24S08","bakhtar","fa","2019-12-05T10:20:00Z","دیدار نمایندگان سرحدی افغانستان و تاجیکستان در شیرخان بندر",
  "در این دیدار روی همکاری در مبارزه با قاچاق مواد مخدر و مسائل مرزی بحث شد.",
  "https://bakhtarnews.af/dr/دیدار-نمایندگان-سرحدی/")

st("R24S09","aid",1)
r("R24S09","asiaplus","en","2019-12-05T09:00:00Z","U.S. hands over rebuilt border outpost to Tajik border troops in Khatlon",
  "The U.S. Embassy in Dushanbe says the reconstructed outpost on the Tajik-Afghan border in Panj district will house up to 40 border guards. The project cost about $1.5 million.",
  "https://asiaplustj.info/en/news/tajikistan/security/20191205/us-hands-over-rebuilt-border-outpost")
r("R24S09","avesta","ru","2019-12-05T09:40:00Z","США передали погранвойскам Таджикистана реконструированную заставу",
  "Застава расположена в Пянджском районе Хатлонской области. В церемонии принял участие посол США Джон Марк Поммершейм.",
  "https://avesta.tj/2019/12/05/ssha-peredali-pogranvojskam-tadzhikistana-rekonstruirovannuyu-zastavu/")
r("R24S09","khovar","tg","2019-12-05T11:00:00Z","ИМА ба Қӯшунҳои сарҳадӣ заставаи навсозишударо супурд",
  "Маросими супурдани заставаи сарҳадӣ дар ноҳияи Панҷ бо иштироки Сафири ИМА Ҷон Марк Поммершейм баргузор шуд.",
  "https://khovar.tj/2019/12/ima-ba-qushunhoi-sarhadi-zastavai-navsozishudaro-supurd/")
gn("R24S09","Sputnik Таджикистан","ru","2019-12-05T12:30:00Z","Американцы отремонтировали погранзаставу на границе с Афганистаном")

st("R24S10","crossing",2)
r("R24S10","avesta","ru","2019-12-05T13:20:00Z","В Пяндже задержаны трое граждан Афганистана, незаконно пересекших границу",
  "По данным пограничного управления, нарушители переправились через Пяндж на резиновой лодке. Они заявили, что искали работу.",
  "https://avesta.tj/2019/12/05/v-pyandzhe-zaderzhany-troe-grazhdan-afganistana/")
gd("R24S10","khovar.tj","tg","2019-12-06T05:10:00Z","Се шаҳрванди Афғонистон дар Панҷ боздошт шуданд",
  "Се шаҳрванди Афғонистон ҳангоми убури ғайриқонунии марз дар ноҳияи Панҷ боздошт шуданд...",
  "https://khovar.tj/2019/12/se-shahrvandi-afgoniston-dar-panj-bozdosht-shudand/")

st("R24S11","crossing",1)
r("R24S11","asiaplus","ru","2019-12-05T05:30:00Z","Экспорт электроэнергии из Таджикистана вырос на 40%. Основные покупатели — Узбекистан и Афганистан",
  "За 11 месяцев «Барки Точик» поставил за рубеж более 2,3 млрд кВт·ч. В осенне-зимний период поставки в Афганистан сокращаются.",
  "https://asiaplustj.info/ru/news/tajikistan/economic/20191205/eksport-elektroenergii-vyros")
r("R24S11","pajhwok","fa","2019-12-06T07:40:00Z","کاهش برق وارداتی تاجیکستان در فصل زمستان؛ برشنا: قندوز و بغلان متاثر می‌شوند",
  "شرکت برشنا می‌گوید تاجیکستان در فصل سرما صادرات برق را کم می‌کند و ولایات شمالی با کمبود روبرو خواهند شد.",
  "https://pajhwok.com/fa/2019/12/06/کاهش-برق-وارداتی-تاجیکستان/")

st("R24S12","diplomacy",1)
r("R24S12","24kg","ru","2019-12-04T10:00:00Z","Кыргызстан и Таджикистан согласовали еще 10 километров границы",
  "Заседание правительственных делегаций по делимитации и демаркации прошло в Исфаре. Следующая встреча запланирована на январь.",
  "https://24.kg/vlast/138820_kyrgyzstan_i_tadjikistan_soglasovali/")
r("R24S12","asiaplus","ru","2019-12-04T12:30:00Z","Делегации Таджикистана и Кыргызстана провели переговоры по границе в Исфаре",
  "Стороны описали ещё около 10 км спорных участков таджикско-кыргызской границы.",
  "https://asiaplustj.info/ru/news/tajikistan/politics/20191204/delegatsii-provelli-peregovory")

st("R24S13","crossing",1)
r("R24S13","kunuz","uz","2019-12-06T06:00:00Z","Termiz xalqaro savdo markazi orqali Afgʻonistonga yuk tashish oshdi",
  "Hayraton koʻprigi orqali 11 oyda 3,8 mln tonna yuk oʻtkazildi. Ekspertlarga koʻra, Tojikiston va Turkmaniston yoʻnalishlariga nisbatan bu eng qulay yoʻl.",
  "https://kun.uz/news/2019/12/06/termiz-savdo-markazi")

st("R24S14","analysis",0)
r("R24S14","ozodi","tg","2019-12-06T09:00:00Z","Чаро савдои Тоҷикистон ва Афғонистон коҳиш ёфт?",
  "Коршиносон мегӯянд, бозорҳои марзӣ дар Ишкошим ва Дарвоз солҳои охир камтар фаъоланд ва ҳаҷми тиҷорат ба камтар аз 100 миллион доллар расидааст.",
  "https://www.ozodi.org/a/30310700.html")

st("R24S15","smuggling",2)
r("R24S15","tolonews","en","2019-12-05T14:00:00Z","Police Seize 200 Kg Of Opium In Badakhshan",
  "Police in northeastern Badakhshan say they have seized about 200 kilograms of opium in Khwahan district, along the border with Tajikistan, and arrested two suspects.",
  "https://tolonews.com/afghanistan/police-seize-200-kg-opium-badakhshan")
r("R24S15","pajhwok","ps","2019-12-06T05:30:00Z","په بدخشان کې ۲۰۰ کیلوګرامه تریاک ونیول شول",
  "د بدخشان پولیس وايي د خواهان ولسوالۍ کې دوه کسان هم نیول شوي دي.",
  "https://pajhwok.com/ps/2019/12/06/په-بدخشان-کې-تریاک/")
gd("R24S15","bakhtarnews.af","fa","2019-12-06T08:00:00Z","کشف ۱۹۵ کیلوگرام تریاک در ولسوالی خواهان بدخشان",
  "نیروهای پولیس در ولسوالی خواهان ولایت بدخشان ۱۹۵ کیلوگرام تریاک را کشف و ضبط کردند ...",
  "https://bakhtarnews.af/dr/کشف-تریاک-خواهان/")

# ---------------- Week 2: 14-18 November 2022 ----------------
st("R24S16","smuggling",2)
r("R24S16","asiaplus","ru","2022-11-14T07:30:00Z","Пограничники изъяли на границе с Афганистаном 210 кг наркотиков",
  "Наркотики были обнаружены на участке Шамсиддиншохинского пограничного отряда. Контрабандисты, по данным ГКНБ, скрылись на афганской стороне.",
  "https://asiaplustj.info/ru/news/tajikistan/security/20221114/pogranichniki-izyali-210-kg")
r("R24S16","avesta","ru","2022-11-14T08:05:00Z","На таджикско-афганской границе изъято 210 кг наркотических средств",
  "Из них 180 кг гашиша и 30 кг опия. Груз был спрятан в прибрежных зарослях Пянджа.",
  "https://avesta.tj/2022/11/14/na-tadzhiksko-afganskoj-granitse-izyato-210-kg/")
r("R24S16","khovar","tg","2022-11-14T09:20:00Z","Дар марзи Тоҷикистону Афғонистон 210 кило маводи мухаддир мусодира шуд",
  "Кормандони Қӯшунҳои сарҳадии КДАМ дар ноҳияи Шамсиддин Шоҳин 210 кило маводи мухаддирро кашф намуданд.",
  "https://khovar.tj/2022/11/dar-marzi-tojikistonu-afgoniston-210-kilo/")
r("R24S16","ozodi","tg","2022-11-14T12:00:00Z","КДАМ: Тақрибан 210 кило маводи мухаддир аз марз гузаронида нашуд",
  "Марзбонон дар соҳили Панҷ ду халта чарс ва афюн ёфтанд. Толибон дар ин бора изҳори назар накардаанд.",
  "https://www.ozodi.org/a/32130011.html")
gn("R24S16","Sputnik Таджикистан","ru","2022-11-14T13:10:00Z","Более 200 кг наркотиков нашли на границе с Афганистаном")
r("R24S16","amu","en","2022-11-15T06:00:00Z","Tajikistan says it seized over 200 kg of drugs smuggled from Afghanistan",
  "Tajik border forces said they seized about 210 kilograms of hashish and opium near the Panj River opposite Afghanistan's Darqad district. The Taliban did not comment.",
  "https://amu.tv/29210/")

st("R24S17","smuggling",2)
r("R24S17","avesta","ru","2022-11-14T11:30:00Z","В Джайхуне задержан житель района с 12 кг героина",
  "Задержание провели сотрудники УБН ГКНБ на трассе Джайхун – Бохтар. Задержанный пояснил, что получил груз от лиц с афганского берега.",
  "https://avesta.tj/2022/11/14/v-dzhajhune-zaderzhan-zhitel-rajona-s-12-kg-geroina/")
r("R24S17","khovar","tg","2022-11-14T14:00:00Z","Дар Ҷайҳун 12 кило героин мусодира гардид",
  "Сокини ноҳияи Ҷайҳун бо 12 кило героин боздошт шуд. Парвандаи ҷиноӣ оғоз гардид.",
  "https://khovar.tj/2022/11/dar-jayhun-12-kilo-geroin/")

st("R24S18","smuggling",3)
r("R24S18","asiaplus","ru","2022-11-15T08:40:00Z","ГКНБ: на границе с Афганистаном в Хамадони убит контрабандист",
  "В ночь на 15 ноября пограничный наряд заставы «Гулистон» Московского погранотряда обнаружил группу нарушителей. После предупредительных выстрелов они открыли огонь. Один нарушитель убит, двое ушли на сопредельную территорию.",
  "https://asiaplustj.info/ru/news/tajikistan/security/20221115/gknb-na-granitse-v-hamadoni-ubit-kontrabandist")
r("R24S18","avesta","ru","2022-11-15T09:00:00Z","При задержании нарушителей границы в Хамадони уничтожен контрабандист",
  "На месте изъято 46 кг гашиша, автомат Калашникова и два магазина с патронами. Личный состав потерь не имеет.",
  "https://avesta.tj/2022/11/15/pri-zaderzhanii-narushitelej-granitsy-v-hamadoni/")
r("R24S18","ozodi","tg","2022-11-15T10:20:00Z","Дар Ҳамадонӣ як қочоқбари мусаллаҳ кушта шуд",
  "КДАМ мегӯяд, қочоқбарон аз тарафи ноҳияи Янгиқалъаи вилояти Тахори Афғонистон омада буданд. 46 кило чарс мусодира шуд.",
  "https://www.ozodi.org/a/32131550.html")
r("R24S18","rferl","en","2022-11-15T13:45:00Z","Tajikistan Says Armed Smuggler From Afghanistan Killed On Border",
  "Tajik authorities say one suspected smuggler was killed and two others fled back across the Panj River after a shoot-out with border guards in the southern Hamadoni district.",
  "https://www.rferl.org/a/tajikistan-afghanistan-smuggler-killed-border/32131800.html")
r("R24S18","afintl","fa","2022-11-15T15:30:00Z","مرزبانان تاجیکستان یک قاچاقبر افغان را کشتند",
  "کمیته امنیت ملی تاجیکستان گفته این فرد از ولسوالی ینگی‌قلعه تخار وارد خاک تاجیکستان شده بود. طالبان تاکنون واکنش نشان نداده‌اند.",
  "https://www.afintl.com/202211152345")
gd("R24S18","tajikta.tj","tg","2022-11-16T05:00:00Z","Дар марз бо Афғонистон қочоқбари мусаллаҳ безарар гардонида шуд",
  "<b>Душанбе</b>, 16.11.2022. Марзбонони отряди Маскав ҳангоми боздошти вайронкунандагони марз ...",
  "https://tajikta.tj/tg/news/dar-marz-qochoqbari-musallah")

st("R24S19","diplomacy",1)
r("R24S19","tolonews","fa","2022-11-15T06:30:00Z","هیئت برشنا برای تمدید قرارداد برق به دوشنبه رفت",
  "شرکت برشنا می‌گوید هیئتی از این شرکت برای گفتگو درباره تمدید قرارداد واردات برق برای سال ۲۰۲۳ میلادی به تاجیکستان سفر کرده است.",
  "https://tolonews.com/fa/business-180021")
r("R24S19","pajhwok","ps","2022-11-15T08:45:00Z","د برېښنا د قرارداد د تمدید لپاره د برشنا پلاوی تاجکستان ته ولاړ",
  "د افغانستان برېښنا شرکت وایي، د تاجکستان له بارقي تاجیک سره به د بیو او د زمستاني ټاکلي مقدار پر سر خبرې وشي.",
  "https://pajhwok.com/ps/2022/11/15/برشنا-پلاوی-تاجکستان/")
r("R24S19","ariananews","en","2022-11-16T07:20:00Z","DABS delegation in Dushanbe for power import talks",
  "Da Afghanistan Breshna Sherkat (DABS) said its delegation is holding talks with Tajikistan's Barqi Tojik over extending the electricity supply contract.",
  "https://www.ariananews.af/dabs-delegation-in-dushanbe-for-power-import-talks/")
r("R24S19","asiaplus","ru","2022-11-16T10:00:00Z","В Душанбе находится делегация афганской энергокомпании",
  "Представители DABS обсуждают с «Барки Точик» условия поставок электроэнергии в 2023 году. В «Барки Точик» визит не комментируют.",
  "https://asiaplustj.info/ru/news/tajikistan/economic/20221116/v-dushanbe-nahoditsya-delegatsiya")

st("R24S20","aid",1)
r("R24S20","asiaplus","en","2022-11-16T08:00:00Z","U.S. provides Tajik border forces with vehicles and communications equipment",
  "The equipment, worth some $1 million, was handed over to the Border Forces' Khorog detachment in Gorno-Badakhshan, the U.S. Embassy said on November 16.",
  "https://asiaplustj.info/en/news/tajikistan/security/20221116/us-provides-tajik-border-forces")
r("R24S20","avesta","ru","2022-11-16T08:50:00Z","США передали Хорогскому погранотряду автомобили и средства связи",
  "Переданы 12 автомобилей повышенной проходимости и радиостанции для застав на границе с Афганистаном в ГБАО.",
  "https://avesta.tj/2022/11/16/ssha-peredali-horogskomu-pogranotryadu/")
r("R24S20","khovar","tg","2022-11-16T10:30:00Z","ИМА ба отряди сарҳадии Хоруғ мошин ва воситаҳои алоқа ҳадя кард",
  "Ҳадяи Сафорати ИМА дар доираи барномаи ҳамкорӣ дар соҳаи ҳифзи сарҳад ба Қӯшунҳои сарҳадӣ супурда шуд.",
  "https://khovar.tj/2022/11/ima-ba-otryadi-sarhadii-khorugh/")
gn("R24S20","Sputnik Таджикистан","ru","2022-11-16T12:15:00Z","США подарили таджикским пограничникам 12 внедорожников")

st("R24S21","crossing",2)
r("R24S21","ozodi","tg","2022-11-16T07:45:00Z","Тоҷикистон боз чанд муҳоҷири афғонро ба ватанашон баргардонд",
  "Ба гуфтаи хешовандонашон, ҳафт шаҳрванди Афғонистон, ки дар Ваҳдат зиндагӣ мекарданд, тавассути гузаргоҳи Панҷи Поён ба Шерхонбандар супурда шуданд.",
  "https://www.ozodi.org/a/32133010.html")
r("R24S21","rferl","en","2022-11-16T11:00:00Z","Tajikistan Deports Afghan Refugees Despite Risks Under Taliban",
  "Relatives say seven Afghans, including a former soldier, were handed to the Taliban at the Sher Khan Bandar crossing. Rights groups have urged Dushanbe to stop deportations.",
  "https://www.rferl.org/a/tajikistan-deports-afghan-refugees-taliban/32133400.html")
r("R24S21","afintl","fa","2022-11-16T13:20:00Z","تاجیکستان هفت پناهجوی افغان را به طالبان تحویل داد",
  "منابع می‌گویند این افراد از طریق بندر شیرخان به افغانستان بازگردانده شده‌اند و یکی از آنان سرباز پیشین ارتش است.",
  "https://www.afintl.com/202211163112")
r("R24S21","amu","fa","2022-11-17T05:40:00Z","اخراج پناهجویان افغان از تاجیکستان؛ نگرانی از سرنوشت یک نظامی پیشین",
  "خانواده‌های این پناهجویان می‌گویند آنان سال گذشته پس از سقوط کابل به تاجیکستان رفته بودند.",
  "https://amu.tv/fa/29402/")

st("R24S22","analysis",0)
gn("R24S22","The Diplomat","en","2022-11-17T09:00:00Z","Tajikistan and the Taliban: Enemies Who Still Do Business")

st("R24S23","diplomacy",1)
r("R24S23","24kg","ru","2022-11-15T11:00:00Z","Топографические рабочие группы Кыргызстана и Таджикистана возобновили работу",
  "Встреча проходит в Баткенской области. Стороны продолжают описание спорных участков после сентябрьского конфликта.",
  "https://24.kg/vlast/251300_topograficheskie_rabochie_gruppyi/")
r("R24S23","kaktus","ru","2022-11-15T13:30:00Z","Ташиев: переговоры с Таджикистаном по границе продолжаются",
  "Глава ГКНБ Камчыбек Ташиев заявил, что рабочие группы согласовали ещё несколько участков.",
  "https://kaktus.media/doc/469700_tashiev_peregovory.html")
r("R24S23","asiaplus","ru","2022-11-16T06:20:00Z","Таджикские и кыргызские топографы снова сели за стол переговоров",
  "Заседание рабочих групп проходит в Баткене; о результатах стороны пока не сообщают.",
  "https://asiaplustj.info/ru/news/tajikistan/politics/20221116/tadzhikskie-i-kyrgyzskie-topografy")

st("R24S24","crossing",2)
r("R24S24","tolonews","en","2022-11-14T10:30:00Z","Chaman Crossing Remains Closed, Traders Complain of Losses",
  "The Spin Boldak-Chaman crossing remained closed for a second day after a shooting incident at the gate. Hundreds of trucks are stranded on both sides.",
  "https://tolonews.com/business-180000")
r("R24S24","pajhwok","ps","2022-11-15T07:10:00Z","د چمن دروازه بنده ده؛ سوداګر منځنۍ اسیا ته د لارو غوښتنه کوي",
  "سوداګر وايي، د پاکستان لارې تکراري بندېدل ښیي چې باید د ازبکستان او تاجکستان له لارې تجارت پراخ شي.",
  "https://pajhwok.com/ps/2022/11/15/د-چمن-دروازه-بنده/")
gn("R24S24","Dawn","en","2022-11-14T12:00:00Z","Chaman border closed after firing incident")

st("R24S25","deployment",1)
r("R24S25","tass","ru","2022-11-17T05:30:00Z","Российские военные в Таджикистане отработали уничтожение бандформирований у афганской границы",
  "Учение с подразделениями 201-й базы прошло на полигоне Харбмайдон в Хатлонской области, в нём задействовано около 1 тыс. военнослужащих.",
  "https://tass.ru/armiya-i-opk/16350011")
r("R24S25","ria","ru","2022-11-17T06:40:00Z","Военные 201-й базы провели учения вблизи границы с Афганистаном",
  "Мотострелки отразили атаку условного противника, прорвавшегося на территорию Таджикистана.",
  "https://ria.ru/20221117/ucheniya-1832000111.html")
gn("R24S25","Sputnik Таджикистан","ru","2022-11-17T08:00:00Z","Российские военные провели учения на Харбмайдоне")

st("R24S26","diplomacy",1)
r("R24S26","bakhtar","fa","2022-11-17T07:30:00Z","دیدار والی بدخشان با هیئت مرزی تاجیکستان در اشکاشم",
  "در این دیدار روی بازگشایی بازار مشترک مرزی اشکاشم و همکاری‌های مرزی گفتگو شد.",
  "https://bakhtarnews.af/dr/دیدار-والی-بدخشان-اشکاشم/")
r("R24S26","tolonews","fa","2022-11-17T10:10:00Z","مقام‌های بدخشان و تاجیکستان درباره بازگشایی بازار اشکاشم گفتگو کردند",
  "مقام‌های محلی می‌گویند بازار مرزی اشکاشم از زمان شیوع کرونا بسته است.",
  "https://tolonews.com/fa/afghanistan-180120")

st("R24S27","crossing",1)
r("R24S27","pajhwok","ps","2022-11-18T06:15:00Z","له شېرخان بندره تاجکستان ته د سکرو صادرات زیات شوي",
  "د کندز د سوداګرۍ خونې په وینا، په تېره میاشت کې له ۵۰۰ زیاتو لارۍ سکاره تاجکستان ته صادر شوي.",
  "https://pajhwok.com/ps/2022/11/18/تاجکستان-ته-سکاره/")

st("R24S28","analysis",0)
r("R24S28","rferl","en","2022-11-18T10:00:00Z","Islamic State-Khorasan Steps Up Propaganda In Tajik Language",
  "ISIS-K's media arm is publishing more material in Tajik, targeting Tajik migrants and calling for attacks on Dushanbe. Analysts say the group recalls its April rocket fire toward Tajikistan.",
  "https://www.rferl.org/a/islamic-state-khorasan-tajik-propaganda/32137000.html")

st("R24S29","crossing",1)
r("R24S29","kunuz","uz","2022-11-18T08:30:00Z","Termiz orqali Afgʻonistonga eksport 10 oyda 600 mln dollardan oshdi",
  "Oʻzbekiston Afgʻoniston bozorida Tojikiston va Qozogʻistonga nisbatan yetakchi oʻrinni saqlab qolmoqda.",
  "https://kun.uz/news/2022/11/18/termiz-eksport")

st("R24S30","smuggling",2)
r("R24S30","afintl","fa","2022-11-18T09:20:00Z","طالبان در بدخشان ۳۰۰ کیلوگرام مواد مخدر را ضبط کردند",
  "پولیس طالبان در بدخشان می‌گوید این مواد در ولسوالی شغنان، در نزدیکی مرز تاجیکستان، از یک موتر کشف شده است.",
  "https://www.afintl.com/202211180912")
r("R24S30","bakhtar","fa","2022-11-18T11:40:00Z","کشف ۳۰۰ کیلو مواد مخدر در شغنان بدخشان",
  "فرماندهی امنیه بدخشان: دو تن در پیوند به این قضیه بازداشت شدند.",
  "https://bakhtarnews.af/dr/کشف-مواد-مخدر-شغنان/")

out = []
def dump():
    R.sort(key=lambda x: x["published"])
    lines = []
    for i, x in enumerate(R, 1):
        ev, sev = S[x["story"]]
        d = {"id": f"R24-{i:03d}", "story": x["story"], "event": ev, "severity": sev}
        d.update({k: x[k] for k in ("outlet","language","published","title","summary","link")})
        lines.append(json.dumps(d, ensure_ascii=False))
    p = os.path.join(os.path.dirname(__file__), "..", "coverage.jsonl")
    open(p, "w").write("\n".join(lines) + "\n")
    print(len(lines), "reports", len({x["story"] for x in R}), "stories")
if __name__ == "__main__":
    import sys
    if len(sys.argv) > 1: exec(open(sys.argv[1]).read())
    dump()
