from gen import S, r, gn, gd
# ---- Window 5: 26-28 Oct 2025, Davang (Shahr-e Buzurg) again: clash of 25 Oct over diverting the river, "four Taliban killed and wounded"
S("R12S41","armed_clash",3)
r("R12S41","2025-10-26T06:30:00Z","8am","fa","کشته و زخمی شدن چهار طالب در درگیری مرزی با تاجیکستان",
  "منابع محلی از وقوع درگیری تازه‌ای میان نیروهای طالبان و مرزبانان تاجیکستان در ولسوالی شهر بزرگ، منطقه داونگ خبر می‌دهند. به گفته منابع، درگیری شامگاه گذشته رخ داده و چندین ساعت ادامه یافته و چهار طالب کشته و زخمی شده‌اند.",
  "https://8am.media/fa/four-taliban-killed-wounded-tajik-border/")
r("R12S41","2025-10-26T08:00:00Z","elmedia.news","fa","کشته و زخمی شدن چهار طالب در درگیری مرزی میان طالبان و تاجیکستان",
  "پس از وقوع درگیری مرزی میان طالبان و تاجیکستان منطقه شکل نظامی به خود گرفته است. تاکنون هیچ جزئیاتی از تلفات احتمالی نیروهای تاجیکستان در دسترس رسانه‌ها قرار نگرفته است.",
  "https://elmedia.news/four-taliban-tajik-border-clash/")
r("R12S41","2025-10-26T10:15:00Z","afintl","fa","درگیری دوباره نیروهای طالبان و مرزبانان تاجیکستان در بدخشان",
  "منابع به افغانستان اینترنشنال گفتند درگیری بر سر تغییر مسیر آب دریای آمو در شهر بزرگ آغاز شد. طالبان نیروهای بیشتری به منطقه اعزام کرده‌اند.",
  "https://www.afintl.com/202510260345")
r("R12S41","2025-10-26T12:40:00Z","amu","en","Taliban, Tajik border guards clash again in Badakhshan's Shahr-e Buzurg",
  "Fresh clashes broke out between Taliban forces and Tajik border guards in the Davang area of Shahr-e Buzurg district on Saturday evening, local sources said, adding that four Taliban members were killed or wounded. Tajik officials have not commented.",
  "https://amu.tv/213456/")
r("R12S41","2025-10-26T15:00:00Z","azadi","ps","بدخشان: د طالبانو او تاجک پوله ساتو ترمنځ بیا نښته شوې",
  "سرچینې وايي د ښار بزرګ ولسوالۍ په داونګ کې د اوبو د لارې د بدلون پر سر نښته وشوه او څلور طالبان ووژل او ټپيان شول.",
  "https://pa.azadiradio.com/a/33570011.html")
r("R12S41","2025-10-27T06:20:00Z","ozodi","tg","Гузоришҳо дар бораи задухӯрди нав дар марзи Тоҷикистону Афғонистон",
  "Расонаҳои афғон аз задухӯрди марзбонони тоҷик ва Толибон дар рӯбарӯи ноҳияи Шамсиддин Шоҳин хабар медиҳанд. Сабаби низоъ тағйири маҷрои дарёи Панҷ номида мешавад. Мақомоти Тоҷикистон ин хабарро шарҳ надоданд.",
  "https://www.ozodi.org/a/33571234.html")
r("R12S41","2025-10-27T08:30:00Z","asiaplus","ru","Афганские СМИ сообщили о новом столкновении на границе. Душанбе молчит",
  "Сообщается, что перестрелка в Дованге напротив Шамсиддин Шохина вспыхнула из-за споров о русле Пянджа. Это второй подобный инцидент на этом участке за два месяца: в конце августа там, по данным афганских СМИ, погиб один талиб.",
  "https://asiaplustj.info/ru/news/tajikistan/security/20251027/afganskie-smi-soobshchili-o-novom-stolknovenii")
r("R12S41","2025-10-27T10:45:00Z","fergana","ru","Талибы и таджикские пограничники снова стреляли друг в друга из-за воды",
  "Поводом для столкновения в уезде Шахри-Бузург стали работы по отводу воды из Пянджа, пишет «Хашт-е Субх». Сведений о потерях таджикской стороны нет.",
  "https://fergana.media/news/143210/")
