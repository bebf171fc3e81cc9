# additions to weeks 1-2
r("R24S07","bbcpersian","fa","2019-12-03T12:30:00Z","حمله طالبان در قندوز؛ دست‌کم شش سرباز کشته شدند",
  "مقام‌ها می‌گویند جنگ در ولسوالی دشت ارچی، در مجاورت مرز با تاجیکستان، ساعت‌ها ادامه داشت.",
  "https://www.bbc.com/persian/afghanistan-50645120")
gd("R24S03","news.tj","ru","2019-12-04T08:10:00Z","Погибший на границе в Дарвазе нарушитель оказался жителем Шекая",
  "<p>Погибший в перестрелке с таджикскими пограничниками мужчина был жителем уезда Шекай провинции Бадахшан, сообщают афганские СМИ...</p>",
  "https://news.tj/ru/news/tajikistan/security/20191204/pogibshii-narushitel")
gn("R24S18","Sputnik Тоҷикистон","tg","2022-11-15T11:00:00Z","Дар Ҳамадонӣ марзбонон қочоқбари мусаллаҳро безарар гардонданд")
r("R24S21","azadiradio","fa","2022-11-17T07:10:00Z","تاجیکستان هفت پناهجوی افغان را اخراج کرد",
  "بستگان این افراد به رادیو آزادی گفتند که آنان از بندر شیرخان به افغانستان فرستاده شدند.",
  "https://da.azadiradio.com/a/32134050.html")
gn("R24S19","KabulNow","en","2022-11-16T09:40:00Z","Taliban seek to extend Tajik electricity contract as winter nears")
st("R24S31","diplomacy",1)
r("R24S31","khovar","tg","2019-12-03T10:00:00Z","Вазири корҳои хориҷӣ бо Сафири Афғонистон мулоқот кард",
  "Сироҷиддин Муҳриддин ва Сафири Ҷумҳурии Исломии Афғонистон Муҳаммадзоҳир Агбар масъалаҳои ҳамкории дуҷониба, аз ҷумла амнияти марзро баррасӣ карданд.",
  "https://khovar.tj/2019/12/vaziri-korhoi-horiji-bo-safiri-afgoniston/")
st("R24S32","analysis",0)
r("R24S32","ozodi","tg","2022-11-18T07:00:00Z","Гурезаҳои афғон дар Ваҳдат: «Ба куҷо равем?»",
  "Ҳазорҳо паноҳҷӯи афғон дар шаҳри Ваҳдат зиндагӣ мекунанд ва аз хатари ихроҷ нигаронанд. Гузориши Озодӣ.",
  "https://www.ozodi.org/a/32136500.html")
st("R24S33","aid",1)
r("R24S33","pajhwok","en","2022-11-17T12:00:00Z","WFP distributes food aid to 4,000 families in Badakhshan border districts",
  "The World Food Programme has distributed flour, oil and pulses in Shighnan, Ishkashim and Wakhan districts along the border with Tajikistan ahead of winter.",
  "https://pajhwok.com/2022/11/17/wfp-distributes-food-aid-badakhshan/")
r("R24S33","bakhtar","fa","2022-11-17T14:20:00Z","توزیع کمک‌های غذایی به ۴ هزار خانواده در بدخشان",
  "این کمک‌ها از سوی برنامه جهانی غذا در ولسوالی‌های شغنان، اشکاشم و واخان توزیع شد.",
  "https://bakhtarnews.af/dr/توزیع-کمک-بدخشان/")
st("R24S34","smuggling",2)
r("R24S34","pajhwok","en","2019-12-04T11:00:00Z","Heroin seized from truck at Sher Khan Bandar port",
  "Kunduz police say 23 kilograms of heroin were found hidden in a truck heading to Tajikistan at the Sher Khan Bandar port. The driver was arrested.",
  "https://pajhwok.com/2019/12/04/heroin-seized-truck-sher-khan-bandar/")

