from gen import S, r, gn, gd
# ---- Window 2: 3-5 Dec 2017, Shamsiddin Shohin: detachment commander Col. Akhtamov killed (2 Dec evening)
S("R12S11","smuggling",3)
r("R12S11","2017-12-03T04:40:00Z","sputnik_tj","ru","На таджикско-афганской границе погиб командир погранотряда",
  "Вооруженное столкновение, вероятно с группой афганских контрабандистов, произошло вечером в субботу у кишлака Лангуричо в районе Шамсиддина Шохина, сообщил источник в ГКНБ. Полковник Ахтамов погиб на месте, четверо военнослужащих госпитализированы с тяжелыми ранениями.",
  "https://tj.sputniknews.ru/incidents/20171203/1024012345.html")
r("R12S11","2017-12-03T06:15:00Z","asiaplus","ru","В Шамсиддин Шохине в бою с наркокурьерами погиб командир погранотряда",
  "Командир погранотряда «Шуроабад» полковник Хайриддин Ахтамов погиб в перестрелке с вооруженными афганскими наркоторговцами. Еще четверо пограничников ранены.",
  "https://asiaplustj.info/ru/news/tajikistan/incidents/20171203/v-shamsiddin-shohine-pogib-komandir")
r("R12S11","2017-12-03T07:30:00Z","tass","ru","Командир таджикского погранотряда погиб в бою с наркоторговцами на границе с Афганистаном",
  "ДУШАНБЕ, 3 декабря. /ТАСС/. Командир пограничного отряда погиб и четверо военнослужащих ранены в бою с вооруженными наркоторговцами на таджикско-афганской границе, сообщили ТАСС в ГКНБ республики.",
  "https://tass.ru/proisshestviya/4779120")
r("R12S11","2017-12-03T08:05:00Z","ria","ru","В Таджикистане при столкновении на границе с Афганистаном погиб полковник",
  "Столкновение произошло на заставе «Бахорак» в районе Шамсиддина Шохина, когда пограничники пытались остановить группу вооруженных наркоторговцев из Афганистана. Убиты трое афганцев, ранены четверо пограничников, сообщили в ГКНБ.",
  "https://ria.ru/20171203/1510135201.html")
r("R12S11","2017-12-03T09:20:00Z","khovar","tg","Изҳороти КДАМ: дар марз бо қочоқчиёни мусаллаҳ задухӯрд шуд",
  "2 декабр соати 19:10 дар қитъаи заставаи «Баҳорак»-и отряди марзии «Шӯрообод» гурӯҳи мусаллаҳи вайронкунандагон ба марзбонон оташ кушоданд. Дар натиҷа сардори отряд полковник Хайриддин Ахтамов ҳалок, чор марзбон захмӣ ва се вайронкунанда нобуд карда шуданд. Дар ҷои ҳодиса 4 автомат ва зиёда аз 33 кг маводи мухаддир ёфт шуд.",
  "http://khovar.tj/2017/12/izhoroti-kdam-dar-marz/")
r("R12S11","2017-12-03T10:00:00Z","asiaplus","en","One Tajik border guard killed, four others wounded in clashes with armed Afghan drug traffickers in Khatlon",
  "A statement released by the SCNS says the incident took place on December 2 at 7:10 pm in the Shamsiddin-Shohin district, some 220 kilometers southeast of Dushanbe. Commander of the border unit, Colonel Khairiddin Akhtamov, and three trespassers were killed.",
  "https://asiaplustj.info/en/news/tajikistan/incidents/20171204/one-tajik-border-guard-killed")
r("R12S11","2017-12-03T10:45:00Z","interfax","ru","ГКНБ Таджикистана: трое нарушителей уничтожены в бою на афганской границе",
  "По данным ГКНБ, нарушители границы не подчинились требованию остановиться и открыли огонь. На месте обнаружены четыре автомата Калашникова и 33 кг наркотиков. Поиск скрывшихся продолжается.",
  "https://www.interfax.ru/world/590210")
r("R12S11","2017-12-03T12:30:00Z","ozodi","tg","Фармондеҳи отряди марзии Шӯрообод дар задухӯрд кушта шуд",
  "Полковник Хайриддин Ахтамов шоми 2 декабр дар марзи ноҳияи Шамсиддин Шоҳин ҳангоми задухӯрд бо қочоқчиёни афғон ҳалок шуд. Ба гуфтаи манбаъҳо, марзбонони захмиро бо чархбол ба Душанбе интиқол доданд.",
  "https://www.ozodi.org/a/28893012.html")
r("R12S11","2017-12-03T14:10:00Z","pajhwok","en","Tajik border commander killed in clash with Afghan smugglers",
  "A Tajik border unit commander and three Afghan nationals were killed in a clash on the Tajik-Afghan border, Tajik officials said. Officials in Badakhshan province said they had no information about the incident opposite Khwahan district.",
  "https://pajhwok.com/2017/12/03/tajik-border-commander-killed-clash-afghan-smugglers/")
r("R12S11","2017-12-04T05:30:00Z","azadi","fa","مقام‌های بدخشان: کشته شدگان درگیری مرز تاجیکستان باشندگان خواهان بودند",
  "مقام‌های محلی بدخشان می‌گویند سه فردی که در درگیری با مرزبانان تاجیک در کنار دریای آمو کشته شدند، باشندگان ولسوالی خواهان بودند. نیک محمد نظری، سخنگوی والی بدخشان گفت که موضوع در دست بررسی است.",
  "https://da.azadiradio.com/a/28894417.html")
