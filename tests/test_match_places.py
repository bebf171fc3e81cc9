"""Border places as outlets write them: every district, post and crossing on both banks is
found in every script it is written in, and the ambiguous words stay what they are."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from match_support import WATCHLIST, term_ids

from monitor.match import Matcher

EVENTS = Path(__file__).resolve().parent.parent / "config" / "events.yaml"

# (place id, a title naming it as an outlet would, inflected where the language inflects)
PLACES = [
    ("qubodiyon", "В Кабадияне задержаны четверо нарушителей"),
    ("qubodiyon", "Seizure reported in Kabadiyan district"),
    ("qubodiyon", "Дар Қубодиён маводи мухаддир мусодира шуд"),
    ("qubodiyon", "بازداشت چهار فرد مسلح در قبادیان"),
    ("nizhny-panj", "Грузы через Пянджи-Поён пошли снова"),
    ("nizhny-panj", "Пункт пропуска Нижний Пяндж закрыт"),
    ("nizhny-panj", "Гузаргоҳи Панҷи Поён боз шуд"),
    ("nizhny-panj", "ضبط الحشيش عند معبر بنجي بويون"),
    ("nizhny-panj", "عبور کالا از پنج پایین از سر گرفته شد"),
    ("shahritus", "В Шаартузе задержаны трое"),
    ("shahritus", "Дар Шаҳритус тирпарронӣ шуд"),
    ("ayvoj", "Shots fired again at Ayvaj border post"),
    ("ayvoj", "На участке заставы «Айвадж» перестрелка"),
    ("vanj", "В Вандже открыта новая погранзастава"),
    ("vanj", "Дар ноҳияи Ванҷ посгоҳ сохта шуд"),
    ("shurobod", "Наркокурьер задержан в Шуробаде"),
    ("shurobod", "Дар Шамсиддин Шоҳин тирпарронӣ шуд"),
    ("rushan", "از درواز تا روشان: مرز ناآرام"),
    ("rushan", "د روښان اوسېدونکي وايي طالبان سنګرونه کیندي"),
    ("rushan", "В Рушане перешли границу"),
    ("shugnan", "Militants crossed from Shighnan"),
    ("shugnan", "Боевики пришли из Шигнана"),
    ("shugnan", "عبور افراد مسلح از شغنان"),
    ("roshtqala", "Суд в Рошткале вынес приговор"),
    ("khorog", "Aid reaches Khorug"),
    ("ishkashim", "Eshkashim crossing reopens"),
    ("ishkashim", "Дар Ишкошим бозор кушода шуд"),
    ("darvaz", "Мост у Нусая закрыт"),
    ("darvaz", "Shooting near Qalaikhumb"),
    ("darvaz", "درگیری در مرز درواز"),
    ("kaldar", "Tajik guards exchange fire near Balkh's Kaldar district"),
    ("kaldar", "درگیری مرزبانان تاجیکستان در مرز کلدار بلخ"),
    ("kaldar", "د بلخ ولایت د کلدار ولسوالۍ سیمه ییزې سرچینې"),
    ("kaldar", "Перестрелка в Калдаре"),
    ("balkh", "Перестрелка на границе провинции Балх"),
    ("balkh", "د بلخ او تاجکستان پر پوله بیا ډزې وشوې"),
    ("khwahan", "Нападение на пост в Хвахане"),
    ("kof-ab", "مرزبانان در کوف آب مستقر شدند"),
    ("shahr-i-buzurg", "Taliban reinforce Shahr-e Buzurg"),
    ("dasht-e-qala", "Дар Дашти Қалъа қочоқбарон дастгир шуданд"),
    ("dasht-e-qala", "Обстрел в Дашти-Кале"),
    ("yangi-qala", "Рыбаки из Янги-Калы погибли"),
    ("khwaja-bahauddin", "طالبان در خواجه بهاوالدین پاسگاه ساختند"),
    ("qala-i-zal", "Четверо жителей Кала-и-Зала задержаны"),
    ("qala-i-zal", "Herders from Qalai Zal detained"),
    ("ruzvai", "Мост у Рузвая открыт"),
    ("langar", "Жители кишлака Лангар видят патрули талибов"),
    ("zebak", "نیروهای طالبان در زیبک"),
    ("shekay", "سخنگوی امنیه بدخشان گفت این رویداد در ولسوالی شکی رخ داده است"),
    ("shekay", "Taliban reinforce posts in Shekay district"),
    ("shekay", "В уезде Шики задержаны контрабандисты"),
    ("shekay", "Перестрелка в Шекае"),
    ("moy-may", "Талибы усилили посты в Маймае"),
    ("darvaz", "د نسي ولسوالۍ اوسېدونکي وايي"),
    ("dasht-e-qala", "د دشت قلعې ولسوالۍ کې نښته"),
    ("khwahan", "اشتباك في ولسوالية خواهان"),
    ("shahritus", "اشتباك حدودي في منطقة شاهريتوس"),
    ("chah-ab", "Chohob tumanida otishma"),
    ("demogan", "Торговля у моста Тем возобновлена"),
    ("nizhny-panj", "Мулоқот дар Панҷи Поён баргузор шуд"),  # not "дар Панҷ" + и
    ("panj-district", "Пограничники изъяли в Пяндже свыше 300 кг гашиша"),
    ("panj-district", "Дар ноҳияи Панҷ 18 кило маводи мухаддир мусодира шуд"),
]  # fmt: skip

# Words that look like a place name (plus an ending) but are not the place.
NOT_PLACES = [
    ("kaldar", "قیمت کلدار پاکستانی در بازار کابل پایین آمد"),  # the Pakistani rupee
    ("kaldar", "د کلدار ارزښت بیا ټیټ شو"),
    ("rushan", "د افغانستان راتلونکی روښانه دی"),  # Pashto "bright"
    ("rushan", "دریای خروشان مرز را آسیب‌پذیر کرده است"),
    ("balkh", "عبدالقهار بلخی، سخنگوی وزارت خارجه طالبان، گفت"),  # the nisba Balkhi
    ("balkh", "Дар ноҳияи Ҷалолиддини Балхӣ пахта ҷамъ оварданд"),
    ("balkh", "Taliban spokesman Abdul Qahar Balkhi said"),
    ("yawan", "В Яване открыли школу"),  # Yovon, a Tajik district far from the border
    ("nizhny-panj", "پنج نفر بازداشت شدند"),  # "five"
    ("panj", "Дар ин ҷо панҷ нафар боздошт шуданд"),
    ("shekay", "این موضوع شکی نیست"),  # Persian "doubtful"
    ("panj-district", "переправились через Пяндж на лодке"),  # the river
    ("panj-district", "Мулоқот дар Панҷи Поён баргузор шуд"),  # the crossing
]  # fmt: skip


@pytest.mark.parametrize(("place", "title"), PLACES)
def test_border_place_is_found(matcher: Matcher, place: str, title: str) -> None:
    assert place in term_ids(matcher, title)


@pytest.mark.parametrize(("place", "title"), NOT_PLACES)
def test_look_alike_is_not_the_place(matcher: Matcher, place: str, title: str) -> None:
    assert place not in term_ids(matcher, title)


def test_every_border_place_lies_in_a_province() -> None:
    """Story headers name a place's province and grouping nests places in it: every place
    on the river reaches a province through ``within:``, and the config names only known ids."""
    entries = {e["id"]: e for e in yaml.safe_load(WATCHLIST.read_text("utf-8"))["entries"]}
    vocabulary = yaml.safe_load(EVENTS.read_text("utf-8"))
    within: dict[str, str] = vocabulary["within"]
    for entry in entries.values():
        if entry.get("role") != "place" or entry.get("kind") not in ("place", "crossing"):
            continue
        chain, at = [entry["id"]], entry["id"]
        while at in within and within[at] not in chain:
            at = within[at]
            chain.append(at)
        assert entries[at]["kind"] == "province", f"{entry['id']}: {' → '.join(chain)}"
    pairs = [*vocabulary["facing"], *vocabulary["counterparts"], *within.items()]
    assert not {i for pair in pairs for i in pair} - entries.keys()