# ---------------- Week 3: 3-7 March 2025 ----------------
st("R24S35","armed_clash",3)
r("R24S35","tolonews","en","2025-03-03T07:30:00Z","Clashes Erupt Between Afghan, Pakistani Forces at Torkham",
  "Clashes broke out overnight between forces of the Islamic Emirate and Pakistan at Torkham, where the crossing has been closed for more than ten days. Casualties were reported on both sides.",
  "https://tolonews.com/afghanistan-192900")
r("R24S35","afintl","fa","2025-03-03T09:10:00Z","درگیری نیروهای طالبان و پاکستان در تورخم؛ یک عضو طالبان کشته شد",
  "درگیری‌ها پس از آن آغاز شد که پاکستان به ساخت یک پاسگاه توسط طالبان اعتراض کرد.",
  "https://www.afintl.com/202503035611")
r("R24S35","pajhwok","en","2025-03-04T08:20:00Z","Torkham closure: traders eye Central Asian routes as clashes continue",
  "With Torkham shut and fresh clashes on Monday, traders in Nangarhar say exporters are shifting cargo to routes via Uzbekistan, Turkmenistan and Tajikistan.",
  "https://pajhwok.com/2025/03/04/torkham-closure-traders-central-asia/")
st("R24S36","smuggling",2)
r("R24S36","asiaplus","ru","2025-03-03T06:45:00Z","На границе с Афганистаном изъято почти 300 кг наркотиков",
  "По данным ГКНБ, тайник обнаружен на участке Фархорского пограничного отряда. Нарушители скрылись на афганской стороне.",
  "https://asiaplustj.info/ru/news/tajikistan/security/20250303/na-granitse-s-afganistanom-izyato-pochti-300-kg")
r("R24S36","avesta","ru","2025-03-03T07:20:00Z","Фархорские пограничники обнаружили 296 кг гашиша",
  "Наркотики в мешках были спрятаны в камышах на берегу реки Пяндж напротив уезда Дашти Кала провинции Тахар.",
  "https://avesta.tj/2025/03/03/farhorskie-pogranichniki-obnaruzhili-296-kg-gashisha/")
r("R24S36","khovar","tg","2025-03-03T08:30:00Z","Дар Фархор 296 кило маводи мухаддир кашф гардид",
  "Марзбонони Қӯшунҳои сарҳадии КДАМ дар қитъаи отряди сарҳадии Фархор 296 кило чарсро кашф ва мусодира карданд.",
  "https://khovar.tj/2025/03/dar-farhor-296-kilo/")
r("R24S36","ozodi","tg","2025-03-03T10:00:00Z","Марзбонон қариб се сад кило чарс ёфтанд",
  "КДАМ мегӯяд, ин маводро қочоқчиёни афғон дар соҳили Панҷ пинҳон карда буданд.",
  "https://www.ozodi.org/a/33333100.html")
gn("R24S36","Sputnik Таджикистан","ru","2025-03-03T11:15:00Z","Почти 300 кг гашиша нашли пограничники в Фархоре")
r("R24S36","amu","fa","2025-03-03T14:00:00Z","تاجیکستان: نزدیک به ۳۰۰ کیلوگرام چرس از مرز افغانستان کشف شد",
  "کمیته امنیت ملی تاجیکستان گفته این مواد در کنار دریای آمو، مقابل ولسوالی دشت قلعه تخار، پیدا شده است.",
  "https://amu.tv/fa/150221/")
gd("R24S36","ca-news.org","ru","2025-03-04T05:30:00Z","В Таджикистане на границе с Афганистаном изъяли 296 кг гашиша",
  "Душанбе (CA-News) – Пограничники Фархорского погранотряда изъяли 296 кг гашиша...",
  "https://ca-news.org/news/tadzhikistan-296-kg-gashisha")
