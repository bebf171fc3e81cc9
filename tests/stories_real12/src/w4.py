from gen import S, r, gn, gd
# ---- Window 4: 30 Aug - 1 Sep 2025, Davang (Shahr-e Buzurg, Badakhshan) opposite Shamsiddin Shohin: clash of 24 Aug reported a week later
S("R12S31","armed_clash",3)
r("R12S31","2025-08-30T08:10:00Z","shana","fa","درگیری نیروهای طالبان با مرزبانان تاجیکستان در داونگ بدخشان؛ یک طالب کشته شد",
  "منابع محلی به شانه گفتند که در درگیری مرزی میان نیروهای طالبان و مرزبانان تاجیکستان در منطقه داونگ ولسوالی شهر بزرگ، یک عضو طالبان کشته و چهار تن دیگر زخمی شدند. این درگیری روز دوم سنبله رخ داده و پس از آن فرماندهان دو طرف دیدار کردند.",
  "https://shana.news/fa/davang-border-clash")
r("R12S31","2025-08-30T10:30:00Z","afintl","fa","گزارش‌ها از درگیری مرزی طالبان و تاجیکستان در شهر بزرگ بدخشان",
  "گزارش‌ها حاکی است که هفته گذشته میان نیروهای طالبان و مرزبانان تاجیکستان در ولسوالی شهر بزرگ بدخشان درگیری رخ داده است. منابع می‌گویند علت درگیری فعالیت شرکت‌های معدن‌کاری چینی و تغییر مسیر دریای پنج بوده است.",
  "https://www.afintl.com/202508300412")
r("R12S31","2025-08-30T13:00:00Z","amu","en","Taliban fighter killed in clash with Tajik border guards in Badakhshan: sources",
  "One Taliban fighter was killed and four others were wounded in a clash with Tajik border guards in Shahr-e Buzurg district of Badakhshan, sources told Amu. Video shared online shows Taliban and Tajik commanders meeting on the riverbank after the incident.",
  "https://amu.tv/198765/")
r("R12S31","2025-08-30T15:20:00Z","8am","fa","یک کشته و چهار زخمی در درگیری طالبان با مرزبانان تاجیک",
  "منابع محلی در بدخشان تأیید کردند که درگیری در منطقه داونگ رخ داده و یک جنگجوی طالبان کشته شده است. طالبان تاکنون در این باره چیزی نگفته‌اند.",
  "https://8am.media/fa/taliban-tajik-clash-davang/")
r("R12S31","2025-08-31T06:40:00Z","24.kg","ru","На границе между таджикскими пограничниками и «Талибаном» произошла перестрелка",
  "По данным афганского агентства Shana, один талиб убит, еще четверо ранены. Столкновение произошло еще 24 августа в уезде Дованг провинции Бадахшан, граничащей с районом Шамсиддин Шохин Хатлонской области. Официальных комментариев от властей РТ или «Талибана» нет.",
  "https://24.kg/proisshestvija/341654_nagranitse_mejdu_tadjikskimi_pogranichnikami_italibanom_proizoshla_perestrelka/")
r("R12S31","2025-08-31T08:00:00Z","ozodi","tg","Расонаҳои афғон: дар марз бо Шамсиддин Шоҳин тирпарронӣ шудааст",
  "Расонаҳои афғон менависанд, 24 август дар марзи ноҳияи Шамсиддин Шоҳин миёни марзбонони тоҷик ва Толибон задухӯрд рух дода, як толиб кушта шудааст. Сарраёсати қӯшунҳои сарҳадии КДАМ ба дархости Озодӣ посух надод.",
  "https://www.ozodi.org/a/33512345.html")
r("R12S31","2025-08-31T09:30:00Z","asiaplus","ru","Перестрелка в Шамсиддин Шохине: что известно",
  "Афганские СМИ сообщают о вооруженном инциденте на участке погранотряда «Шамсиддин Шохин». По данным источника «Азии-Плюс», с таджикской стороны пострадавших нет, а инцидент урегулирован на встрече пограничных представителей.",
  "https://asiaplustj.info/ru/news/tajikistan/security/20250831/perestrelka-v-shamsiddin-shohine")
r("R12S31","2025-08-31T11:15:00Z","fergana","ru","Таджикские пограничники и талибы обменялись огнем в районе золотых приисков",
  "Причиной столкновения в Дованге называют работы китайских горнодобывающих компаний, разрушающих русло Пянджа. Стороны позже провели переговоры, на которых Таджикистан представлял начальник погранотряда.",
  "https://fergana.media/news/141234/")
