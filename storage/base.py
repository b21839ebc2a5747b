"""The declarative base of every row class, with the constraint naming convention the migrations use.

A module of its own so that a command reading only inquiries maps those two tables (storage/inquiry_tables.py),
not all of storage/tables.py: `inquiries show` starts without building the other mapped classes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, MetaData, Table
from sqlalchemy.orm import DeclarativeBase

from storage.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON}


def table_of(mapped: type[Base]) -> Table:
    """The Core table of a mapped class, for statements that need no ORM objects (bulk inserts)."""
    table = mapped.__table__
    assert isinstance(table, Table)
    return table
