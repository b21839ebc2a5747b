"""Inquiry Desk: routes customer inquiries, watches deadlines and keeps the penalty ledger."""