r("R12S31","2025-08-31T14:00:00Z","bbc_pashto","ps","بدخشان: د طالبانو او تاجک پوله ساتو ترمنځ نښته کې یو طالب وژل شوی",
  "سیمه ییزې سرچینې وايي د بدخشان د ښار بزرګ ولسوالۍ په داونګ سیمه کې د طالبانو او تاجک پوله ساتو ترمنځ نښته کې یو طالب وژل شوی او څلور نور ټپيان دي.",
  "https://www.bbc.com/pashto/articles/c0davang25")
gn("R12S31","2025-09-01T07:00:00Z","The Times Of Central Asia","en","Clash on Tajik-Afghan Border Leaves One Taliban Fighter Dead")
r("R12S31","2025-09-01T09:40:00Z","tolo","fa","مقام‌های محلی بدخشان: مشکل مرزی با تاجیکستان از راه گفتگو حل شد",
  "مسئولان امارت اسلامی در بدخشان می‌گویند اختلاف بر سر کار در بستر دریای آمو در شهر بزرگ با همتایان تاجیک از راه گفتگو حل شده است. آنان از تلفات چیزی نگفتند.",
  "https://tolonews.com/fa/afghanistan-195111")

S("R12S32","smuggling",2)
r("R12S32","2025-08-30T09:00:00Z","khovar","ru","В Пянджском районе пресечена попытка контрабанды 96 кг наркотиков",
  "Сотрудники ГКНБ совместно с пограничниками заставы «Ходжа Гор» задержали на берегу Пянджа троих нарушителей с 96 кг гашиша и опия.",
  "https://khovar.tj/rus/2025/08/v-pyandzhskom-rajone-presechena/")
r("R12S32","2025-08-30T12:10:00Z","avesta","tg","Дар ноҳияи Панҷ 96 кило маводи мухаддир ошкор шуд",
  "Марзбонон ва кормандони КДАМ дар ноҳияи Панҷ се нафарро бо 96 кг маводи мухаддир дастгир карданд.",
  "http://avesta.tj/tj/2025/08/30/dar-nohiyai-panj/")
S("R12S33","crossing",2)
r("R12S33","2025-08-31T10:00:00Z","pajhwok","en","Over 2,000 Afghan families return from Pakistan via Torkham in a day",
  "More than 2,000 Afghan families deported or forced to leave Pakistan returned home through the Torkham crossing on Saturday, officials said. UNHCR says returns from Pakistan and Iran have topped two million this year, while smaller numbers of Afghans remain in Tajikistan and Uzbekistan.",
  "https://pajhwok.com/2025/08/31/over-2000-afghan-families-return-pakistan-torkham/")
r("R12S33","2025-08-31T13:30:00Z","tolo","en","Thousands of Afghan migrants return from Pakistan via Torkham",
  "The Islamic Emirate's refugee commission said thousands of returnees crossed Torkham in the past 24 hours and called on Pakistan to stop forced deportations.",
  "https://tolonews.com/afghanistan-195099")
S("R12S34","crossing",1)
r("R12S34","2025-09-01T05:30:00Z","bakhtar","fa","صادرات ۱۲۰۰ تن میوه تازه از بندر شیرخان به تاجیکستان",
  "ریاست صنعت و تجارت کندز گفت در هفته گذشته ۱۲۰۰ تن میوه تازه و سبزی از طریق بندر شیرخان به تاجیکستان صادر شده است.",
  "https://bakhtarnews.af/fa/sherkhan-exports-tajikistan/")
S("R12S35","aid",1)
r("R12S35","2025-09-01T08:20:00Z","asiaplus","en","Tajik border troops receive off-road vehicles under CSTO program",
  "A batch of off-road vehicles and surveillance equipment has been handed over to the Border Troops of Tajikistan's SCNS under the CSTO targeted program for strengthening the Tajik-Afghan border, the organization's secretariat said.",
  "https://asiaplustj.info/en/news/tajikistan/security/20250901/tajik-border-troops-receive-vehicles-csto")
S("R12S36","analysis",0)
r("R12S36","2025-09-01T12:30:00Z","thediplomat","en","Gold, Water and Guns: Why the Tajik-Afghan Border Is Heating Up",
  "Chinese-run gold dredging along the Panj has reshaped the riverbed and fuelled friction between Tajik border troops and Taliban units in Badakhshan. The latest firefight in Davang is unlikely to be the last.",
  "https://thediplomat.com/2025/09/gold-water-and-guns-tajik-afghan-border/")
