# Big stories trimmed to at most 7 outlets (the assignment asks for 4-7 outlets per big event).
DROP = {
 ("S01","Pajhwok Afghan News","ps"),("S01","TASS","ru"),("S01","RFE/RL","en"),("S01","Xinhua","en"),("S01","Radio Ozodi","ru"),
 ("S06","TOLOnews","en"),("S06","BBC News Persian","fa"),("S06","theguardian.com","en"),("S06","Interfax","ru"),
 ("S06","Pajhwok Afghan News","en"),("S06","Sputnik Таджикистан","tg"),("S06","bbc.com","en"),
 ("S11","RIA Novosti","ru"),("S11","militarynews.ru","ru"),("S11","Interfax","ru"),("S11","Sputnik Таджикистан","tg"),("S11","Ariana News","en"),
 ("T20","RIA Novosti","ru"),("T20","hindustantimes.com","en"),("T20","Sputnik Таджикистан","ru"),("T20","Interfax","ru"),
 ("U30","Afghanistan International","fa"),("U30","TASS","ru"),("U30","Avesta","ru"),("U30","RFE/RL","en"),("U30","Khaama Press","en"),
 ("U30","Sputnik Таджикистан","tg"),("U30","Interfax","ru"),
 ("V40","Radio Ozodi","tg"),("V40","TASS","ru"),("V40","Sputnik Таджикистан","ru"),("V40","Al Jazeera","en"),("V40","Amu TV","fa"),
 ("V40","scmp.com","en"),("V40","Pajhwok Afghan News","ps"),("V40","RIA Novosti","ru"),("V40","Interfax","ru"),("V40","Hasht-e Subh","fa"),
 ("V40","Sputnik Таджикистан","tg"),
 ("W50","Asia-Plus","ru"),("W50","Khovar","tg"),("W50","TASS","ru"),("W50","Reuters","en"),("W50","Amu TV","en"),("W50","TOLOnews","fa"),
 ("W50","BBC News Persian","fa"),("W50","dw.com","ru"),("W50","Sputnik Таджикистан","ru"),
}
