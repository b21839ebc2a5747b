"""Every message template renders in both locales on every platform, escapes user text, and exists for every key."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.commands import USAGE
from bot.notifiers.render import MESSAGES_DIR, Renderer
from bot.org.model import Channel, Department, Org, Person, Region, Role

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ("zh-CN", "en")
PLATFORMS = ("shell", "slack", "telegram")
NASTY = "<b>&"  # user text that must reach Telegram and Slack escaped, and the shell as typed

KEYS = (
    # replies to the person who typed a command
    "help", "mine", "show", "intake.created", "intake.exists",
    "inquiry.acknowledged", "inquiry.followed_up", "inquiry.crm_recorded", "inquiry.agent_recorded",
    "inquiry.won", "inquiry.lost", "inquiry.grey_proposed", "inquiry.grey_confirmed", "inquiry.assigned_reply",
    "inquiry.region_changed", "inquiry.exception_requested", "inquiry.exception_approved", "inquiry.updated",
    # errors and refusals
    "error.generic", "error.apology", "error.not_allowed", "error.not_found", "error.invalid_input",
    "error.not_in_roster", "error.unknown_command", "error.usage", "error.closed", "error.note_too_short",
    "error.already_acknowledged", "error.unassigned", "error.bad_method", "error.missing_argument",
    "error.exception_already_approved", "error.bad_inquiry_id", "error.inquiry_not_found", "error.bad_amount",
    "error.unknown_rep", "error.person_inactive", "error.unknown_region", "error.not_available",
    "refused.inactive", "refused.not_yours", "refused.reps_cannot_reassign", "refused.specialist_only",
    # notices the bot sends
    "intake.reply", "intake.pick_region", "intake.possible_duplicate", "intake.unsure", "intake.dropped",
    "intake.unsure_gone", "inquiry.assigned",
    "inquiry.reassigned_away", "inquiry.followed_up_notice", "inquiry.won_notice", "inquiry.lost_notice",
    "inquiry.grey_proposed_notice", "inquiry.grey_confirmed_notice", "inquiry.exception_requested_notice",
    "inquiry.exception_approved_notice", "delivery.failed",
    # penalties
    "penalty.recorded", "penalty.proposed", "penalty.added", "penalty.decided", "penalty.decided_notice",
    "penalty.p3_notice", "penalty.p3_correction", "penalty.appealed", "penalty.appeal_sent", "incentives",
    "penalty.show", "penalty.p5_confirm_needed", "penalty.p5_asked", "penalty.p5_manager", "penalty.grey_ask_waive",
    "inquiry.grey_rejected", "inquiry.grey_rejected_notice",
    "error.p3_amount_needed", "error.amount_only_p3", "error.p3_exists", "error.p5_nothing_pending",
    "error.no_grey_proposal",
    "error.rule_not_manual", "error.unknown_person", "error.exception_was_approved",
    "error.bad_penalty_id", "error.penalty_not_found", "error.penalty_already_decided",
    "refused.penalty_decider_only", "refused.appeal_own_only",
    # counts and audits
    "counts.region", "counts.reconciliation", "counts.reply", "crm_audit.draft", "error.bad_date",
    # the shell chat
    "shell.welcome", "shell.scheduler", "shell.not_a_command", "chat.not_a_command", "slack.action_done",
)

# Keys whose text shows the customer's name: the escaping check is made on them.
SHOWS_CUSTOMER = (
    "mine", "show", "intake.reply", "intake.pick_region", "intake.possible_duplicate", "inquiry.assigned",
    "inquiry.reassigned_away", "inquiry.followed_up_notice", "inquiry.won_notice", "inquiry.lost_notice",
    "inquiry.grey_proposed_notice", "inquiry.grey_confirmed_notice", "inquiry.exception_requested_notice",
    "inquiry.exception_approved_notice",
)

TERM_GROUPS = {
    "status": "unassigned assigned acknowledged followed_up won lost grey",
    "source": "alibaba trademanager website email website_chat whatsapp wechat facebook linkedin twitter colleague",
    "method": "email whatsapp wechat phone other",
    "routed_by": "tag address phone email text specialist unresolved",
    "grey_kind": "spam supplier competitor duplicate unreachable not_our_product other",
    "event": "received assigned acknowledged followed_up crm_recorded agent_handoff won lost grey_proposed "
             "grey_confirmed region_changed exception_requested exception_approved duplicate_linked refused "
             "transferred",
    "button": "ack followup grey grey_confirm won reassign change_region exception_approve deals_none "
              "deals_month_none penalty_confirm penalty_waive counts_match ledger_sent pick_region "
              "penalty_amount p5_different grey_reject",
    "penalty_step": "proposed recorded appealed confirmed waived published corrected",
    "role": "specialist rep manager admin",
    "rule": "P1.3 P1.4 P3 P4 P5 P6 P7",
    "penalty_status": "proposed confirmed waived appealed",
}


def make_org() -> Org:
    def person(pid: str, name: str, role: Role, **extra: Any) -> Person:
        return Person(id=pid, name=name, roles=frozenset({role}), **extra)

    return Org(
        timezone="Asia/Shanghai", locale="zh-CN", calendar="cn", calendar_overrides={},
        intake=Channel(ids={"slack": "C0INTAKE", "telegram": "-1001000000001"}), announce=None,
        regions=(
            Region("latam", {"zh-CN": "拉美", "en": "Latin America"}, frozenset({"BR", "MX"}), "trade1", "li"),
            Region("mena", {"zh-CN": "中东北非", "en": "Middle East & North Africa"}, frozenset({"AE"}), "trade1",
                   "li"),
        ),
        departments=(Department("trade1", {"zh-CN": "贸易一部", "en": "Trade Dept 1"}, "wang"),),
        people=(
            person("li", "李雷", Role.SPECIALIST, ids={"slack": "U01LI", "telegram": "100001"}),
            person("zhang", "张伟", Role.REP, ids={"slack": "U02ZHANG", "telegram": "100002"}, department="trade1"),
            person("zhou", "周敏", Role.REP, ids={"telegram": "100003"}, department="trade1"),
            person("wang", "王芳", Role.MANAGER, ids={"slack": "U03WANG"}, department="trade1"),
            person("gao", "高强", Role.ADMIN, ids={"slack": "U04GAO"}),
        ),
    )


def view(**changes: Any) -> dict[str, Any]:
    """An inquiry as `bot.services.views.inquiry_view` hands it to templates."""
    base: dict[str, Any] = {
        "id": "INQ-2026-000123", "status": "followed_up", "region": "mena", "department": "trade1",
        "assignee": "zhang", "specialist": "li", "source": "alibaba",
        "customer": {"name": f"Ana {NASTY} Souza", "company": "Acme Ltda", "email": "ana@acme.com.br",
                     "phone": "+55 11 91234 5678", "country": "BR", "product": "XRF analyser"},
        "received_at": "2026-03-04T01:10:00+00:00", "forwarded_at": "2026-03-04T02:15:00+00:00",
        "due_at": "2026-03-04T15:59:00+00:00", "acknowledged_at": "2026-03-04T03:00:00+00:00",
        "followed_up_at": "2026-03-04T05:00:00+00:00", "followup_method": "whatsapp", "crm_id": None,
        "agent": "Tecno Andes", "won_at": "2026-03-20T08:00:00+00:00", "won_amount": "12,000",
        "lost_reason": None, "grey_state": "proposed", "grey_reason": "spam: bulk mail", "duplicate_of": None,
        "transfers": 1,
    }
    return {**base, **changes}


BARE = view(
    id="INQ-2026-000124", status="unassigned", region=None, department=None, assignee=None, specialist=None,
    source=None, customer=dict.fromkeys(("name", "company", "email", "phone", "country", "product")),
    received_at=None, forwarded_at=None, due_at=None, acknowledged_at=None, followed_up_at=None,
    followup_method=None, agent=None, won_at=None, won_amount=None, grey_state=None, grey_reason=None, transfers=0,
)

HISTORY = [
    {"at": "2026-03-04T02:15:00+00:00", "kind": "received", "actor": "li", "platform": "slack", "region": "mena",
     "routed_by": "phone", "source": "alibaba"},
    {"at": "2026-03-04T02:15:00+00:00", "kind": "assigned", "actor": None, "to": "zhang", "previous": None},
    {"at": "2026-03-04T03:00:00+00:00", "kind": "acknowledged", "actor": "zhang"},
    {"at": "2026-03-04T05:00:00+00:00", "kind": "followed_up", "actor": "zhang", "method": "whatsapp",
     "note": f"Sent quote {NASTY} catalogue"},
    {"at": "2026-03-04T06:00:00+00:00", "kind": "region_changed", "actor": "li", "region": "mena",
     "department": "trade1", "previous": "latam"},
    {"at": "2026-03-04T06:30:00+00:00", "kind": "crm_recorded", "actor": "zhang", "crm_id": "CRM-881"},
    {"at": "2026-03-04T06:40:00+00:00", "kind": "agent_handoff", "actor": "zhang", "agent": "Tecno Andes"},
    {"at": "2026-03-04T07:00:00+00:00", "kind": "grey_proposed", "actor": "zhang", "grey_kind": "spam",
     "reason": "spam: bulk mail"},
    {"at": "2026-03-04T07:05:00+00:00", "kind": "spam", "actor": "li", "reason": "spam: bulk mail"},
    {"at": "2026-03-04T08:00:00+00:00", "kind": "refused", "actor": "zhou", "action": "assign",
     "reason": "refused.reps_cannot_reassign"},
    {"at": "2026-03-04T08:30:00+00:00", "kind": "duplicate_linked", "actor": None, "of": "INQ-2026-000100"},
    {"at": "2026-03-04T09:00:00+00:00", "kind": "won", "actor": "zhang", "amount": "12,000"},
    {"at": "2026-03-05T09:00:00+00:00", "kind": "transferred", "actor": "li", "to": "zhou", "previous": "zhang"},
]

PENALTY = {
    "id": "PEN-2026-00042", "rule": "P1.4", "person": "zhang", "amount": 40, "status": "proposed",
    "inquiry": "INQ-2026-000123", "period": "2026-03-04", "split_group": None,
    "created_at": "2026-03-04T16:00:00+00:00", "decided_by": None, "decided_at": None, "reason": None,
    "appealed": False, "appeal_reason": None, "under_appeal": False,
    "facts": {"inquiry": "INQ-2026-000123", "department": "trade1", "due_at": "2026-03-04T15:59:00+00:00"},
}
P4_DECIDED = {**PENALTY, "id": "PEN-2026-00043", "rule": "P4", "person": "wang", "inquiry": None, "amount": 50,
              "status": "confirmed", "reason": "trade1", "appealed": True, "facts": {"department": "trade1"}}
P3_OPEN = {**PENALTY, "id": "PEN-2026-00044", "rule": "P3", "amount": None, "under_appeal": True}
HISTORY_STEPS = [
    {"what": "proposed", "who": None, "when": "2026-03-04T16:00:00+00:00", "reason": None, "amount": None},
    {"what": "confirmed", "who": "li", "when": "2026-03-05T02:00:00+00:00", "reason": f"log {NASTY} checked",
     "amount": 1900},
    {"what": "appealed", "who": "zhang", "when": "2026-03-05T03:00:00+00:00", "reason": "was on leave",
     "amount": None},
]

SLOT = {"day": "2026-03-04", "slot": "2026-03-04T10:30:00+00:00", "late": True, "job": "counts_evening"}
COUNTS = {
    "date": "2026-03-04", "total": 5, "unrouted": 1,
    "regions": [
        {"region": "mena", "total": 3, "followed_up": 1, "open": 2,
         "reps": [{"person": "zhang", "total": 2, "followed_up": 1, "open": 1},
                  {"person": "zhou", "total": 1, "followed_up": 0, "open": 1}]},
        {"region": "latam", "total": 1, "followed_up": 1, "open": 0,
         "reps": [{"person": None, "total": 1, "followed_up": 1, "open": 0}]},
    ],
    "departments": [{"department": "trade1", "forwarded": 4, "acknowledged": 2,
                     "unacknowledged": ["INQ-2026-000123", "INQ-2026-000124"]}],
}


def samples(inquiry: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Realistic data for every key, built around one inquiry view."""
    ident = inquiry["id"]
    event = {"inquiry": inquiry}
    return {
        "help": {"usage": USAGE, "roles": ["rep", "manager"], "topic": None},
        "mine": {"inquiries": [inquiry, BARE], "count": 2},
        "show": {"inquiry": inquiry, "history": HISTORY},
        "intake.created": {"inquiry": inquiry},
        "intake.exists": {"id": ident},
        "inquiry.acknowledged": {**event, "event": "acknowledged"},
        "inquiry.followed_up": {**event, "event": "followed_up", "method": "whatsapp",
                                "note": f"Sent the price list {NASTY} catalogue"},
        "inquiry.crm_recorded": {**event, "event": "crm_recorded", "crm_id": "CRM-881"},
        "inquiry.agent_recorded": {**event, "event": "agent_handoff", "agent": f"Tecno {NASTY} Andes"},
        "inquiry.won": {**event, "event": "won", "amount": "12,000"},
        "inquiry.lost": {**event, "event": "lost", "reason": "bought from a local dealer"},
        "inquiry.grey_proposed": {**event, "event": "grey_proposed", "kind": "supplier",
                                  "reason": "supplier offering packaging"},
        "inquiry.grey_confirmed": {**event, "event": "grey_confirmed", "kind": "spam", "reason": "spam: bulk"},
        "inquiry.assigned_reply": {**event, "event": "assigned", "to": "zhang", "previous": "zhou"},
        "inquiry.region_changed": {"inquiry": inquiry},
        "inquiry.exception_requested": {**event, "event": "exception_requested"},
        "inquiry.exception_approved": {**event, "event": "exception_approved"},
        "inquiry.updated": {**event, "event": "acknowledged"},
        "error.generic": {},
        "error.apology": {},
        "error.not_allowed": {"action": "assign", "id": ident},
        "error.not_found": {},
        "error.invalid_input": {},
        "error.not_in_roster": {},
        "error.unknown_command": {"command": f"frobnicate{NASTY}"},
        "error.usage": {"usage": USAGE["followup"]},
        "error.closed": {"id": ident, "status": "won"},
        "error.note_too_short": {"field": "note", "minimum": 10, "length": 3},
        "error.already_acknowledged": {"id": ident},
        "error.unassigned": {"id": ident},
        "error.bad_method": {"method": "fax", "choices": "email, whatsapp, wechat, phone, other"},
        "error.missing_argument": {"argument": "CRM-ID"},
        "error.exception_already_approved": {"id": ident},
        "error.bad_inquiry_id": {"value": f"12{NASTY}"},
        "error.inquiry_not_found": {"id": ident},
        "error.bad_amount": {"value": "lots"},
        "error.unknown_rep": {"person": "nobody"},
        "error.person_inactive": {"person": "zhou"},
        "error.unknown_region": {"region": "mars", "choices": "latam, mena"},
        "error.not_available": {"command": "deals today"},
        "refused.inactive": {},
        "refused.not_yours": {"action": "ack", "id": ident},
        "refused.reps_cannot_reassign": {"action": "assign", "id": ident},
        "refused.specialist_only": {"action": "grey_confirm", "id": ident},
        "intake.reply": {"inquiry": inquiry, "routed_by": "phone",
                         "actions": [{"id": "reassign", "value": ident}, {"id": "grey", "value": ident}]},
        "intake.pick_region": {"inquiry": inquiry, "regions": ["latam", "mena"]},
        "intake.unsure": {"specialist": "li", "excerpt": f"hello{NASTY}", "token": "3",
                          "actions": [{"id": "intake_log", "value": "3"}, {"id": "intake_drop", "value": "3"}]},
        "intake.dropped": {"excerpt": "hello"},
        "intake.unsure_gone": {"token": "3"},
        "intake.possible_duplicate": {"inquiry": inquiry, "original": "INQ-2026-000100",
                                      "actions": [{"id": "grey", "value": ident}]},
        "inquiry.assigned": {"inquiry": inquiry, "actions": [{"id": "ack", "value": ident}]},
        "inquiry.reassigned_away": {"inquiry": inquiry, "to": "zhou"},
        "inquiry.followed_up_notice": {"inquiry": inquiry, "method": "wechat", "by": "zhang",
                                       "note": f"Called, sent quotation {NASTY} specs"},
        "inquiry.won_notice": {"inquiry": inquiry, "by": "zhang"},
        "inquiry.lost_notice": {"inquiry": inquiry, "by": "zhang", "reason": f"price too high {NASTY} more"},
        "inquiry.grey_proposed_notice": {"inquiry": inquiry, "by": "zhang",
                                         "actions": [{"id": "grey_confirm", "value": ident}]},
        "inquiry.grey_confirmed_notice": {"inquiry": inquiry},
        "inquiry.exception_requested_notice": {"inquiry": inquiry, "by": "zhang",
                                               "actions": [{"id": "exception_approve", "value": ident}]},
        "inquiry.exception_approved_notice": {"inquiry": inquiry},
        "delivery.failed": {"key": "inquiry.assigned", "reason": "Forbidden: bot was blocked by the user",
                            "target": {"kind": "person", "person": "zhang", "platform": "telegram"},
                            "inquiry_id": ident},
        "penalty.recorded": {"penalty": PENALTY, "late": False},
        "penalty.proposed": {"penalty": {**PENALTY, "rule": "P5", "reason": f"note too thin {NASTY} late"},
                             "late": True, "actions": [{"id": "penalty_confirm", "value": PENALTY["id"]}]},
        "penalty.added": {"penalty": {**PENALTY, "rule": "P1.3", "status": "confirmed", "amount": 100,
                                      "reason": f"replied from gmail {NASTY} no approval"}},
        "penalty.decided": {"penalty": {**PENALTY, "status": "waived", "decided_by": "li"}},
        "penalty.decided_notice": {"penalty": {**PENALTY, "status": "confirmed", "decided_by": "li"}},
        "penalty.p3_notice": {"month": "2026-03", "late": False,
                              "penalties": [{**PENALTY, "rule": "P3", "amount": 1900, "status": "confirmed"},
                                            {**PENALTY, "rule": "P3", "amount": None, "status": "confirmed"}]},
        "penalty.p3_correction": {"penalty": {**PENALTY, "rule": "P3", "amount": 1900, "status": "waived"}},
        "penalty.show": {"penalty": {**PENALTY, "rule": "P7", "facts": {"month": "2026-02", "day": 2},
                                     "reason": f"late {NASTY} again", "history": HISTORY_STEPS}},
        "penalty.p5_confirm_needed": {"inquiry": ident, "person": "zhang", "reason": f"thin {NASTY} reply",
                                      "earlier": [PENALTY], "actions": [{"id": "p5_different", "value": ident}]},
        "penalty.p5_asked": {"inquiry": ident, "person": "zhang", "reason": f"thin {NASTY} reply",
                             "earlier": [PENALTY]},
        "penalty.p5_manager": {"penalty": {**PENALTY, "rule": "P5", "status": "confirmed",
                                           "reason": f"note too thin {NASTY} late"}},
        "penalty.grey_ask_waive": {"inquiry": ident, "penalties": [{**PENALTY, "status": "confirmed"}],
                                   "actions": [{"id": "penalty_waive", "value": PENALTY["id"]}]},
        "inquiry.grey_rejected": {"inquiry": inquiry},
        "inquiry.grey_rejected_notice": {"inquiry": inquiry, "by": "li", "reason": f"real lab {NASTY} yes"},
        "error.p3_amount_needed": {"rule": "P3"},
        "error.amount_only_p3": {"rule": "P5"},
        "error.p3_exists": {"id": ident, "first": "PEN-2026-00007", "status": "confirmed"},
        "error.p5_nothing_pending": {"id": ident},
        "error.no_grey_proposal": {"id": ident},
        "penalty.appealed": {"penalty": {**PENALTY, "appealed": True,
                                         "appeal_reason": f"customer had no reply {NASTY} phone off"},
                             "actions": [{"id": "penalty_waive", "value": PENALTY["id"]}]},
        "penalty.appeal_sent": {"penalty": {**PENALTY, "appealed": True, "appeal_reason": "was on leave"}},
        "incentives": {"month": "2026-03", "person": None, "total": 50, "undecided_total": 40,
                       "penalties": [PENALTY, P4_DECIDED, P3_OPEN], "decided": [P4_DECIDED],
                       "undecided": [PENALTY, P3_OPEN]},
        "error.rule_not_manual": {"rule": "P4", "choices": "P1.3, P3, P5"},
        "error.unknown_person": {"person": "nobody"},
        "error.exception_was_approved": {"id": ident},
        "error.bad_penalty_id": {"value": "PEN-x"},
        "error.penalty_not_found": {"id": "PEN-2026-00099"},
        "error.penalty_already_decided": {"id": "PEN-2026-00042", "status": "waived"},
        "refused.penalty_decider_only": {"action": "penalty_confirm", "id": None},
        "refused.appeal_own_only": {"action": "penalty_appeal", "id": None},
        "counts.region": {**SLOT, "region": COUNTS["regions"][0], "mentions": ["zhang", "zhou"]},
        "counts.reconciliation": {**SLOT, "job": "counts_night", "department": COUNTS["departments"][0],
                                  "actions": [{"id": "counts_match", "value": "trade1"}]},
        "counts.reply": {"report": COUNTS},
        "crm_audit.draft": {"month": "2026-02", "late": False,
                            "penalties": [{**PENALTY, "rule": "P3", "amount": None}]},
        "error.bad_date": {"value": f"3/4{NASTY}"},
        "shell.welcome": {"person": "li", "roles": ["specialist"]},
        "shell.scheduler": {"on": True, "timezone": "Asia/Shanghai"},
        "shell.not_a_command": {},
        "chat.not_a_command": {},
        "slack.action_done": {"action": "ack", "by": "zhang", "at": "2026-03-04T03:00:00+00:00"},
    }


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(make_org())