r("R12S11","2017-12-04T07:10:00Z","asiaplus","ru","Полковника Ахтамова похоронили в Фархоре",
  "Командира погранотряда Хайриддина Ахтамова, погибшего 2 декабря на границе в Шамсиддин Шохине, похоронили 3 декабря в Фархорском районе. Таджикская сторона направила афганским властям ноту с требованием расследовать инцидент.",
  "https://asiaplustj.info/ru/news/tajikistan/incidents/20171204/polkovnika-ahtamova-pohoronili")
r("R12S11","2017-12-04T09:00:00Z","fergana","ru","Таджикистан направил Афганистану ноту после гибели командира погранотряда",
  "Душанбе требует от Кабула тщательно расследовать нападение на пограничников у заставы «Бахорак» и задержать преступников. Таджикская сторона рассчитывает, что афганцы усилят контроль над границей на своей территории.",
  "https://www.fergananews.com/news/27812")
gd("R12S11","2017-12-04T11:00:00Z","rferl.org","en","Tajik Border Commander Killed In Clash With Afghan Drug Traffickers","/a/tajikistan-border-commander-killed/28895123.html")
r("R12S11","2017-12-04T13:20:00Z","pajhwok","ps","د تاجکستان له پوله ساتو سره په نښته کې درې افغانان وژل شوي",
  "د بدخشان چارواکي وايي، د خواهان ولسوالۍ درې اوسېدونکي د آمو سیند په غاړه د تاجک پوله ساتو په ډزو وژل شوي دي. تاجک لوري ویلي چې دوی وسله وال قاچاقبران وو.",
  "https://pajhwok.com/ps/2017/12/04/three-afghans-killed-tajik-border")

S("R12S12","smuggling",2)
r("R12S12","2017-12-04T06:40:00Z","avesta","ru","В Джайхуне задержан житель с 40 кг гашиша",
  "Сотрудники Агентства по контролю за наркотиками задержали в районе Джайхун 33-летнего местного жителя, у которого изъято около 40 кг гашиша афганского производства.",
  "http://avesta.tj/2017/12/04/v-dzhajhune-zaderzhan/")
r("R12S12","2017-12-04T10:20:00Z","khovar","tg","Дар Ҷайҳун 39,8 кг ҳашиш мусодира карда шуд",
  "Кормандони Агентии назорати маводи нашъадор дар ноҳияи Ҷайҳун як сокини маҳаллиро бо 39,8 кг ҳашиш боздошт карданд.",
  "http://khovar.tj/2017/12/dar-jayhun-hashish/")
S("R12S13","deployment",1)
r("R12S13","2017-12-04T08:15:00Z","tass","ru","Мотострелки 201-й базы провели учения у границы с Афганистаном",
  "Военнослужащие 201-й российской военной базы отработали на полигоне Ляур уничтожение условных бандформирований, прорвавшихся с территории Афганистана, сообщили в пресс-службе ЦВО.",
  "https://tass.ru/armiya-i-opk/4781333")
r("R12S13","2017-12-04T09:50:00Z","ria","ru","Российские военные в Таджикистане отразили условный прорыв боевиков",
  "Учения с участием более 500 военнослужащих 201-й базы прошли на полигоне Ляур, сообщил помощник командующего ЦВО.",
  "https://ria.ru/20171204/1510182260.html")
S("R12S14","diplomacy",1)
r("R12S14","2017-12-05T06:20:00Z","tolo","en","Ghani, Mirziyoyev Sign Agreements In Tashkent",
  "President Ashraf Ghani and Uzbek President Shavkat Mirziyoyev signed some 20 agreements in Tashkent, including on a Mazar-Herat railway and power supply. Ghani said Afghanistan wants to become a transit hub linking Central Asia, including Tajikistan and Turkmenistan, with South Asia.",
  "https://tolonews.com/afghanistan/ghani-mirziyoyev-sign-agreements-tashkent")
r("R12S14","2017-12-05T09:00:00Z","afp","en","Afghan president in Uzbekistan as Tashkent courts Kabul",
  "Ashraf Ghani met Shavkat Mirziyoyev in Tashkent on Tuesday as Uzbekistan pushes trade and rail links with its southern neighbour.",
  "https://www.afp.com/en/news/afghan-president-uzbekistan")
S("R12S15","aid",1)
r("R12S15","2017-12-05T07:40:00Z","asiaplus","en","OSCE trains Tajik and Afghan border officers in Dushanbe",
  "Twenty border officers from Tajikistan and Afghanistan are attending a two-week OSCE course on risk analysis and document security at the Border Management Staff College in Dushanbe.",
  "https://asiaplustj.info/en/news/tajikistan/society/20171205/osce-trains-tajik-afghan-border-officers")
S("R12S16","analysis",0)
r("R12S16","2017-12-05T11:30:00Z","fergana","ru","Шурабадский участок: почему на нем стреляют чаще всего",
  "Горный рельеф и узкое русло Пянджа делают участок Шамсиддин Шохина самым напряженным на таджикско-афганской границе. За девять месяцев 2017 года здесь произошло большинство из 26 боестолкновений, погибли 13 наркокурьеров. Гибель полковника Ахтамова — самая громкая потеря погранвойск за последние годы.",
  "https://www.fergananews.com/articles/9712")
