"""Persistence: SQLAlchemy rows, repositories returning domain dataclasses, the unit of work, migrations."""