def _markup_left(text: str, platform: str) -> str:
    """What remains after removing the markup templates and mentions may add; user text must leave no < or >."""
    if platform == "telegram":
        text = re.sub(r'</?(b|code)>|<a href="tg://user\?id=\d+">|</a>', "", text)
        return re.sub(r"&(lt|gt|amp);", "", text)
    if platform == "slack":
        text = re.sub(r"<@U[A-Z0-9]+>", "", text)
        return re.sub(r"&(lt|gt|amp);", "", text)
    return ""


def test_samples_cover_every_key() -> None:
    assert set(samples(view())) == set(KEYS)


@pytest.mark.parametrize("platform", PLATFORMS)
@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("key", KEYS)
def test_every_key_renders(renderer: Renderer, key: str, locale: str, platform: str) -> None:
    for inquiry in (view(), BARE, view(status="won", crm_id="CRM-881", grey_state=None, grey_reason=None,
                                       duplicate_of="INQ-2026-000100", lost_reason="no budget")):
        text = renderer.render(key, samples(inquiry)[key], locale=locale, platform=platform)  # type: ignore[arg-type]
        assert text.strip(), f"{key} rendered empty"
        assert "None" not in text, text
        left = _markup_left(text, platform)
        assert not re.search(r"[<>&]", left), f"unescaped markup in {key} ({platform}): {text}"


