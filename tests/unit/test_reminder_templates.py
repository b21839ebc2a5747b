"""The reminder, digest, transfer and report templates render in both locales on every platform, say when they
are late, and escape user text (customer names, agent names) for Slack and Telegram."""

from __future__ import annotations

from typing import Any

import pytest

from bot.notifiers.render import Renderer
from bot.org.model import Org

NASTY = "<b>&"
SLOT = {"slot": "2026-11-23T21:00:00+08:00", "job": "followup_reminders", "late": True}
VIEW: dict[str, Any] = {
    "id": "INQ-2026-000123", "status": "followed_up", "region": "latam", "department": "trade1",
    "assignee": "wu", "specialist": "li", "source": "alibaba",
    "customer": {"name": f"Ana {NASTY} Souza", "company": "Acme", "email": "ana@acme.com.br", "phone": "+5511",
                 "country": "BR", "product": "XRF"},
    "received_at": "2026-11-23T01:00:00+00:00", "forwarded_at": "2026-11-23T01:00:00+00:00",
    "due_at": "2026-11-23T15:59:00+00:00", "acknowledged_at": None, "followed_up_at": None,
    "followup_method": "whatsapp", "crm_id": None, "agent": f"Tecno {NASTY} Andes", "won_at": None,
    "won_amount": "12,000", "lost_reason": None, "grey_state": None, "grey_reason": None, "duplicate_of": None,
    "transfers": 0,
}
TALLY = {"person": "zhang", "received": 4, "on_time": 1, "late": 1, "missed": 1, "pending": 0, "grey": 1}
SAMPLES: dict[str, dict[str, Any]] = {
    "reminder.followup": {**SLOT, "recipient": "zhou", "inquiries": [VIEW]},
    "reminder.deals_daily": {**SLOT, "recipient": "zhang", "day": "2026-11-23", "department": "trade1",
                             "manager": "wang", "due_at": "2026-11-23T13:00:00+00:00", "inquiries": [VIEW],
                             "actions": [{"id": "deals_none", "value": "trade1"},
                                         {"id": "deals_pick", "value": "trade1"}]},
    "reminder.crm": {**SLOT, "recipient": "zhou", "items": [{"inquiry": VIEW, "day": 5}]},
    "reminder.deals_monthly": {**SLOT, "recipient": "wang", "month": "2026-11", "department": "trade1",
                               "manager": "wang", "due_at": "2026-11-30T07:30:00+00:00", "inquiries": [VIEW],
                               "actions": [{"id": "deals_month_none", "value": "trade1"},
                                           {"id": "deals_month_pick", "value": "trade1"}]},
    "reminder.ledger": {**SLOT, "recipient": "li", "month": "2026-11", "specialist": "li",
                        "departments": ["trade1"], "due_at": "2026-12-03T09:30:00+00:00",
                        "actions": [{"id": "ledger_sent", "value": "2026-11"}]},
    "transfer.warning": {**SLOT, "recipient": "wu", "inquiry": VIEW, "transfer_due_at": "2026-12-23T01:00:00+00:00"},
    "transfer.suggestion": {**SLOT, "recipient": "li", "specialist": "li", "inquiry": VIEW, "department": "trade2",
                            "person": "huang", "command": "/inq transfer INQ-2026-000123 trade2 huang"},
    "digest.weekly_reps": {**SLOT, "recipient": "li", "week_start": "2026-11-23", "week_end": "2026-11-29",
                           "specialist": "li", "regions": ["latam"], "reps": [TALLY, {**TALLY, "person": None}],
                           "total": {**TALLY, "person": None}},
    "digest.weekly_manager": {**SLOT, "recipient": "wang", "week_start": "2026-11-20", "week_end": "2026-11-27",
                              "from": "2026-11-20T17:00:00+08:00", "to": "2026-11-27T17:00:00+08:00",
                              "department": "trade1", "manager": "wang", "total": 2,
                              "attachment": {"path": "/tmp/w.xlsx", "filename": "w.xlsx"},
                              "direct_total": TALLY, "agent_total": TALLY},
    "deals.reported": {"kind": "daily", "period": "2026-11-23", "department": "trade1", "inquiries": [VIEW],
                       "won": [VIEW["id"]], "by": "wang"},
    "deals.reported_notice": {"kind": "monthly", "period": "2026-11", "department": "trade1", "inquiries": [VIEW],
                              "won": [], "by": "wang"},
    "counts.matched": {"department": "trade1", "day": "2026-11-23", "by": "wang", "already": False},
    "counts.matched_notice": {"department": "trade1", "day": "2026-11-23", "by": "wang", "already": False},
    "ledger.sent": {"month": "2026-10", "departments": ["trade1", "trade2"], "already": ["trade2"]},
    "inquiry.transferred": {"inquiry": VIEW, "previous": "zhang", "previous_department": "trade2"},
    "inquiry.transferred_notice": {"inquiry": VIEW, "previous_department": "trade2", "by": "li"},
    "away.recorded": {"person": "wu", "start": "2026-11-23", "end": "2026-11-25", "delegate": "zhou", "by": "wu"},
    "away.delegate_notice": {"person": "wu", "start": "2026-11-23", "end": "2026-11-25", "delegate": "zhou",
                             "by": "wang"},
    "reload.info": {"people": 16, "regions": 5, "departments": 3},
    "error.unknown_department": {"department": f"x{NASTY}", "choices": "trade1, trade2"},
    "error.rep_not_in_department": {"person": "he", "department": "trade2"},
    "error.same_department": {"id": VIEW["id"], "department": "trade1"},
    "error.no_rep_available": {"department": "trade3"},
    "error.which_department": {"choices": "trade1, trade2"},
    "error.not_in_department": {"id": VIEW["id"], "department": "trade1"},
    "error.deals_already_reported": {"kind": "daily", "period": "2026-11-23", "department": "trade1",
                                     "at": "2026-11-23T12:00:00+00:00", "by": "wang"},
    "error.bad_month": {"value": f"2026{NASTY}"},
    "error.bad_period": {"start": "2026-11-25", "end": "2026-11-23"},
    "error.bad_delegate": {"person": "wu"},
    "error.nothing_picked": {"button": "deals_none"},
    "error.pick_unavailable": {"verb": "deals month"},
    "refused.manager_only": {"action": "match", "id": None},
    "refused.ledger_specialist_only": {"action": "ledger_sent", "id": None},
    "refused.away_not_allowed": {"action": "away", "id": None},
    "refused.delegate_not_peer": {"action": "away", "id": None, "person": "wang", "delegate": "zhou",
                                  "roles": ["manager", "rep"]},
    "refused.admin_only": {"action": "reload", "id": None},
}
SCHEDULED = [key for key, data in SAMPLES.items() if "slot" in data]


