from gen import S, r, gn, gd
gn("R12S14","2017-12-05T13:00:00Z","RFE/RL","en","Afghan President Ghani In Tashkent For Talks On Trade, Security")
gd("R12S22","2022-05-16T17:00:00Z","tass.com","en","Tajik leader warns CSTO partners of growing threats from Afghanistan","/politics/1451234")
gn("R12S33","2025-08-31T17:00:00Z","Dawn","en","Thousands of Afghans leave Pakistan via Torkham as deportation drive continues")
gd("R12S44","2025-10-28T08:00:00Z","aa.com.tr","en","Pakistan, Afghanistan talks in Istanbul enter fourth day","/en/asia-pacific/pakistan-afghanistan-talks-istanbul/3723456")
gd("R12S52","2025-12-25T14:00:00Z","news.tj","en","Over 120 kilograms of hashish seized in Khatlon's Jayhun district","/en/news/tajikistan/incidents/20251225/jayhun-hashish")
gn("R12S53","2025-12-26T10:00:00Z","Arab News","en","Afghan traders count losses as Pakistan border crossings stay shut")
