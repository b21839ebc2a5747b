from bot.bootstrap import App
from bot.clock import FrozenClock
from bot.services import all_jobs  # noqa: F401
from tests.conftest import Transcript
from tests.services.report_month import play_november


async def test_probe(app: App, clock: FrozenClock, transcript: Transcript) -> None:
    month = await play_november(app, clock, transcript)
    print(month)
    async with app.ctx.uow() as uow:
        for p in await uow.penalties.list():
            print(p)
    print(transcript.text[-3000:])
