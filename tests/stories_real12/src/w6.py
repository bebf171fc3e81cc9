from gen import S, r, gn, gd
# ---- Window 6: 24-26 Dec 2025, Kavo (Shamsiddin Shohin): armed group crosses, attacks post; 2 border guards + 3 intruders killed
S("R12S51","incursion",3)
r("R12S51","2025-12-24T17:40:00Z","khovar","tg","Изҳороти Сарраёсати қӯшунҳои сарҳадии КДАМ",
  "23 декабр се нафар аъзои ташкилоти террористӣ аз ҳудуди Афғонистон ғайриқонунӣ аз сарҳад гузашта, дар наздикии деҳаи Кавои ноҳияи Шамсиддин Шоҳин ошкор карда шуданд. Дар натиҷаи муқовимати мусаллаҳ ду хизматчии қӯшунҳои сарҳадӣ ҳалок гардиданд ва се террорист нобуд карда шуд.",
  "https://khovar.tj/2025/12/izhoroti-sarrayosati-qushunhoi-sarhadi/")
r("R12S51","2025-12-24T18:30:00Z","khovar","ru","Заявление Главного управления пограничных войск ГКНБ Республики Таджикистан",
  "Террористы отказались подчиниться требованию сложить оружие и оказали вооруженное сопротивление; они намеревались совершить нападение на одну из застав. На месте изъяты три винтовки М-16, автомат Калашникова, три пистолета с глушителями, 10 гранат, прибор ночного видения и взрывчатка.",
  "https://khovar.tj/rus/2025/12/zayavlenie-glavnogo-upravleniya-pogranichnyh-vojsk/")
r("R12S51","2025-12-24T19:15:00Z","tass","ru","Двое пограничников Таджикистана погибли в бою с боевиками из Афганистана",
  "ДУШАНБЕ, 24 декабря. /ТАСС/. Вооруженное столкновение произошло в районе Шамсиддин Шохин Хатлонской области. Границу незаконно пересекли трое боевиков, они оказали сопротивление и были ликвидированы, сообщили в ГКНБ.",
  "https://tass.ru/proisshestviya/25998123")
r("R12S51","2025-12-24T19:50:00Z","ria","ru","На таджикско-афганской границе погибли пятеро",
  "В перестрелке на границе Таджикистана с Афганистаном погибли двое таджикских пограничников и трое нарушителей, сообщили в погранвойсках ГКНБ.",
  "https://ria.ru/20251224/tadzhikistan-2063123456.html")
r("R12S51","2025-12-24T20:30:00Z","asiaplus","ru","Трое боевиков из Афганистана атаковали заставу в Шамсиддин Шохине. Погибли двое пограничников",
  "Погранвойска назвали инцидент третьим за последние недели, в которых погибли таджикские пограничники и граждане, в том числе граждане Китая. В ГКНБ заявили, что ждут извинений от руководства Афганистана.",
  "https://asiaplustj.info/ru/news/tajikistan/security/20251224/troe-boevikov-iz-afganistana")
r("R12S51","2025-12-24T22:10:00Z","reuters","en","Five killed in firefight on Tajik-Afghan border, Tajikistan says",
  "Five people have been killed in a firefight between border guards and intruders on Tajikistan's border with Afghanistan, the Tajik border protection agency said on Wednesday, blaming the Taliban government for failing to secure the frontier.",
  "https://www.reuters.com/world/asia-pacific/five-killed-firefight-tajik-afghan-border-2025-12-24/")
r("R12S51","2025-12-25T04:30:00Z","afintl","fa","تاجیکستان: دو مرزبان و سه مهاجم مسلح از افغانستان کشته شدند",
  "مرزبانی تاجیکستان اعلام کرد سه فرد مسلح از خاک افغانستان وارد این کشور شده و به یک پاسگاه در ولسوالی شمس‌الدین شاهین حمله کردند. تاجیکستان حکومت طالبان را به ناتوانی در تأمین امنیت مرز متهم کرده و خواستار عذرخواهی شده است.",
  "https://www.afintl.com/202512250128")