st("R24S37","smuggling",2)
r("R24S37","avesta","ru","2025-03-03T12:10:00Z","В Пяндже задержан местный житель с 25 кг гашиша",
  "Мужчина, по версии следствия, получил наркотики от афганских поставщиков через реку. Задержание провели сотрудники Агентства по контролю за наркотиками.",
  "https://avesta.tj/2025/03/03/v-pyandzhe-zaderzhan-mestnyj-zhitel-s-25-kg/")
gd("R24S37","khovar.tj","tg","2025-03-03T15:30:00Z","Сокини ноҳияи Панҷ бо 25 кило чарс дастгир шуд",
  "Кормандони Агентии назорати маводи нашъаовар сокини ноҳияи Панҷро бо 25 кило чарс дастгир карданд ...",
  "https://khovar.tj/2025/03/sokini-nohiyai-panj-25-kilo/")
st("R24S38","diplomacy",1)
r("R24S38","tass","ru","2025-03-04T06:00:00Z","Тасмагамбетов: программа ОДКБ по таджикско-афганской границе вступает в практическую фазу",
  "Генсек ОДКБ заявил, что в 2025 году начнутся поставки техники и строительство объектов в рамках целевой межгосударственной программы укрепления таджикско-афганской границы.",
  "https://tass.ru/politika/23300111")
r("R24S38","ria","ru","2025-03-04T06:45:00Z","ОДКБ начнет укреплять таджикско-афганскую границу в этом году",
  "По словам Имангали Тасмагамбетова, программа рассчитана на несколько лет и финансируется странами организации.",
  "https://ria.ru/20250304/odkb-1993000222.html")
r("R24S38","asiaplus","ru","2025-03-04T09:00:00Z","Генсек ОДКБ: программа укрепления таджикско-афганской границы начнет реализовываться в 2025 году",
  "Программа предусматривает обустройство застав, поставку вооружения и средств наблюдения для погранвойск Таджикистана.",
  "https://asiaplustj.info/ru/news/tajikistan/security/20250304/gensek-odkb-programma")
gn("R24S38","Sputnik Тоҷикистон","tg","2025-03-04T10:20:00Z","САҲА: таҳкими марзи Тоҷикистону Афғонистон имсол оғоз мешавад")
r("R24S38","afintl","fa","2025-03-04T13:00:00Z","سازمان پیمان امنیت جمعی: تقویت مرز تاجیکستان با افغانستان امسال آغاز می‌شود",
  "دبیرکل این سازمان گفته نگرانی از تهدیدهای امنیتی از سوی افغانستان همچنان باقی است.",
  "https://www.afintl.com/202503041280")
st("R24S39","diplomacy",1)
r("R24S39","tolonews","fa","2025-03-04T08:00:00Z","دیدار معین وزارت تجارت با سفیر تاجیکستان؛ تاکید بر افزایش حجم تجارت",
  "دو طرف روی گسترش تجارت از طریق بندر شیرخان، واردات برق و ایجاد بازارهای مشترک مرزی گفتگو کردند.",
  "https://tolonews.com/fa/business-192950")
r("R24S39","bakhtar","fa","2025-03-04T09:30:00Z","دیدار معین وزارت صنعت و تجارت با سفیر تاجیکستان در کابل",
  "سفیر تاجیکستان بر آمادگی کشورش برای گسترش همکاری‌های تجارتی تاکید کرد.",
  "https://bakhtarnews.af/dr/دیدار-معین-تجارت-سفیر-تاجیکستان/")
r("R24S39","rta","ps","2025-03-04T11:00:00Z","د سوداګرۍ وزارت مرستیال له تاجک سفیر سره ولید",
  "دواړو خواوو د سوداګرۍ د حجم د زیاتوالي او پولې ته نږدې ګډو بازارونو پر جوړولو خبرې وکړې.",
  "https://www.rta.af/ps/archives/318820")