@pytest.mark.parametrize("key", SHOWS_CUSTOMER)
def test_user_text_is_escaped_per_platform(renderer: Renderer, key: str) -> None:
    data = samples(view())[key]
    for locale in LOCALES:
        assert NASTY in renderer.render(key, data, locale=locale, platform="shell")
        for platform in ("telegram", "slack"):
            text = renderer.render(key, data, locale=locale, platform=platform)  # type: ignore[arg-type]
            assert "&lt;b&gt;&amp;" in text
            assert NASTY not in text


def test_mentions_and_formatting_per_platform(renderer: Renderer) -> None:
    data = samples(view())["intake.reply"]
    assert "<@U02ZHANG>" in renderer.render("intake.reply", data, locale="en", platform="slack")
    telegram = renderer.render("intake.reply", data, locale="zh-CN", platform="telegram")
    assert '<a href="tg://user?id=100002">张伟</a>' in telegram and "<b>INQ-2026-000123</b>" in telegram
    shell = renderer.render("intake.reply", data, locale="en", platform="shell")
    assert shell.startswith("INQ-2026-000123 logged") and "@张伟" in shell and "*" not in shell


def test_times_names_and_terms_are_localised(renderer: Renderer) -> None:
    data = samples(view())["show"]
    zh = renderer.render("show", data, locale="zh-CN", platform="shell")
    en = renderer.render("show", data, locale="en", platform="shell")
    assert "2026-03-04 23:59" in zh and "2026-03-04 23:59" in en  # 15:59 UTC shown in Asia/Shanghai
    assert "中东北非" in zh and "Middle East & North Africa" in en
    assert "阿里巴巴" in zh and "Alibaba" in en
    assert "李雷" in zh and "周敏" in en  # names from the org, in history too


