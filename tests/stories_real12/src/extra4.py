from gen import S, r, gn, gd
r("R12S02","2016-11-01T14:50:00Z","sputnik_tj","ru","Тайник со 112 кг наркотиков нашли в Пяндже",
  "Гашиш и опий, переправленные с афганского берега, были спрятаны у кишлака Гаравути, сообщили в ГКНБ.",
  "https://tj.sputniknews.ru/incidents/20161101/1020905012.html")
r("R12S22","2022-05-16T13:00:00Z","interfax","ru","Рахмон заявил о росте угроз с афганского направления",
  "Президент Таджикистана на саммите ОДКБ в Москве сообщил о концентрации боевиков на севере Афганистана и призвал ускорить реализацию программы по укреплению таджикско-афганской границы.",
  "https://www.interfax.ru/world/841234")
r("R12S23","2022-05-16T13:40:00Z","khovar","tg","Дар Фарҳор 83 кг ҳашиш мусодира шуд",
  "Марзбонон ва кормандони КДАМ дар ноҳияи Фарҳор ду нафарро бо 83 кг ҳашиш дастгир карданд.",
  "https://khovar.tj/2022/05/dar-farhor-83-kg/")
S("R12S38","crossing",1)
r("R12S38","2025-08-30T11:30:00Z","avesta","ru","Таджикистан продолжит поставки электроэнергии в Афганистан",
  "«Барки Точик» и афганская компания DABS продлили договор на поставку электроэнергии по линии Сангтуда — Пули-Хумри до конца 2026 года.",
  "http://avesta.tj/2025/08/30/postavki-elektroenergii-afganistan/")
r("R12S42","2025-10-26T16:00:00Z","asiaplus","en","Border guards detain two trespassers with 73 kg of hashish in Farkhor",
  "Two border violators who crossed the Panj river were detained with 73 kilograms of hashish by guards of the Qalai Said frontier post, the SCNS says.",
  "https://asiaplustj.info/en/news/tajikistan/incidents/20251026/farkhor-hashish")