r("R24S39","pajhwok","en","2025-03-04T12:40:00Z","Afghanistan, Tajikistan discuss boosting trade, border markets",
  "Deputy minister of industry and commerce met the Tajik ambassador in Kabul and discussed expanding trade via Sher Khan Bandar and reopening joint border markets.",
  "https://pajhwok.com/2025/03/04/afghanistan-tajikistan-discuss-trade/")
gn("R24S39","Ariana News","en","2025-03-05T06:00:00Z","Kabul, Dushanbe discuss expansion of trade ties")
st("R24S40","diplomacy",1)
r("R24S40","24kg","ru","2025-03-05T07:00:00Z","Ташиев: договор о границе с Таджикистаном будет подписан в ближайшее время",
  "Глава ГКНБ Кыргызстана сообщил, что все технические вопросы согласованы и подготовка к визиту президента в Таджикистан идет полным ходом.",
  "https://24.kg/vlast/322100_tashiev_dogovor_o_granitse/")
r("R24S40","asiaplus","ru","2025-03-05T09:30:00Z","Таджикистан и Кыргызстан готовятся подписать договор о государственной границе",
  "Ранее делегации двух стран завершили описание всей линии границы протяженностью около 980 км.",
  "https://asiaplustj.info/ru/news/tajikistan/politics/20250305/tadzhikistan-i-kyrgyzstan-gotovyatsya")
r("R24S40","ozodi","tg","2025-03-05T11:00:00Z","Ташиев: Созишномаи марзӣ бо Тоҷикистон ба зудӣ имзо мешавад",
  "Раиси КДАМ-и Қирғизистон гуфт, ҳамаи масъалаҳои баҳсӣ ҳал шудаанд.",
  "https://www.ozodi.org/a/33334800.html")
st("R24S41","analysis",0)
gn("R24S41","Eurasianet","en","2025-03-05T15:00:00Z","Tajikistan: Dushanbe inches toward pragmatic ties with the Taliban")
st("R24S42","analysis",0)
r("R24S42","amu","fa","2025-03-06T07:00:00Z","کانال قوش‌تپه و نگرانی کشورهای پایین‌دست آمو",
  "کارشناسان می‌گویند ازبکستان و ترکمنستان بیش از تاجیکستان از کاهش آب آمو تاثیر خواهند پذیرفت.",
  "https://amu.tv/fa/150600/")
st("R24S43","smuggling",2)
r("R24S43","afintl","fa","2025-03-05T10:30:00Z","طالبان در دروازبدخشان ۸۰ کیلوگرام تریاک کشف کردند",
  "فرماندهی امنیه طالبان در بدخشان گفته این مواد قرار بود از مسیر دریای پنج به تاجیکستان قاچاق شود.",
  "https://www.afintl.com/202503050911")
r("R24S43","bakhtar","fa","2025-03-05T12:00:00Z","کشف ۸۰ کیلو تریاک در ولسوالی نسی دروازبدخشان",
  "دو قاچاقبر در این پیوند بازداشت شدند.",
  "https://bakhtarnews.af/dr/کشف-تریاک-دروازبدخشان/")
st("R24S44","crossing",1)
r("R24S44","tolonews","fa","2025-03-06T08:30:00Z","افزایش صادرات از بندر شیرخان به تاجیکستان",
  "مسئولان اتاق تجارت قندوز می‌گویند روزانه بیش از ۱۵۰ موتر باری از این بندر عبور می‌کند.",
  "https://tolonews.com/fa/business-193020")
st("R24S45","aid",1)
r("R24S45","asiaplus","en","2025-03-05T08:00:00Z","Japan, UNDP hand over equipment to border troops in Gorno-Badakhshan",
  "Generators, thermal imagers and snowmobiles were handed over to the Khorog and Ishkashim border detachments under a project funded by the Government of Japan.",
  "https://asiaplustj.info/en/news/tajikistan/security/20250305/japan-undp-hand-over-equipment")