def test_help_topic_lists_one_family(renderer: Renderer) -> None:
    text = renderer.render("help", {"usage": USAGE, "roles": ["manager"], "topic": "penalty"}, locale="en",
                           platform="shell")
    assert "/inq penalty add PERSON RULE [ID] [amount=YUAN] [confirm] REASON" in text
    assert "/inq penalty show PEN-ID" in text
    assert "/inq ack" not in text


@pytest.mark.parametrize("key", KEYS)
def test_both_locales_exist(key: str) -> None:
    for locale in LOCALES:
        assert (MESSAGES_DIR / f"{key}.{locale}.j2").is_file(), f"messages/{key}.{locale}.j2 is missing"


def test_template_files_are_named_for_a_locale_and_platform() -> None:
    pattern = re.compile(r"^[a-z_][a-z0-9_]*(\.[a-z0-9_]+)*\.(zh-CN|en)(\.(shell|slack|telegram))?\.j2$")
    for path in MESSAGES_DIR.glob("*.j2"):
        if path.name.startswith("_"):  # helpers included by templates, not message keys
            continue
        assert pattern.match(path.name), f"{path.name}: expected <key>.<locale>[.<platform>].j2"
        key = path.name.split(".zh-CN.")[0].split(".en.")[0]
        for locale in LOCALES:
            assert (MESSAGES_DIR / f"{key}.{locale}.j2").is_file(), f"{path.name} has no {key}.{locale}.j2"