r("R12S51","2025-12-25T06:00:00Z","ozodi","tg","Дар марз бо Афғонистон ду марзбони тоҷик ҳалок шуданд",
  "Ба гуфтаи КДАМ, се нафари мусаллаҳ аз Афғонистон ба деҳаи Кавои Шамсиддин Шоҳин ворид шуда, ба посгоҳи марзӣ ҳамла карданд. Ин саввумин ҳодисаи хунин дар марз дар як моҳи ахир аст.",
  "https://www.ozodi.org/a/33634567.html")
r("R12S51","2025-12-25T07:20:00Z","amu","en","Tajikistan says 2 border guards, 3 armed men from Afghanistan killed",
  "Tajikistan's border agency said three armed men who crossed from Afghanistan were killed after attacking a border post in Shamsiddin Shohin district, and two Tajik guards died. The Taliban have not yet commented.",
  "https://amu.tv/221345/")
r("R12S51","2025-12-25T08:10:00Z","asiaplus","en","Two Tajik border guards killed in clash with armed intruders from Afghanistan",
  "The intruders crossed into Tajikistan at the village of Kavo on December 23 and were located on December 24, the Border Troops said. The agency said it expects an apology from the Afghan leadership.",
  "https://asiaplustj.info/en/news/tajikistan/security/20251225/two-tajik-border-guards-killed")
r("R12S51","2025-12-25T09:00:00Z","8am","fa","درگیری در مرز تاجیکستان؛ منابع: کشته‌شدگان باشندگان بدخشان بودند",
  "منابع محلی در ولسوالی‌های هم‌مرز بدخشان به هشت صبح گفتند سه فردی که از سوی مرزبانان تاجیک کشته شدند، باشندگان این ولایت بودند. طالبان هنوز درباره هویت آنان چیزی نگفته‌اند.",
  "https://8am.media/fa/tajik-border-clash-badakhshan-residents/")
r("R12S51","2025-12-25T10:30:00Z","interfax","ru","Таджикистан потребовал от талибов извинений после боя на границе",
  "Погранвойска ГКНБ обвинили власти Афганистана в «серьезной и повторяющейся безответственности» и заявили, что будут защищать территориальную целостность страны от террористов и контрабандистов всеми средствами.",
  "https://www.interfax.ru/world/1062345")
gn("R12S51","2025-12-25T11:00:00Z","Dunya News","en","Five killed in firefight on Tajik-Afghan border, Tajikistan says")
r("R12S51","2025-12-25T12:40:00Z","bbc_persian","fa","تاجیکستان از طالبان به خاطر حمله مرزی خواستار عذرخواهی شد",
  "مرزبانی تاجیکستان می‌گوید در درگیری با سه فرد مسلح که از افغانستان عبور کرده بودند، دو مرزبان این کشور و هر سه مهاجم کشته شدند. این سومین رویداد مرگبار در مرز دو کشور در یک ماه گذشته است.",
  "https://www.bbc.com/persian/articles/c9kavo2025")
r("R12S51","2025-12-25T14:00:00Z","bbc_pashto","ps","تاجکستان: له افغانستانه د وسله والو په برید کې دوه پوله ساتي وژل شوي",
  "د تاجکستان پوله ساتو ځواکونو ویلي درې وسله وال له افغانستانه اوښتي او د شمس الدین شاهین په سیمه کې یې پر یوه پوسته برید کړی دی.",
  "https://www.bbc.com/pashto/articles/c7kavo2025")
r("R12S51","2025-12-26T06:10:00Z","tolo","fa","وزارت دفاع: اجازه نمی‌دهیم از خاک افغانستان علیه همسایه‌ها استفاده شود",
  "سخنگوی وزارت دفاع ملی امارت اسلامی در واکنش به اظهارات تاجیکستان گفت که موضوع درگیری مرزی در دست بررسی است و امارت اسلامی به هیچ کس اجازه نمی‌دهد از خاک افغانستان علیه کشورهای همسایه استفاده کند.",
  "https://tolonews.com/fa/afghanistan-199870")