r("R24S45","khovar","tg","2025-03-05T09:40:00Z","Ба марзбонони ВМКБ таҷҳизоти нав супурда шуд",
  "Таҷҳизот дар доираи лоиҳаи БРСММ бо маблағгузории Ҳукумати Ҷопон ба отрядҳои сарҳадии Хоруғ ва Ишкошим тақдим гардид.",
  "https://khovar.tj/2025/03/ba-marzbononi-vmkb-tajhizoti-nav/")
r("R24S45","avesta","ru","2025-03-05T10:15:00Z","Япония и ПРООН передали пограничникам ГБАО оборудование",
  "Стоимость переданного оборудования превышает 800 тыс. долларов.",
  "https://avesta.tj/2025/03/05/yaponiya-i-proon-peredali-pogranichnikam-gbao/")
st("R24S46","crossing",2)
r("R24S46","ozodi","tg","2025-03-06T06:30:00Z","Дар Ишкошим ду шаҳрванди Афғонистон боздошт шуданд",
  "Ба гуфтаи манобеъ, онҳо дарёи Панҷро дар наздикии деҳаи Рин убур карда буданд. КДАМ ҳанӯз изҳори назар накардааст.",
  "https://www.ozodi.org/a/33335500.html")
r("R24S46","avesta","ru","2025-03-06T09:50:00Z","В Ишкашиме задержаны двое нарушителей границы из Афганистана",
  "Нарушители пояснили, что пересекли реку, чтобы навестить родственников. Проводится проверка.",
  "https://avesta.tj/2025/03/06/v-ishkashime-zaderzhany-dvoe-narushitelej/")
st("R24S47","deployment",1)
r("R24S47","tass","ru","2025-03-06T05:20:00Z","Мотострелки российской базы в Таджикистане уничтожили условных боевиков в горах Памира",
  "Учение прошло на полигоне Ляур, задействовано более 500 военнослужащих и около 100 единиц техники.",
  "https://tass.ru/armiya-i-opk/23320900")
r("R24S47","interfax","ru","2025-03-06T06:10:00Z","Военные 201-й базы отработали ликвидацию диверсантов в Таджикистане",
  "Учения проводятся на фоне сохраняющейся напряженности вблизи границы с Афганистаном, отметили в ЦВО.",
  "https://www.interfax.ru/russia/1012030")
gn("R24S47","Sputnik Таджикистан","ru","2025-03-06T07:30:00Z","Российские военные провели учения на полигоне Ляур")
st("R24S48","crossing",1)
r("R24S48","pajhwok","fa","2025-03-06T10:00:00Z","برشنا: واردات برق از تاجیکستان در زمستان به نیمه کاهش یافت",
  "سخنگوی برشنا گفت تاجیکستان در ماه‌های سرد تنها بخشی از برق قراردادی را تامین می‌کند.",
  "https://pajhwok.com/fa/2025/03/06/واردات-برق-تاجیکستان/")
r("R24S48","tolonews","en","2025-03-06T12:00:00Z","DABS: Power Imports from Tajikistan Halved in Winter",
  "Da Afghanistan Breshna Sherkat said electricity supplied from Tajikistan fell by about half in the winter months, causing outages in Kabul and northern provinces.",
  "https://tolonews.com/business-193050")
r("R24S48","asiaplus","ru","2025-03-07T06:30:00Z","В Афганистане жалуются на сокращение поставок таджикской электроэнергии",
  "Афганская энергокомпания DABS сообщила о снижении импорта из Таджикистана почти вдвое зимой.",
  "https://asiaplustj.info/ru/news/tajikistan/economic/20250307/v-afganistane-zhaluyutsya")
