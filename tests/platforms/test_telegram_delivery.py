"""Issue 5, sending on Telegram: flood waits, pacing per chat / group / overall, and what 403 and 400 mean."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.clock import FrozenClock
from bot.notifiers.pacing import Limits
from bot.org.model import Org
from bot.outbound import Outbound, Target

from .fakes import FakeTelegram
from .fakes.telegram import command_update, forwarded_message_update, origin_user, text_message_update
from .telegram_harness import GAO, INTAKE, LATAM_GROUP, LI, PERU, ZHANG, Harness, telegram_app

INQ = "INQ-2026-000001"
NEVER_STARTED = "Forbidden: bot can't initiate conversation with a user"


@pytest.fixture
async def tg(fake_telegram: FakeTelegram, sqlite_url: str, clock: FrozenClock, org: Org) -> AsyncIterator[Harness]:
    async with telegram_app(fake_telegram, sqlite_url, clock, org) as harness:
        yield harness


async def forward_one(tg: Harness) -> None:
    await tg.post(forwarded_message_update(1, INTAKE, LI, PERU, message_id=55, date=tg.date, origin=origin_user(9)))


async def queue(tg: Harness, *messages: Outbound) -> None:
    async with tg.app.ctx.uow() as uow:
        for message in messages:
            await uow.outbox.add(message, tg.clock.now())
        await uow.commit()


async def rows(tg: Harness) -> list[tuple[str, str, str | None]]:
    async with tg.app.ctx.uow() as uow:
        return [(item.message.key, status, error) for item, status, error in await uow.outbox.rows()]


async def the_dm_again(tg: Harness) -> Outbound:
    """The inquiry.assigned DM as the outbox holds it, to queue it once more."""
    async with tg.app.ctx.uow() as uow:
        return next(item.message for item, _, _ in await uow.outbox.rows() if item.message.key == "inquiry.assigned")


def notice(text: str, chat: int) -> Outbound:
    return Outbound("intake.exists", Target.to_channel({"telegram": str(chat)}), {"id": text})


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # PTB's own RetryAfter.__init__
async def test_a_flood_wait_is_honoured_and_the_message_goes_out_once(tg: Harness) -> None:
    tg.fake.fail_next("sendMessage", 429, retry_after=1)
    await forward_one(tg)

    await tg.deliver()

    first, second = tg.sent_to(INTAKE)
    assert second.at - first.at >= 1.0
    assert len([m for (chat, _), m in tg.fake.messages.items() if chat == INTAKE]) == 1
    assert [status for _, status, _ in await rows(tg)] == ["sent", "sent"]


async def test_a_burst_to_one_group_goes_out_whole_past_the_per_group_window(tg: Harness) -> None:
    """The pacing decisions themselves are tested on an injected clock (tests/unit/test_pacing.py); real-time
    figures are in bench/pacing.py."""
    tg.runtime.telegram_notifier.pacer.limits = Limits(per_chat_interval=0.0, group_max=20, group_period=0.2)
    await queue(tg, *(notice(f"INQ-2026-{n:06d}", LATAM_GROUP) for n in range(1, 26)))

    await tg.deliver()

    calls = tg.sent_to(LATAM_GROUP)
    assert [f"INQ-2026-{n:06d}" in c.params["text"] for n, c in enumerate(calls, 1)] == [True] * 25  # in order
    assert [status for _, status, _ in await rows(tg)] == ["sent"] * 25


async def test_a_dm_refused_falls_back_to_the_region_group_and_tells_an_admin_once(tg: Harness) -> None:
    await forward_one(tg)
    await tg.deliver()
    dm = await the_dm_again(tg)

    tg.fake.fail_next("sendMessage", 403, description=NEVER_STARTED)
    await queue(tg, dm)
    await tg.deliver()
    tg.fake.fail_next("sendMessage", 403, description="Forbidden: bot was blocked by the user")
    await queue(tg, dm)
    await tg.deliver()

    fallbacks = tg.sent_to(LATAM_GROUP)  # zhang's department trade1 works latam: its group hears it
    assert len(fallbacks) == 2
    text = fallbacks[0].params["text"]
    assert 'tg://user?id=100007' in text and INQ in text
    assert "minera" not in text.lower() and "Carlos" not in text  # the group never sees the private message
    assert "reply_markup" not in fallbacks[0].params
    [admin_notice] = tg.sent_to(GAO)
    assert "张伟" in admin_notice.params["text"]
    assert all(status == "sent" for _, status, _ in await rows(tg))

    group_message = tg.fake.messages[(LATAM_GROUP, 1001)]
    await tg.post(text_message_update(90, LATAM_GROUP, ZHANG, "Called the customer, quote sent", message_id=9,
                                      date=tg.date, reply_to=group_message))
    assert (await tg.inquiry(INQ)).followup_method == "other"  # a reply in the group still counts as a note


async def test_the_held_dm_arrives_when_the_person_presses_start(tg: Harness) -> None:
    await forward_one(tg)
    await tg.deliver()
    dm = await the_dm_again(tg)
    tg.fake.fail_next("sendMessage", 403, description=NEVER_STARTED)
    await queue(tg, dm)
    await tg.deliver()
    direct_before = len(tg.sent_to(ZHANG))
    await tg.post(command_update("/start", update_id=77, chat_id=ZHANG, from_id=ZHANG, message_id=5))
    await tg.deliver()
    direct = tg.sent_to(ZHANG)[direct_before:]
    held = [c for c in direct if INQ in c.params["text"] and "reply_markup" in c.params]
    assert len(held) == 1  # the assignment with its buttons, delivered once the chat is open
    await tg.post(command_update("/start", update_id=78, chat_id=ZHANG, from_id=ZHANG, message_id=6))
    await tg.deliver()
    assert [c for c in tg.sent_to(ZHANG)[direct_before:] if INQ in c.params["text"]] == held  # not twice


async def test_the_admin_is_told_once_across_restarts(
    fake_telegram: FakeTelegram, sqlite_url: str, clock: FrozenClock, org: Org
) -> None:
    for _ in range(2):
        async with telegram_app(fake_telegram, sqlite_url, clock, org) as tg:
            if not await tg.inquiries():
                await forward_one(tg)
                await tg.deliver()
            tg.fake.fail_next("sendMessage", 403, description=NEVER_STARTED)
            await queue(tg, await the_dm_again(tg))
            await tg.deliver()

    assert len(tg.sent_to(LATAM_GROUP)) == 2
    assert len(tg.sent_to(GAO)) == 1


async def test_a_chat_that_does_not_exist_fails_for_good_and_is_reported(tg: Harness) -> None:
    tg.fake.fail_next("sendMessage", 400, description="Bad Request: chat not found")
    await forward_one(tg)

    await tg.deliver()
    await tg.deliver()

    assert ("intake.reply", "failed", "bad_request: Chat not found") in await rows(tg)
    assert len(tg.sent_to(INTAKE)) == 1  # never retried
    assert tg.sent_to(GAO)  # delivery.failed to the admin


async def test_a_migrated_group_is_permanent_and_names_the_new_chat(tg: Harness) -> None:
    tg.fake.fail_next("sendMessage", 400, description="Bad Request: group chat was upgraded to a supergroup chat",
                      migrate_to_chat_id=-1009876)
    await queue(tg, notice("x", LATAM_GROUP))

    await tg.deliver()

    [(_, status, error)] = [r for r in await rows(tg) if r[0] == "intake.exists"]
    assert status == "failed"
    assert error is not None and "-1009876" in error


async def test_a_server_error_is_retried_later(tg: Harness) -> None:
    tg.fake.fail_next("sendMessage", 500)
    await queue(tg, notice("x", LATAM_GROUP))

    await tg.deliver()

    [(key, status, error)] = await rows(tg)
    assert (key, status) == ("intake.exists", "pending")
    assert error is not None and error.startswith("network")