@pytest.fixture(scope="module")
def renderer(org: Org) -> Renderer:
    return Renderer(org)


@pytest.mark.parametrize("key", sorted(SAMPLES))
@pytest.mark.parametrize("locale", ["zh-CN", "en"])
@pytest.mark.parametrize("platform", ["shell", "slack", "telegram"])
def test_renders(renderer: Renderer, key: str, locale: str, platform: str) -> None:
    text = renderer.render(key, SAMPLES[key], locale=locale, platform=platform)  # type: ignore[arg-type]
    assert text.strip() and "None" not in text
    shows_user_text = NASTY in renderer.render(key, SAMPLES[key], locale=locale, platform="shell")
    if platform != "shell":
        assert NASTY not in text
        assert ("&lt;b&gt;&amp;" in text) == shows_user_text


@pytest.mark.parametrize("key", SCHEDULED)
def test_late_posts_say_so(renderer: Renderer, key: str) -> None:
    late = renderer.render(key, SAMPLES[key], locale="en", platform="shell")
    on_time = renderer.render(key, {**SAMPLES[key], "late": False}, locale="en", platform="shell")
    assert "late" in late.lower() and late != on_time
    assert "补发" in renderer.render(key, SAMPLES[key], locale="zh-CN", platform="shell")


def test_a_delegate_is_told_whom_they_cover(renderer: Renderer) -> None:
    text = renderer.render("reminder.deals_daily", SAMPLES["reminder.deals_daily"], locale="en", platform="shell")
    assert "covering for 王芳" in text and "/inq deals today trade1 none" in text
    followup = renderer.render("reminder.followup", SAMPLES["reminder.followup"], locale="zh-CN", platform="shell")
    assert "代 吴强" in followup