gn("R24S48","Kabul Now","en","2025-03-06T14:30:00Z","Power cuts deepen as Tajik electricity supply falls")
st("R24S49","smuggling",3)
r("R24S49","asiaplus","ru","2025-03-06T08:00:00Z","В Шамсиддин Шохине в перестрелке с пограничниками убиты двое нарушителей",
  "По данным ГКНБ, группа из трех человек пыталась переправить через Пяндж крупную партию наркотиков. После отказа сдаться нарушители открыли огонь.",
  "https://asiaplustj.info/ru/news/tajikistan/security/20250306/v-shamsiddin-shohine-v-perestrelke")
r("R24S49","avesta","ru","2025-03-06T08:30:00Z","Пресечена попытка вооруженного прорыва наркокурьеров через границу",
  "Двое нарушителей уничтожены ответным огнем, один скрылся. Изъято 112 кг гашиша, автомат и охотничье ружье.",
  "https://avesta.tj/2025/03/06/presechena-popytka-vooruzhennogo-proryva/")
r("R24S49","khovar","tg","2025-03-06T09:45:00Z","Дар Шамсиддин Шоҳин ду қочоқбари мусаллаҳ безарар гардонида шуданд",
  "Аз маҳали ҳодиса 112 кило чарс ва силоҳи оташфишон ёфт шуд.",
  "https://khovar.tj/2025/03/dar-shamsiddin-shohin-du-qochoqbari-musallah/")
r("R24S49","ozodi","tg","2025-03-06T11:20:00Z","Дар марз бо Афғонистон ду нафар кушта шуданд",
  "Ба гуфтаи КДАМ, кушташудагон шаҳрвандони Афғонистон буданд ва аз ноҳияи Хоҳони Бадахшон омада буданд.",
  "https://www.ozodi.org/a/33335700.html")
r("R24S49","rferl","en","2025-03-06T13:00:00Z","Two Suspected Smugglers Killed In Shoot-Out On Tajik-Afghan Border",
  "Tajikistan's security committee says border guards killed two armed men trying to carry more than 100 kilograms of hashish across the Panj River.",
  "https://www.rferl.org/a/tajikistan-afghanistan-border-smugglers-killed/33335900.html")
r("R24S49","amu","fa","2025-03-06T15:40:00Z","دو شهروند افغانستان در درگیری با مرزبانان تاجیکستان کشته شدند",
  "منابع محلی در خواهان بدخشان می‌گویند کشته‌شدگان ماهیگیر بودند؛ طالبان خواستار بررسی شده‌اند.",
  "https://amu.tv/fa/150710/")
r("R24S49","afintl","fa","2025-03-07T06:20:00Z","طالبان: کشته شدن دو شهروند افغان در مرز تاجیکستان بررسی می‌شود",
  "سخنگوی فرماندهی امنیه بدخشان گفت هیئتی برای بررسی این رویداد به خواهان فرستاده شده است.",
  "https://www.afintl.com/202503070455")
gd("R24S49","tajikta.tj","tg","2025-03-07T07:00:00Z","Кӯшиши рахнаи мусаллаҳона аз марз пешгирӣ шуд",
  "<b>Душанбе</b>, 06.03.2025. Дар қитъаи марзии ноҳияи Шамсиддин Шоҳин ...",
  "https://tajikta.tj/tg/news/kushishi-rahnai-musallahona")
st("R24S50","crossing",2)
r("R24S50","avesta","ru","2025-03-04T11:40:00Z","В Шамсиддин Шохине задержан гражданин Афганистана, переплывший Пяндж",
  "Мужчина был задержан нарядом заставы «Кеврон». Наркотиков и оружия при нем не обнаружено.",
  "https://avesta.tj/2025/03/04/v-shamsiddin-shohine-zaderzhan-grazhdanin-afganistana/")
st("R24S51","analysis",0)
r("R24S51","asiaplus","ru","2025-03-07T08:00:00Z","За два месяца на таджикско-афганской границе изъято более 1,3 тонны наркотиков",
  "Согласно статистике ГКНБ, с начала года пограничники пресекли 14 попыток контрабанды; крупнейшая партия – почти 300 кг гашиша – изъята в Фархоре.",
  "https://asiaplustj.info/ru/news/tajikistan/security/20250307/za-dva-mesyatsa-izyato")
