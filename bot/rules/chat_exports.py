"""Who speaks in a chat log as the apps export or copy it. Each app writes the speaker its own way:

- WhatsApp on Android: "25/03/2024, 21:17 - Mohamed Samir: السلام عليكم" ("9/04/24, 3:12 p. m. - …" in Spanish);
- KakaoTalk: "[박지훈] [오전 10:14] 안녕하세요";
- Messenger: the name on its own line, then the time ("Alejandra Ruiz Cárdenas\\n4:14 p.m."), or "Kwame Asante
  Boateng · 9:42 PM"; Vietnamese copies "Trần Minh Tuấn\\n10:02 · Chào bạn";
- Telegram desktop: "Sherzod Karimov:" alone on a line, the message below;
- Twitter: "Tunde Adeyemi @TundeAdeyemiLab" over the tweet;
- Messenger's name over "Sent 8 Oct at 19:44";
- a display name with its company: "Sipho | Vaal Labs: Morning";
- Alibaba TradeManager: the name, the country in brackets, the time: "Mahmoud Samir (Egypt) 14:02: hi" (not an
  agenda's "Meeting (Room 2) 10:00: …").

These return the speakers' names as written, in order; people_fields weighs them after introductions and signatures
(our own staff speak in the same logs and are dropped there)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.rules.countries import find_country_in_text

__all__ = ["ANDROID_STAMP", "CHAT_LINE_RE", "CHAT_PREFIX_RE", "export_speakers"]

# WhatsApp for Android's stamp before the speaker: date, time (a.m./p.m. as the phone's language writes it), " - ".
ANDROID_STAMP = (
    r"\d{1,2}[./]\d{1,2}[./]\d{2,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[apAP]\.?[ \t]?[mM]\.?)?[ \t]+[-–][ \t]+"
)
# A chat line: a stamp (optional), the speaker (a name, a handle or a number) and the message: "[26/03/2025, 9:41 pm]
# +92 300 8461275: …", "rashed_bd: …", "25/03/2024, 21:22 - Sun Li: …". The message may be on the next line.
CHAT_LINE_RE = re.compile(
    # a web chat's bare time before the speaker: "15:37 Visitante: Valentina Ríos, compras@…"
    # (a bare time is no stamp: an agenda's "09:00 Welcome: …" too starts with one)
    rf"^[ \t]*(?:(?P<stamp>\[[^\]\n]{{3,40}}\][ \t]*|{ANDROID_STAMP})|\d{{1,2}}:\d{{2}}(?::\d{{2}})?[ \t]+)?"
    r"(?P<who>\+?\d[\d \t()-]{6,20}\d|[^\W\d_][\w.'’-]{0,30}(?:[ \t]+[^\W\d_][\w.'’-]{0,30}){0,3})"
    r"[ \t]*:(?:[ \t]*(?P<message>[^\n]*?))[ \t]*$",
    re.MULTILINE,
)
# What a chat line starts with before its message: a stamp and the speaker ("[10/04/2024 11:21:02] Youssef Benali: ").
CHAT_PREFIX_RE = re.compile(
    rf"^[ \t]*(?:\[[^\]\n]{{3,40}}\][ \t]*|{ANDROID_STAMP})(?:[^:\n]{{1,40}}:[ \t]*)?"
)
_NAME = r"(?P<who>[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,3})"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[apAP]\.?[ \t]?[mM]\.?)?"
_SENT = r"(?:Sent|Enviado|Envoyé|Gesendet|Inviato)"
_SPEAKER_RES = (
    re.compile(rf"^[ \t]*{ANDROID_STAMP}{_NAME}(?:[ \t]*\|[^:\n]*)?[ \t]*:[ \t]*\S", re.MULTILINE),
    re.compile(rf"^[ \t]*\[{_NAME}\][ \t]*\[[^\]\n]{{3,20}}\][ \t]*\S", re.MULTILINE),
    re.compile(rf"^[ \t]*{_NAME}[ \t]*(?:[·•][ \t]*{_TIME}|\n[ \t]*{_TIME}[ \t]*(?:$|[·•]))", re.MULTILINE),
    re.compile(rf"^[ \t]*{_NAME}[ \t]*:[ \t]*\n[ \t]*\S", re.MULTILINE),
    re.compile(rf"^[ \t]*{_NAME}[ \t]+@\w{{2,30}}[ \t]*$", re.MULTILINE),
    re.compile(rf"^[ \t]*(?:\[[^\]\n]{{3,40}}\][ \t]*)?{_NAME}[ \t]*\|[ \t]*[^:\n|]{{2,40}}:[ \t]*\S", re.MULTILINE),
    re.compile(rf"^[ \t]*{_NAME}[ \t]*\((?P<country>[^()\n]{{2,30}})\)[ \t]+{_TIME}[ \t]*:[ \t]*\S", re.MULTILINE),
    # dated, so once is enough: Messenger's name over "Sent 8 Oct at 19:44"
    re.compile(rf"^[ \t]*{_NAME}[ \t]*\n[ \t]*{_SENT}[ \t]+[^\n]{{2,30}}?{_TIME}[ \t]*$", re.MULTILINE),
)
# The Messenger, Telegram and Twitter shapes also fit a signature's "Regards:", a form's "Message:" or a page's
# "Follow Us @biolab"; a speaker of theirs speaks twice.
_TWICE = frozenset({2, 3, 4, 6})


def export_speakers(text: str) -> Iterator[str]:
    """The speakers of the log's messages, in order, each once."""
    found: list[tuple[int, str]] = []
    for index, regex in enumerate(_SPEAKER_RES):
        names = [(m.start(), m.group("who").strip()) for m in regex.finditer(text)
                 if "country" not in regex.groupindex or find_country_in_text(m.group("country"))]
        if index in _TWICE:
            counted = [name for _, name in names]
            names = [(at, name) for at, name in names if counted.count(name) >= 2]
        found += names
    yield from dict.fromkeys(name for _, name in sorted(found))
