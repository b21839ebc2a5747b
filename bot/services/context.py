"""The use cases' Context lives in bot/context.py (below services and notifiers alike); this name stays."""

from bot.context import Context

__all__ = ["Context"]