r("R24S51","avesta","ru","2025-03-07T09:10:00Z","ГКНБ подвел итоги борьбы с наркотрафиком за январь-февраль",
  "На границе изъято 1 тонна 320 кг наркотических средств, задержаны 9 нарушителей.",
  "https://avesta.tj/2025/03/07/gknb-podvel-itogi-za-yanvar-fevral/")
st("R24S52","crossing",1)
r("R24S52","kunuz","uz","2025-03-07T07:30:00Z","Transafgʻon temir yoʻli: Oʻzbekiston, Afgʻoniston va Pokiston mutaxassislari Termizda uchrashdi",
  "Loyiha Tojikiston va Turkmaniston orqali oʻtadigan muqobil yoʻllarga qaraganda qisqaroq ekani taʼkidlandi.",
  "https://kun.uz/news/2025/03/07/transafgon")
st("R24S53","aid",1)
r("R24S53","avesta","ru","2025-03-07T10:00:00Z","Китай передал погранвойскам Таджикистана партию техники",
  "Переданы автомобили, беспилотники и средства связи для застав на таджикско-афганской границе.",
  "https://avesta.tj/2025/03/07/kitaj-peredal-pogranvojskam/")
r("R24S53","khovar","tg","2025-03-07T11:30:00Z","Ҷумҳурии Мардумии Чин ба Қӯшунҳои сарҳадӣ техника ҳадя кард",
  "Маросими супурдан бо иштироки Сафири ҶМЧ дар Душанбе баргузор гардид.",
  "https://khovar.tj/2025/03/chin-ba-qushunhoi-sarhadi-tehnika/")
gd("R24S53","xinhuanet.com","en","2025-03-07T13:00:00Z","China donates equipment to Tajik border forces",
  "DUSHANBE, March 7 (Xinhua) -- China handed over a batch of vehicles and equipment to Tajikistan's border forces on Friday...",
  "https://english.news.cn/20250307/china-tajik-border-equipment/c.html")
# extra Pashto coverage
r("R24S18","azadiradio","ps","2022-11-15T14:10:00Z","تاجک پوله ساتو یو افغان قاچاقبر وواژه",
  "د تاجکستان د ملي امنیت کمېټې ویلي چې وژل شوی کس د تخار له ینګي قلعې ولسوالۍ راغلی و او ځان سره یې وسله درلوده.",
  "https://pa.azadiradio.com/a/32131900.html")
r("R24S21","bbcpashto","ps","2022-11-16T15:00:00Z","تاجکستان اووه افغان کډوال طالبانو ته وسپارل",
  "د دغو کډوالو خپلوان وايي چې دوی د شېرخان بندر له لارې بېرته افغانستان ته لېږل شوي دي.",
  "https://www.bbc.com/pashto/afghanistan-63650011")
r("R24S36","azadiradio","ps","2025-03-03T13:00:00Z","تاجکستان: د افغانستان له پولې نږدې درې سوه کیلو چرس ونیول شول",
  "د تاجکستان پوله ساتو ویلي دا مواد د پنج سیند پر غاړه د تخار د دشت قلعې ولسوالۍ مخې ته پټ شوي وو.",
  "https://pa.azadiradio.com/a/33333300.html")
r("R24S49","bbcpashto","ps","2025-03-06T16:30:00Z","له تاجکستان سره پر پوله دوه افغانان ووژل شول",
  "تاجک چارواکي دوی قاچاقبر بولي، خو د بدخشان د خواهان ولسوالۍ اوسېدونکي وايي چې دوی کبګیران وو.",
  "https://www.bbc.com/pashto/articles/c0q1x2y3z4po")