def test_terms_have_both_locales_for_every_value() -> None:
    terms = yaml.safe_load((MESSAGES_DIR / "terms.yaml").read_text(encoding="utf-8"))
    for group, values in TERM_GROUPS.items():
        assert set(values.split()) <= set(terms[group]), f"terms.yaml {group} lacks {values}"
    for group, entries in terms.items():
        for value, entry in entries.items():
            assert set(entry) == set(LOCALES), f"terms.yaml {group}.{value} needs exactly zh-CN and en"
            assert all(isinstance(text, str) and text.strip() for text in entry.values()), f"{group}.{value}"


# --- message keys used in the code --------------------------------------------------------------------------

KEY_SHAPE = re.compile(r"^[a-z_][a-z0-9_]*(\.[a-z0-9_]+)+$")
KEY_CALLS = {"Outbound", "Reply", "to_specialist", "act", "render"}  # calls whose string arguments are message keys
KEY_KEYWORDS = {"reply_key", "key"}


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _string(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def keys_in_code() -> dict[str, str]:
    """Message keys as literals in bot/: Outbound/Reply/to_specialist/act arguments, reply_key, error.* and refused.*"""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "bot").rglob("*.py")):
        where = str(path.relative_to(ROOT))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=where)):
            candidates: list[str | None] = []
            if isinstance(node, ast.Call):
                if _name(node.func) in KEY_CALLS:
                    candidates += [_string(arg) for arg in node.args]
                candidates += [_string(kw.value) for kw in node.keywords if kw.arg in KEY_KEYWORDS]
            elif isinstance(node, ast.arguments):  # `reply_key: str = "inquiry.updated"`
                positional = [*node.posonlyargs, *node.args]
                defaults = [*zip(positional[len(positional) - len(node.defaults):], node.defaults, strict=True),
                            *zip(node.kwonlyargs, node.kw_defaults, strict=True)]
                candidates += [_string(default) for arg, default in defaults if arg.arg in KEY_KEYWORDS]
            elif (text := _string(node)) and re.match(r"^(error|refused)\.[a-z0-9_]+$", text):
                candidates.append(text)
            for text in candidates:
                if text and KEY_SHAPE.match(text):
                    found.setdefault(text, f"{where}:{getattr(node, 'lineno', '?')}")
    return found