r("R12S51","2025-12-26T07:30:00Z","pajhwok","ps","اسلامي امارت: د تاجکستان له پولې سره پېښه څېړل کېږي",
  "د ملي دفاع وزارت ویاند ویلي چې د تاجکستان له پولې سره د شوې نښتې جزییات څېړل کېږي او افغانستان غواړي له ګاونډیانو سره ستونزې د خبرو له لارې حل کړي.",
  "https://pajhwok.com/ps/2025/12/26/tajik-border-incident-investigated/")
r("R12S51","2025-12-26T09:00:00Z","sputnik_tj","ru","Похороны пограничников, погибших на границе в Шамсиддин Шохине",
  "Двух военнослужащих погранвойск ГКНБ, погибших при отражении нападения у кишлака Каво, похоронили на родине. Их посмертно представили к государственным наградам.",
  "https://tj.sputniknews.ru/20251226/pohorony-pogranichnikov-1080123.html")
gd("R12S51","2025-12-26T10:00:00Z","timesca.com","en","Five Killed in Border Gunfight After Armed Raiders Cross From Afghanistan Into Tajikistan","/five-killed-border-gunfight-tajikistan/")

S("R12S52","smuggling",2)
r("R12S52","2025-12-25T05:30:00Z","avesta","tg","Дар Ҷайҳун беш аз 120 кг маводи мухаддир мусодира шуд",
  "Кормандони КДАМ ва марзбонон дар ноҳияи Ҷайҳун ду нафарро бо 124 кг ҳашиш боздошт карданд.",
  "http://avesta.tj/tj/2025/12/25/dar-jayhun/")
r("R12S52","2025-12-25T09:40:00Z","sputnik_tj","ru","В Джайхуне задержаны двое с партией гашиша весом 124 кг",
  "Наркотики были переправлены с афганского берега Пянджа и спрятаны в тайнике у кишлака Навбахор, сообщили в ГКНБ.",
  "https://tj.sputniknews.ru/20251225/dzhayhun-gashish-1080055.html")
S("R12S53","crossing",2)
r("R12S53","2025-12-25T08:30:00Z","pajhwok","en","Traders shift to Central Asian routes as Torkham stays shut",
  "With the Torkham and Chaman crossings with Pakistan closed since October, Afghan traders are sending more goods through Uzbekistan, Turkmenistan and Tajikistan, the Afghanistan Chamber of Commerce and Investment said.",
  "https://pajhwok.com/2025/12/25/traders-shift-central-asian-routes-torkham-shut/")
r("R12S53","2025-12-26T08:00:00Z","tolo","en","Torkham Closure Enters Third Month, Traders Report Losses",
  "Traders say losses from the closure of the Torkham crossing run into millions of dollars, as Islamabad and Kabul fail to agree on reopening.",
  "https://tolonews.com/business-199880")
S("R12S54","aid",1)
r("R12S54","2025-12-25T13:10:00Z","tass","ru","ОДКБ завершает поставки техники для укрепления таджикско-афганской границы",
  "В рамках целевой межгосударственной программы ОДКБ по укреплению таджикско-афганской границы Таджикистану в 2025 году переданы средства наблюдения, связи и автотехника, сообщили в секретариате организации.",
  "https://tass.ru/armiya-i-opk/26005432")
S("R12S55","analysis",0)
r("R12S55","2025-12-26T11:00:00Z","eurasianet","en","Tajikistan: Third deadly border incident in a month tests ties with Taliban",
  "The Kavo firefight follows the killing of Chinese workers in attacks from Afghan territory in late November. Dushanbe's unusually sharp demand for an apology shows patience with Kabul wearing thin.",
  "https://eurasianet.org/tajikistan-third-deadly-border-incident-in-a-month")
S("R12S56","analysis",0)
r("R12S56","2025-12-26T13:30:00Z","ozodi","tg","Чаро марзи Тоҷикистону Афғонистон ноором шуд?",
  "Коршиносон мегӯянд ҳамлаҳо ба коргарони чинӣ дар ноябр ва задухӯрди Каво нишон медиҳанд, ки назорати Толибон бар Бадахшон заиф аст. Дар ин мусоҳиба таҳлилгарон дар бораи сабабҳои нооромӣ сӯҳбат мекунанд.",
  "https://www.ozodi.org/a/33636789.html")
