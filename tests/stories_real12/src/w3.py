from gen import S, r, gn, gd
# ---- Window 3: 15-17 May 2022, Sher Khan Bandar / Panji Poyon: four-hour Taliban-Tajik exchange of fire (Saturday evening), no casualties reported
S("R12S21","armed_clash",2)
r("R12S21","2022-05-15T07:30:00Z","afintl","fa","درگیری چهار ساعته نیروهای طالبان و مرزبانان تاجیکستان در شیرخان بندر",
  "منابع محلی در شمال افغانستان می‌گویند که مرزبانان تاجیکستان و نیروهای طالبان شامگاه شنبه برای چهار ساعت در مرز مشترک در منطقه شیرخان بندر با یکدیگر درگیر بودند. به گفته منابع، درگیری پس از تنش لفظی آغاز شد و طالبان نخست آتش گشودند.",
  "https://www.afintl.com/202205155123")
r("R12S21","2022-05-15T09:10:00Z","afintl","en","Taliban and Tajik border guards clash for four hours in Sherkhan Bandar",
  "Local sources say Tajik border guards and Taliban forces exchanged fire for about four hours on Saturday evening at the Sherkhan Bandar port in Kunduz. Both sides used light and heavy weapons; there are no reports of casualties.",
  "https://www.afintl.com/en/202205159876")
r("R12S21","2022-05-15T11:45:00Z","8am","fa","تبادل آتش میان طالبان و مرزبانان تاجیک در امام صاحب کندز",
  "منابع در ولسوالی امام صاحب ولایت کندز به هشت صبح گفتند که درگیری میان افراد طالبان و مرزبانان تاجیکستان در نزدیکی بندر شیرخان رخ داده است. این منابع می‌گویند طالبان پس از درگیری نیروهای بیشتری را به منطقه فرستادند.",
  "https://8am.media/taliban-tajik-border-clash-sherkhan/")
r("R12S21","2022-05-15T13:20:00Z","rus.ozodi","ru","СМИ: На афгано-таджикской границе произошла перестрелка",
  "Афганские СМИ сообщают о перестрелке между таджикскими пограничниками и талибами в районе Шерхан-Бандара напротив Пянджа. В погранвойсках ГКНБ Таджикистана информацию пока не комментируют.",
  "https://rus.ozodi.org/a/31851234.html")
r("R12S21","2022-05-15T14:00:00Z","ozodi","tg","Расонаҳо аз тирпарронӣ дар марзи Панҷи Поён хабар медиҳанд",
  "Ба навиштаи расонаҳои афғон, шоми шанбе дар қисмати Панҷи Поён миёни марзбонони тоҷик ва нерӯҳои Толибон тирпарронӣ шудааст. Раёсати марзии КДАМ то ҳол дар ин бора изҳори назар накардааст.",
  "https://www.ozodi.org/a/31851301.html")
r("R12S21","2022-05-15T16:40:00Z","khaama","en","Taliban, Tajik border forces exchange fire in Kunduz: reports",
  "An exchange of fire took place between Taliban forces and Tajik border guards in Sherkhan Bandar area of Kunduz province on Saturday, according to local sources. The clash ended with talks between the two sides.",
  "https://www.khaama.com/taliban-tajik-border-forces-exchange-fire-in-kunduz-reports-5467/")
gn("R12S21","2022-05-15T18:00:00Z","The Khaama Press News Agency","en","Taliban, Tajik border forces exchange fire in Kunduz: reports")
r("R12S21","2022-05-16T05:50:00Z","azadi","ps","د شېرخان بندر په سیمه کې د طالبانو او تاجک پوله ساتو ترمنځ ډزې",
  "محلي سرچینې وايي د شنبې په ماښام د کندز په شېرخان بندر کې د طالبانو ځواکونو او تاجکستان د پوله ساتو ترمنځ څو ساعته ډزې وشوې. په پېښه کې د مرګ ژوبلې خبر نشته.",
  "https://pa.azadiradio.com/a/31852010.html")
r("R12S21","2022-05-16T07:20:00Z","asiaplus","ru","Перестрелка на границе с Афганистаном? В ГКНБ молчат",
  "Сообщения афганских СМИ о четырехчасовой перестрелке у Шерхан-Бандара официально не подтверждены. Источник в силовых структурах сказал «Азии-Плюс», что на участке погранотряда «Панджи Поён» обстановка стабильная, пострадавших с таджикской стороны нет.",
  "https://asiaplustj.info/ru/news/tajikistan/security/20220516/perestrelka-na-granitse")