r("R12S41","2025-10-27T13:00:00Z","tolo","ps","د بدخشان چارواکي: له تاجکستان سره ستونزه حل شوې، تلفات نه دي اوښتي",
  "د اسلامي امارت محلي چارواکو ویلي چې د ښار بزرګ په سیمه کې له تاجک لوري سره لانجه د خبرو له لارې حل شوې او هېڅوک نه دي وژل شوي.",
  "https://tolonews.com/ps/afghanistan-197321")
gn("R12S41","2025-10-28T07:10:00Z","The Times Of Central Asia","en","Tajik Border Guards Clash with Taliban Fighters Along Afghan Border")
gd("R12S41","2025-10-28T09:00:00Z","kabulnow.com","en","Taliban and Tajik Border Forces Clash Over Water Diversion in Badakhshan","/2025/10/taliban-tajik-border-forces-clash-water/")

S("R12S42","smuggling",2)
r("R12S42","2025-10-26T09:30:00Z","khovar","tg","Дар Фарҳор беш аз 70 кг маводи мухаддир мусодира гардид",
  "Марзбонони заставаи «Қалъаи Саид» дар ноҳияи Фарҳор ду вайронкунандаи сарҳадро бо 73 кг ҳашиш боздошт карданд.",
  "https://khovar.tj/2025/10/dar-farhor-mavodi-mukhaddir/")
r("R12S42","2025-10-26T13:30:00Z","sputnik_tj","ru","В Фархоре задержаны нарушители границы с 73 кг гашиша",
  "Пограничники задержали двух нарушителей, пытавшихся переправить через Пяндж партию гашиша, сообщили в ГКНБ.",
  "https://tj.sputniknews.ru/20251026/farhor-narushiteli-1075010.html")
S("R12S43","smuggling",2)
r("R12S43","2025-10-27T07:00:00Z","avesta","ru","В Дарвазе у границы обнаружен тайник с опием",
  "В Дарвазском районе ГБАО вблизи кишлака Ёгед пограничники обнаружили тайник с 38 кг опия, переправленного с афганского берега.",
  "http://avesta.tj/2025/10/27/v-darvaze-obnaruzhen-tajnik/")
S("R12S44","diplomacy",1)
r("R12S44","2025-10-27T11:30:00Z","afp","en","Pakistan, Afghanistan talks in Istanbul drag on as ceasefire holds",
  "Pakistani and Taliban delegations met for a third day in Istanbul to turn the Doha ceasefire into a lasting mechanism after deadly border clashes this month. Central Asian neighbours including Uzbekistan and Tajikistan are watching trade routes disrupted by the closed crossings.",
  "https://www.afp.com/en/news/pakistan-afghanistan-istanbul-talks")
r("R12S44","2025-10-27T14:20:00Z","tolo","fa","دور سوم گفتگوهای امارت اسلامی و پاکستان در استانبول",
  "هیئت‌های امارت اسلامی و پاکستان در سومین روز گفتگوها در استانبول درباره سازوکار نظارت بر آتش‌بس بحث کردند.",
  "https://tolonews.com/fa/afghanistan-197330")
gn("R12S44","2025-10-28T06:00:00Z","Reuters","en","Pakistan-Afghanistan peace talks in Istanbul hit impasse, sources say")
S("R12S45","aid",1)
r("R12S45","2025-10-28T08:00:00Z","asiaplus","en","OSCE hands over thermal cameras to border posts in GBAO",
  "The OSCE Programme Office in Dushanbe has handed over thermal imaging cameras and solar power kits to frontier posts of the Ishkoshim and Khorog border detachments.",
  "https://asiaplustj.info/en/news/tajikistan/society/20251028/osce-thermal-cameras-gbao")
S("R12S46","analysis",0)
r("R12S46","2025-10-28T12:00:00Z","eurasianet","en","Tajikistan-Afghanistan: Rivers of gold, rivers of trouble",
  "Two firefights in Davang in as many months point to a new source of tension: dredging and diversion of the Panj by mining firms on both banks. Dushanbe prefers silence; the Taliban speak of misunderstandings.",
  "https://eurasianet.org/tajikistan-afghanistan-rivers-of-gold-rivers-of-trouble")
