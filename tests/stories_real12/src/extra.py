from gen import S, r, gn, gd
# --- extra reports, window 1
S("R12S08","smuggling",2)
r("R12S08","2016-11-02T13:15:00Z","asiaplus","en","Two Afghan trespassers detained on the Panj in Shouroobod",
  "Border guards of the Shouroobod unit have detained two Afghan nationals who crossed the Panj river by rubber boat, the SCNS says. Some 18 kilograms of hashish were found on them.",
  "https://asiaplustj.info/en/news/tajikistan/incidents/20161102/232801")
S("R12S09","crossing",1)
r("R12S09","2016-11-01T08:50:00Z","ozodi","tg","Бозори марзии Ишкошим: савдои охирин пеш аз зимистон",
  "Дар бозори муштараки марзии Ишкошим тоҷирони ду кишвар орд, равған ва чорво хариду фурӯш карданд. Бозор ҳар шанбе дар ҷазираи миёни дарёи Панҷ баргузор мешавад.",
  "https://www.ozodi.org/a/28086120.html")
r("R12S09","2016-11-02T06:10:00Z","pajhwok","fa","رونق بازار مشترک مرزی اشکاشم با تاجیکستان",
  "باشندگان ولسوالی اشکاشم بدخشان می‌گویند بازار مشترک مرزی با تاجیکستان برای آنان فرصت خوبی برای خرید مواد غذایی پیش از زمستان است.",
  "https://pajhwok.com/fa/2016/11/02/ishkashim-border-market/")
# --- window 2
r("R12S11","2017-12-04T08:30:00Z","tolo","fa","سه شهروند افغان در درگیری با مرزبانان تاجیکستان کشته شدند",
  "مقام‌های تاجیکستان می‌گویند در درگیری با قاچاقبران مسلح در مرز، فرمانده یک قطعه مرزی آن کشور و سه شهروند افغان کشته شدند. مسئولان محلی بدخشان می‌گویند تحقیقات را آغاز کرده‌اند.",
  "https://tolonews.com/fa/afghanistan/three-afghans-killed-tajik-border")
r("R12S11","2017-12-03T15:30:00Z","rus.ozodi","ru","В Шамсиддин Шохине погиб командир погранотряда Хайриддин Ахтамов",
  "Родственники погибшего рассказали «Озоди», что полковник Ахтамов служил на границе более 20 лет. По данным ГКНБ, раненые пограничники доставлены в военный госпиталь Душанбе.",
  "https://rus.ozodi.org/a/28893100.html")
S("R12S17","crossing",2)
r("R12S17","2017-12-05T06:00:00Z","avesta","ru","В Дарвазе задержаны трое граждан Афганистана, незаконно пересекших границу",
  "Пограничники заставы «Сагирдашт» задержали в Дарвазском районе троих афганцев, переплывших Пяндж. Задержанные переданы следствию.",
  "http://avesta.tj/2017/12/05/v-darvaze-zaderzhany/")
# --- window 3
r("R12S21","2022-05-16T09:00:00Z","bbc_persian","fa","گزارش درگیری میان طالبان و مرزبانان تاجیکستان؛ دوشنبه واکنشی نشان نداده",
  "رسانه‌های افغانستان از تبادل آتش چند ساعته میان نیروهای طالبان و مرزبانان تاجیک در نزدیکی بندر شیرخان خبر داده‌اند. مقام‌های تاجیکستان و طالبان رسماً در این باره اظهار نظر نکرده‌اند.",
  "https://www.bbc.com/persian/afghanistan-61461234")
r("R12S21","2022-05-16T15:00:00Z","afintl","en","Taliban send reinforcements to Sherkhan Bandar after clash with Tajik guards",
  "Sources say the Taliban have dispatched more fighters and armoured vehicles to Sherkhan Bandar following Saturday's exchange of fire with Tajik border guards.",
  "https://www.afintl.com/en/202205162211")
S("R12S28","smuggling",2)
r("R12S28","2022-05-17T08:20:00Z","bakhtar","fa","کشف ۲۰۰ کیلوگرام تریاک در ولسوالی خواهان بدخشان",
  "نیروهای مبارزه با مواد مخدر امارت اسلامی در ولسوالی خواهان بدخشان ۲۰۰ کیلوگرام تریاک را که قرار بود به آن سوی دریای آمو قاچاق شود، کشف و ضبط کردند و دو تن را بازداشت کردند.",
  "https://bakhtarnews.af/fa/khwahan-opium-seized/")
# --- window 4
r("R12S31","2025-08-31T07:30:00Z","azadi","fa","گزارش درگیری مرزی در شهر بزرگ؛ طالبان واکنشی نشان نداده‌اند",
  "منابع در بدخشان می‌گویند درگیری میان طالبان و مرزبانان تاجیکستان در داونگ به دنبال کار شرکت‌های معدن در بستر دریا رخ داد. سخنگویان طالبان به پرسش‌ها پاسخ ندادند.",
  "https://da.azadiradio.com/a/33512900.html")