r("R12S21","2022-05-16T10:30:00Z","tolo","fa","مقام‌های امارت اسلامی در کندز: سوءتفاهم با مرزبانان تاجیک حل شد",
  "مسئولان امارت اسلامی در کندز می‌گویند تیراندازی در بندر شیرخان ناشی از یک سوءتفاهم بوده و با گفتگو میان دو طرف حل شده است. آنان می‌گویند کسی در این رویداد آسیب ندیده است.",
  "https://tolonews.com/fa/afghanistan-177912")
gd("R12S21","2022-05-16T12:00:00Z","vlasti.net","ru","Талибы и таджики поругались на границе: бой длился четыре часа","/news/344517")

S("R12S22","diplomacy",1)
r("R12S22","2022-05-16T12:30:00Z","tass","ru","Рахмон на саммите ОДКБ призвал ускорить укрепление таджикско-афганской границы",
  "Президент Таджикистана Эмомали Рахмон на саммите ОДКБ в Москве заявил, что ситуация на таджикско-афганской границе остается напряженной, и призвал союзников ускорить программу укрепления границы.",
  "https://tass.ru/politika/14642911")
r("R12S22","2022-05-16T14:10:00Z","khovar","tg","Суханронии Президенти Тоҷикистон дар иҷлосияи ШАДА",
  "Пешвои миллат Эмомалӣ Раҳмон дар иҷлосияи Шӯрои амнияти дастаҷамъии СПАД дар Маскав вазъи сарҳади Тоҷикистону Афғонистонро нигаронкунанда арзёбӣ кард.",
  "https://khovar.tj/2022/05/sukhanronii-prezident-shada/")
r("R12S22","2022-05-16T15:30:00Z","asiaplus","en","Rahmon tells CSTO summit the situation on Afghan border remains complex",
  "Speaking at the CSTO summit in Moscow on May 16, President Emomali Rahmon said militant groups in northern Afghanistan pose a growing threat and urged partners to help strengthen Tajikistan's border.",
  "https://asiaplustj.info/en/news/tajikistan/politics/20220516/rahmon-csto-summit")
S("R12S23","smuggling",2)
r("R12S23","2022-05-16T08:00:00Z","avesta","ru","В Фархоре изъято свыше 80 кг наркотиков",
  "Пограничники и сотрудники ГКНБ в Фархорском районе задержали двух местных жителей, переправлявших с афганского берега 83 кг гашиша.",
  "http://avesta.tj/2022/05/16/v-farhore-izyato/")
r("R12S23","2022-05-16T11:10:00Z","sputnik_tj","ru","Более 80 кг гашиша из Афганистана перехватили в Фархоре",
  "Двое жителей Фархорского района задержаны на берегу Пянджа с партией гашиша весом более 80 кг, сообщили в ГКНБ.",
  "https://tj.sputniknews.ru/20220516/farhor-gashish-1049001.html")
S("R12S24","crossing",1)
r("R12S24","2022-05-17T06:30:00Z","pajhwok","en","Exports via Sherkhan port to Tajikistan up 30 percent: officials",
  "Exports through the Sherkhan Bandar port in Kunduz to Tajikistan have increased by 30 percent over the past two months, officials said, with fresh fruit and coal making up most of the goods.",
  "https://pajhwok.com/2022/05/17/exports-via-sherkhan-port-tajikistan-up/")
S("R12S25","deployment",1)
r("R12S25","2022-05-17T07:15:00Z","ria","ru","Российские военные в Таджикистане подняты по тревоге",
  "В ходе внезапной проверки боеготовности подразделения 201-й базы совершили марш на полигоны Ляур и Самбули вблизи афганской границы.",
  "https://ria.ru/20220517/proverka-1788812345.html")
S("R12S26","crossing",1)
r("R12S26","2022-05-17T09:00:00Z","kun.uz","uz","Termizdagi xalqaro savdo markazida afg'onlar uchun yangi tartib",
  "Termiz xalqaro savdo markaziga afg'onistonlik tadbirkorlar vizasiz kirishi davom etmoqda. Markaz rahbariyati Tojikiston va Turkmaniston orqali tranzit yuklar ham ko'payganini aytdi.",
  "https://kun.uz/uz/news/2022/05/17/termiz-savdo-markazi")
S("R12S27","analysis",0)
r("R12S27","2022-05-17T12:00:00Z","eurasianet","en","Tajikistan: Rockets, rumors and a jittery Afghan frontier",
  "After an Islamic State claim of rockets fired at Tajikistan earlier this month and reports of a firefight at Sherkhan Bandar, Dushanbe's relations with the Taliban look as frosty as ever. Officials keep silent; analysts see a border where small incidents can escalate.",
  "https://eurasianet.org/tajikistan-rockets-rumors-and-a-jittery-afghan-frontier")
