"""Where each scheduled job's body lives, as a dotted path: listing or scheduling jobs imports none of them,
and running one imports only its own module (the chart job alone pulls in matplotlib)."""

from __future__ import annotations

BODY_PATHS: dict[str, str] = {
    "counts_morning": "bot.services.counts:counts_morning",
    "counts_evening": "bot.services.counts:counts_evening",
    "counts_night": "bot.services.counts:counts_night",
    "followup_reminders": "bot.services.reminders:followup_reminders",
    "followup_sweep": "bot.services.sweeps:followup_sweep",
    "deals_daily_prompt": "bot.services.reminders:deals_daily_prompt",
    "deals_daily_sweep": "bot.services.sweeps:deals_daily_sweep",
    "crm_reminders": "bot.services.reminders:crm_reminders",
    "weekly_rep_digest": "bot.services.digests:weekly_rep_digest",
    "weekly_manager_table": "bot.services.weekly_table:weekly_manager_table",
    "deals_monthly_prompt": "bot.services.reminders:deals_monthly_prompt",
    "deals_monthly_sweep": "bot.services.sweeps:deals_monthly_sweep",
    "ledger_extracts": "bot.services.ledger:ledger_extracts",
    "ledger_reminders": "bot.services.reminders:ledger_reminders",
    "ledger_sweep": "bot.services.sweeps:ledger_sweep",
    "crm_audit": "bot.services.sweeps:crm_audit",
    "transfer_check": "bot.services.transfers:transfer_check",
    "weekly_chart": "bot.services.charts:weekly_chart_job",
    "p3_notice": "bot.services.p3_notices:p3_notice",
    "calendar_check": "bot.services.calendar_notice:calendar_check",
}
