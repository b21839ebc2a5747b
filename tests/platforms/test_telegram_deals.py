"""Telegram, the deal prompt's picker: "Pick the deals" turns the keyboard into one toggle per inquiry of the day;
"Report selected" reports the ticked ones through `/inq deals today`, nothing ticked is refused, Cancel goes back."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.clock import FrozenClock
from bot.notifiers.telegram_markup import MAX_CALLBACK_BYTES
from bot.org.model import Org
from bot.rules.inquiry import Inquiry, Status
from bot.services.jobs import run_at
from tests.conftest import local

from .fakes import FakeTelegram
from .fakes.telegram import callback_query_update, forwarded_message_update, origin_user
from .telegram_harness import INTAKE, LI, PERU, WANG, Harness, telegram_app

CHILE = ("Name: Pedro Rojas\nCompany: Minera Austral SpA\nCountry: Chile\nEmail: pedro@mineraaustral.cl\n"
         "WhatsApp: +56 9 8765 4321\nPlease quote 3 handheld XRF analysers.")


@pytest.fixture
async def tg(fake_telegram: FakeTelegram, sqlite_url: str, clock: FrozenClock, org: Org) -> AsyncIterator[Harness]:
    async with telegram_app(fake_telegram, sqlite_url, clock, org) as harness:
        yield harness


async def prompted(tg: Harness) -> tuple[list[Inquiry], int]:
    """Two trade1 inquiries forwarded by li, then the 20:00 deal prompt: (inquiries, wang's prompt message id)."""
    for n, text in enumerate((PERU, CHILE)):
        await tg.post(forwarded_message_update(1 + n, INTAKE, LI, text, message_id=55 + n, date=tg.date,
                                               origin=origin_user(9001 + n, date=tg.date - 60)))
    await tg.deliver()
    tg.clock.set(local(2026, 11, 23, 20, 0))
    await run_at(tg.app.ctx, "deals_daily_prompt", local(2026, 11, 23, 20, 0))
    await tg.deliver()
    inquiries = sorted(await tg.inquiries(), key=lambda i: i.id)
    assert [i.department_id for i in inquiries] == ["trade1", "trade1"]
    [prompt_id] = [mid for (chat, mid), message in tg.fake.messages.items()
                   if chat == WANG and "deals_pick:trade1" in data(message)]
    return inquiries, prompt_id


def data(message: dict[str, Any]) -> list[str]:
    return [b["callback_data"] for row in message.get("reply_markup", {}).get("inline_keyboard", []) for b in row]


def labels(message: dict[str, Any]) -> list[str]:
    return [b["text"] for row in message.get("reply_markup", {}).get("inline_keyboard", []) for b in row]


async def press(tg: Harness, update_id: int, callback: str, prompt_id: int) -> dict[str, Any]:
    """wang presses a button of the prompt as it is now; returns the prompt as it is afterwards."""
    update = callback_query_update(update_id, WANG, callback, tg.fake.messages[(WANG, prompt_id)])
    assert (await tg.post(update)).status_code == 200
    return tg.fake.messages[(WANG, prompt_id)]


async def test_the_manager_ticks_one_inquiry_and_reports_it(tg: Harness) -> None:
    (first, second), prompt_id = await prompted(tg)
    assert data(tg.fake.messages[(WANG, prompt_id)]) == ["deals_none:trade1", "deals_pick:trade1"]

    picker = await press(tg, 10, "deals_pick:trade1", prompt_id)
    assert data(picker) == [f"deals_toggle:{first.id}", f"deals_toggle:{second.id}", "deals_report", "deals_cancel"]
    assert all(len(d.encode()) <= MAX_CALLBACK_BYTES for d in data(picker))
    rep = tg.app.ctx.org.person(second.assignee_id or "")
    assert rep is not None and first.assignee_id == "zhang"
    assert labels(picker) == [f"☐ {first.id} · Carlos Mendoza · 张伟", f"☐ {second.id} · Pedro Rojas · {rep.name}",
                              "提交所选", "取消"]
    await press(tg, 11, f"deals_toggle:{first.id}", prompt_id)
    await press(tg, 12, f"deals_toggle:{second.id}", prompt_id)
    ticked = await press(tg, 13, f"deals_toggle:{second.id}", prompt_id)  # changed their mind
    assert [label[0] for label in labels(ticked)[:2]] == ["☑", "☐"]

    done = await press(tg, 14, "deals_report", prompt_id)

    async with tg.app.ctx.uow() as uow:
        report = (await uow.reports.deal_reports("daily", "2026-11-23"))["trade1"]
        assert await uow.conversations.get("telegram", "wang", "deals_pick", tg.clock.now()) is None
    assert report.inquiry_ids == (first.id,) and report.reported_by == "wang"
    assert (await tg.inquiry(first.id)).status is Status.WON
    assert (await tg.inquiry(second.id)).status is not Status.WON
    [edit] = tg.fake.called("editMessageText")
    assert (int(edit.params["chat_id"]), int(edit.params["message_id"])) == (WANG, prompt_id)
    assert "reply_markup" not in edit.params and "reply_markup" not in done  # it cannot be pressed twice
    assert edit.params["text"].endswith("✓ 王芳 20:00 已反馈今日成交")


async def test_reporting_with_nothing_ticked_is_refused(tg: Harness) -> None:
    _, prompt_id = await prompted(tg)
    await press(tg, 10, "deals_pick:trade1", prompt_id)

    still = await press(tg, 11, "deals_report", prompt_id)

    answer = tg.fake.called("answerCallbackQuery")[-1]
    assert answer.params["show_alert"] in ("true", "True")
    assert "今日无成交" in answer.params["text"]  # tick one, or press "No deals today"
    async with tg.app.ctx.uow() as uow:
        assert await uow.reports.deal_reports("daily", "2026-11-23") == {}
    assert tg.fake.called("editMessageText") == []
    assert "deals_report" in data(still)


async def test_cancel_puts_the_prompt_buttons_back(tg: Harness) -> None:
    (first, _), prompt_id = await prompted(tg)
    await press(tg, 10, "deals_pick:trade1", prompt_id)
    await press(tg, 11, f"deals_toggle:{first.id}", prompt_id)

    back = await press(tg, 12, "deals_cancel", prompt_id)

    assert data(back) == ["deals_none:trade1", "deals_pick:trade1"]
    stale = await press(tg, 13, "deals_report", prompt_id)  # an old keyboard on another device
    assert tg.fake.called("answerCallbackQuery")[-1].params["show_alert"] in ("true", "True")
    assert data(stale) == ["deals_none:trade1", "deals_pick:trade1"]
    async with tg.app.ctx.uow() as uow:
        assert await uow.reports.deal_reports("daily", "2026-11-23") == {}
