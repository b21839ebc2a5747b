"""People and their platform identities, mirrored from the org file so history survives a person leaving."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.org.model import Org
from storage.tables import IdentityRow, PersonRow


class PeopleRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def sync(self, org: Org, now: datetime) -> None:
        """Upsert everyone in the org file; people no longer there are kept, marked as gone."""
        existing = {r.id: r for r in (await self.session.execute(select(PersonRow))).scalars()}
        for person in org.people:
            row = existing.get(person.id)
            if row is None:
                row = PersonRow(id=person.id, updated_at=now)
                self.session.add(row)
            row.name, row.department_id, row.active, row.in_org = person.name, person.department, person.active, True
            row.updated_at = now
        gone = set(existing) - {p.id for p in org.people}
        if gone:
            await self.session.execute(
                update(PersonRow).where(PersonRow.id.in_(gone)).values(in_org=False, active=False, updated_at=now)
            )
        await self.session.flush()
        await self.session.execute(delete(IdentityRow))
        for person in org.people:
            for platform, external_id in person.ids.items():
                self.session.add(IdentityRow(person_id=person.id, platform=platform, external_id=external_id))

    async def names(self) -> dict[str, str]:
        """Every person ever known, including those who left, by id."""
        rows = (await self.session.execute(select(PersonRow.id, PersonRow.name))).all()
        return {str(i): str(n) for i, n in rows}