r("R12S31","2025-08-31T16:00:00Z","rus.ozodi","ru","Афганские СМИ: В перестрелке с таджикскими пограничниками погиб талиб",
  "По сообщениям афганских СМИ, инцидент произошел 24 августа на участке напротив района Шамсиддин Шохин. ГКНБ Таджикистана ситуацию не комментирует.",
  "https://rus.ozodi.org/a/33512999.html")
S("R12S37","smuggling",2)
r("R12S37","2025-08-31T12:00:00Z","bakhtar","ps","په تخار کې پولیسو ۳۰ کیلو ګرامه هېروئین ونیول",
  "د تخار امنیه قوماندانۍ ویلي چې د دشت قلعې ولسوالۍ کې یې دوه تنه له ۳۰ کیلو ګرامه هېروئینو سره نیولي، چې غوښتل یې د آمو سیند له لارې تاجکستان ته قاچاق کړي.",
  "https://bakhtarnews.af/ps/takhar-heroin-seized/")
# --- window 5
r("R12S41","2025-10-26T17:00:00Z","bbc_persian","fa","گزارش درگیری دوباره طالبان و مرزبانان تاجیک بر سر آب",
  "منابع محلی می‌گویند درگیری در داونگ شهر بزرگ پس از آن آغاز شد که طرف تاجیک با کار در بستر دریا مسیر آب را تغییر داد. شمار تلفات به طور مستقل تأیید نشده است.",
  "https://www.bbc.com/persian/articles/c3davang10")
r("R12S41","2025-10-27T09:00:00Z","afintl","en","Taliban reinforce Davang after clash with Tajik border guards",
  "The Taliban have sent additional forces to the Davang area of Shahr-e Buzurg after Saturday's clash with Tajik border guards, sources said. Local residents said they fled homes near the river during the shooting.",
  "https://www.afintl.com/en/202510271122")
S("R12S47","deployment",1)
r("R12S47","2025-10-27T07:40:00Z","ria","ru","Военные 201-й базы отработали ликвидацию прорыва боевиков у афганской границы",
  "Тактическое учение с участием около тысячи военнослужащих прошло на полигоне Харбмайдон в Хатлонской области, сообщили в ЦВО.",
  "https://ria.ru/20251027/uchenie-2050123456.html")
# --- window 6
r("R12S51","2025-12-25T05:10:00Z","fergana","ru","ГКНБ Таджикистана: «Талибы не выполняют обязательств по безопасности границы»",
  "Погранвойска сообщили о гибели двух военнослужащих и трех нарушителей у кишлака Каво и потребовали извинений от Кабула. Это уже третий кровавый инцидент на границе с конца ноября.",
  "https://fergana.media/news/145678/")
r("R12S51","2025-12-25T08:40:00Z","khaama","en","Tajikistan blames Taliban after deadly border clash, demands apology",
  "Tajikistan's border agency said two of its guards and three gunmen who crossed from Afghanistan were killed, and accused the Taliban of failing to secure the border. The Islamic Emirate has not responded.",
  "https://www.khaama.com/tajikistan-blames-taliban-after-deadly-border-clash/")
r("R12S51","2025-12-25T11:30:00Z","xinhua","en","5 killed in gunfight on Tajik-Afghan border",
  "DUSHANBE, Dec. 25 (Xinhua) -- Two Tajik border guards and three armed intruders were killed in a gunfight on the Tajik-Afghan border, Tajikistan's border troops said.",
  "https://english.news.cn/20251225/tajik-afghan-border-gunfight/c.html")
r("R12S51","2025-12-25T13:20:00Z","ariana","fa","درگیری مرزی در بدخشان؛ تاجیکستان از کشته شدن دو مرزبان خبر داد",
  "مقام‌های مرزی تاجیکستان اعلام کردند که در درگیری با افراد مسلح در مرز بدخشان دو مرزبان این کشور کشته شدند. امارت اسلامی هنوز واکنشی نشان نداده است.",
  "https://www.ariananews.af/fa/tajik-border-clash-badakhshan/")
r("R12S51","2025-12-26T07:00:00Z","afintl","en","Taliban defence ministry says Tajik border incident under investigation",
  "A Taliban defence ministry spokesman said the clash on the Tajik border was being investigated and that Afghan soil would not be used against neighbours, without addressing Dushanbe's demand for an apology.",
  "https://www.afintl.com/en/202512260233")
S("R12S57","diplomacy",1)
r("R12S57","2025-12-26T10:40:00Z","sputnik_tj","ru","Посольство КНР вновь призвало граждан Китая соблюдать осторожность у афганской границы",
  "Посольство Китая в Душанбе напомнило китайским компаниям и гражданам о необходимости усилить меры безопасности в приграничных районах Хатлона и ГБАО.",
  "https://tj.sputniknews.ru/20251226/posolstvo-knr-granitsa-1080140.html")