def test_scanner_finds_the_known_keys() -> None:
    found = keys_in_code()
    for key in ("inquiry.assigned", "intake.reply", "inquiry.followed_up_notice", "inquiry.followed_up",
                "error.generic", "refused.not_yours", "delivery.failed", "inquiry.updated"):
        assert key in found, key


def test_every_key_in_the_code_has_both_locales() -> None:
    missing = [f"{key} ({where}): messages/{key}.{locale}.j2"
               for key, where in sorted(keys_in_code().items()) for locale in LOCALES
               if not (MESSAGES_DIR / f"{key}.{locale}.j2").is_file()]
    assert not missing, "message keys without templates:\n" + "\n".join(missing)


def test_every_button_in_the_code_has_a_label() -> None:
    """Buttons are `{"id": ..., "value": ...}` dicts in `actions`; their labels come from terms.yaml `button`."""
    labels = yaml.safe_load((MESSAGES_DIR / "terms.yaml").read_text(encoding="utf-8"))["button"]
    missing = []
    for path in sorted((ROOT / "bot").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict) and {_string(k) for k in node.keys if k} >= {"id", "value"}:
                button = next(_string(v) for k, v in zip(node.keys, node.values, strict=True) if _string(k) == "id")
                if button and button not in labels:
                    missing.append(f"{button} ({path.relative_to(ROOT)}:{node.lineno})")
    assert not missing, "buttons without a label in messages/terms.yaml: " + ", ".join(missing)
