"""A forwarded line with no usable signal is not taken silently: the specialist is asked whether it is an inquiry,
and logging it later keeps the forward's own time; dropping it leaves nothing behind."""

from __future__ import annotations

from bot.bootstrap import App
from bot.clock import FrozenClock
from bot.rules.intake import parse_inquiry
from bot.rules.signal import has_signal
from tests.conftest import Transcript, local
from tests.services.support import session


async def inquiries(app: App) -> list[str]:
    async with app.ctx.uow() as uow:
        return [i.id for i in await uow.inquiries.list()]


def test_what_counts_as_a_signal() -> None:
    assert not has_signal(parse_inquiry("hello"))
    assert not has_signal(parse_inquiry("ok, thanks, will check tomorrow"))
    assert has_signal(parse_inquiry("ana@quimicafina.com.br"))
    assert has_signal(parse_inquiry("Cliente do Brasil"))  # a country
    assert has_signal(parse_inquiry("need a price for your gas chromatograph, please send the catalogue soon"))


async def test_hello_asks_the_specialist_and_log_it_creates_the_inquiry_at_the_forward_time(
        app: App, transcript: Transcript, clock: FrozenClock) -> None:
    clock.set(local(2026, 11, 23, 9, 0))
    li = session(app, "li", transcript)
    await li.handle("hello")
    assert await inquiries(app) == []  # no rep, no deadline, no possible penalty
    assert "这是询盘吗？" in transcript.text and "/inq intake log 1" in transcript.text
    clock.set(local(2026, 11, 23, 10, 0))
    transcript.clear()
    await li.handle("/inq intake log 1")
    (made,) = await inquiries(app)
    async with app.ctx.uow() as uow:
        stored = await uow.inquiries.get(made)
    assert stored is not None and stored.forwarded_at == local(2026, 11, 23, 9, 0) and stored.assignee_id
    await li.handle("/inq intake log 1")  # a second press finds nothing waiting
    assert "没有编号为 1 的待确认转发" in transcript.text and len(await inquiries(app)) == 1


async def test_drop_it_forgets_the_text_and_only_the_forwarder_can_answer(
        app: App, transcript: Transcript, clock: FrozenClock) -> None:
    await session(app, "li", transcript).handle("ok thanks")
    await session(app, "zhao", transcript).handle("/inq intake log 1")  # another specialist: not theirs
    assert await inquiries(app) == []
    transcript.clear()
    await session(app, "li", transcript).handle("/inq intake drop 1")
    assert "已忽略" in transcript.text and await inquiries(app) == []


async def test_new_typed_on_purpose_is_never_questioned(app: App, transcript: Transcript) -> None:
    await session(app, "li", transcript).handle("/inq new hello")
    assert len(await inquiries(app)) == 1
