"""End to end: `monitor poll` reads real wording alike in every language (forces sent are a
deployment, however they are called; "sent to quarantine" is no deployment; a warning to
another state is diplomacy), so `monitor stories list` shows one story per event; a plane that
"нишаст" (landed) is a crossing, a "нишаст" (session) talks, an assurance to a neighbour a
statement."""

from __future__ import annotations

from conftest import Monitor
from feedserver import FeedServer
from test_stories_e2e import serve

SENT = [
    ("ru", "Талибы направили тысячи бойцов к границе с Таджикистаном в Бадахшане",
     "Движение «Талибан» направило тысячи своих бойцов в провинцию Бадахшан на границе с "
     "Таджикистаном, заявили представители движения.", 0),
    ("fa", "طالبان هزاران جنگجو را به مرز تاجیکستان در بدخشان فرستادند",
     "مسئولان طالبان می‌گویند هزاران جنگجو به ولسوالی‌های مرزی بدخشان با تاجیکستان فرستاده "
     "شده‌اند.", 1),
    ("en", "Taliban move thousands of fighters to Badakhshan border with Tajikistan",
     "The Taliban have moved thousands of fighters to Badakhshan province on the border with "
     "Tajikistan, officials said.", 2),
]  # fmt: skip
QUARANTINE = (
    "tg", "Тоҷиконе, ки тавассути Панҷи Поён баргаштанд, ба карантин фиристода шуданд",
    "Дусад шаҳрванди Тоҷикистон, ки аз гузаргоҳи Панҷи Поён ворид шуданд, ба карантин "
    "фиристода шуданд.", 3,
)  # fmt: skip


def test_forces_sent_are_one_deployment_story_and_quarantine_stays_apart(
    monitor: Monitor, feed_server: FeedServer
) -> None:
    outlets = {"wire-ru": [SENT[0]], "wire-fa": [SENT[1]], "wire-en": [SENT[2]]}
    outlets["wire-tg"] = [QUARANTINE]
    monitor.write_config(serve(feed_server, outlets))
    monitor.run("poll", check=True)
    matches = monitor.json("matches", "list", "--json")
    events = {m["language"]: m["event"] for m in matches}
    assert events == {"ru": "deployment", "fa": "deployment", "en": "deployment", "tg": "crossing"}
    stories = monitor.json("stories", "list", "--json")
    sent = [s for s in stories if s["event"] == "deployment"]
    assert len(sent) == 1, stories
    assert (sent[0]["reports"], sorted(sent[0]["languages"])) == (3, ["en", "fa", "ru"])
    assert sent[0]["header"].startswith("Deployment · ")
    assert all(s["event"] != "deployment" for s in stories if s is not sent[0])


LANDED = (
    "tg", "Ҳавопаймои низомии Афғонистон бо 90 нафар дар фурудгоҳи Бохтар нишаст",
    "Ҳавопаймои низомии Афғонистон бо 90 нафар низомиён дар фурудгоҳи Бохтари вилояти Хатлон "
    "нишаст. Низомиён аз вилояти Қундуз гурехтаанд.", 0,
)  # fmt: skip
SESSION = (
    "tg", "Нишасти фармондеҳони марзбонони Тоҷикистону Афғонистон дар Панҷи Поён баргузор шуд",
    "Дар нишаст дар гузаргоҳи Панҷи Поён вазъ дар марзи вилояти Хатлон ва Қундуз баррасӣ шуд.", 1,
)  # fmt: skip
ASSURANCE = (
    "ps", "طالبان: له بدخشان څخه تاجکستان ته ګواښ نشته",
    "د طالبانو ویاند وايي د بدخشان له خاورې به د تاجکستان پر ضد برید ونه شي او ګاونډیو "
    "هېوادونو ته ګواښ نشته.", 2,
)  # fmt: skip


def test_a_landing_a_session_and_an_assurance_are_read_by_their_words(
    monitor: Monitor, feed_server: FeedServer
) -> None:
    outlets = {"wire-tg": [LANDED], "wire-tg2": [SESSION], "wire-ps": [ASSURANCE]}
    monitor.write_config(serve(feed_server, outlets))
    monitor.run("poll", check=True)
    matches = monitor.json("matches", "list", "--json")
    events = {m["title"]: m["event"] for m in matches}
    assert events == {LANDED[1]: "crossing", SESSION[1]: "diplomacy", ASSURANCE[1]: "diplomacy"}
    severity = {m["title"]: m["severity"] for m in matches}
    assert severity[ASSURANCE[1]] == 1  # a statement, not the attack it rules out


ROCKETS = (
    "en", "Islamic State claims rocket attack on Tajikistan's Shamsiddin Shohin district",
    "The Islamic State's Khorasan branch said it fired rockets from Afghanistan at Shamsiddin "
    "Shohin district of Khatlon; Tajik border troops denied any rockets landed.", 0,
)  # fmt: skip


def test_a_think_tanks_piece_on_an_attack_is_commentary_beside_the_wires_report(
    monitor: Monitor, feed_server: FeedServer
) -> None:
    """One title from a wire and from a think tank's feed: the think tank publishes analysis
    (`commentary.publishers`), so its piece is a story of its own, never the attack."""
    piece = ("en", "Islamic State says it fired rockets at Shamsiddin Shohin in Tajikistan",
             ROCKETS[2], 1)  # fmt: skip
    outlets = {"wire-en": [ROCKETS], "jamestown": [piece]}
    monitor.write_config(serve(feed_server, outlets))
    monitor.run("poll", check=True)
    matches = monitor.json("matches", "list", "--json")
    events = sorted((m["feed"], m["event"]) for m in matches)
    assert events == [("jamestown", "analysis"), ("wire-en", "attack")], matches
    stories = monitor.json("stories", "list", "--json")
    assert sorted(s["event"] for s in stories) == ["analysis", "attack"], stories
