"""The platform half of `inquirybot doctor`: Slack auth.test, conversations.info, users.info; Telegram getMe,
getChatMember, getChat. Read-only calls through the configured API URLs."""

from __future__ import annotations

from collections.abc import AsyncIterator

from bot.doctor import Check, chats_on, passed, problem
from bot.org.model import Org
from bot.settings import Settings

BAD_MEMBER = ("left", "kicked")


async def slack_checks(settings: Settings, org: Org | None) -> AsyncIterator[Check]:
    import aiohttp
    from slack_sdk.errors import SlackApiError

    from bot.bootstrap_slack import secret, web_client

    client = web_client(settings, secret(settings.slack_bot_token))
    try:
        me = await client.auth_test()
    except SlackApiError as error:
        code = error.response.get("error", "unknown_error")
        yield problem("slack token", f"auth.test says {code}", "put the Bot User OAuth Token (xoxb-…) of the "
                      "installed app in SLACK_BOT_TOKEN; see docs/slack-setup.md")
        return
    except (aiohttp.ClientError, TimeoutError, OSError) as error:
        yield problem("slack token", f"cannot reach {settings.slack_api_url} ({type(error).__name__})",
                      "check SLACK_API_URL and this host's network")
        return
    yield passed("slack token", f"signed in as {me.get('user')} in {me.get('team')}")
    if org is None:
        return
    for channel in chats_on(org, "slack"):
        yield await _slack_channel(client, channel, SlackApiError)
    for person in org.people:
        user = person.on("slack")
        if user and person.active:
            yield await _slack_user(client, person.id, user, SlackApiError)


async def _slack_channel(client: object, channel: str, api_error: type[Exception]) -> Check:
    name = f"slack channel {channel}"
    try:
        info = await client.conversations_info(channel=channel)  # type: ignore[attr-defined]
    except api_error as error:
        code = getattr(error, "response", {}).get("error", "unknown_error")
        return problem(name, f"conversations.info says {code}", "check the channel id in the org file")
    if not info["channel"].get("is_member", False):
        return problem(name, "the bot is not a member of this channel",
                       f"in Slack, open the channel and type `/invite @<bot name>` ({channel})")
    return passed(name, f"the bot is a member of #{info['channel'].get('name', channel)}")


async def _slack_user(client: object, person_id: str, user: str, api_error: type[Exception]) -> Check:
    name = f"slack user {person_id}"
    try:
        info = await client.users_info(user=user)  # type: ignore[attr-defined]
    except api_error as error:
        code = getattr(error, "response", {}).get("error", "unknown_error")
        return problem(name, f"users.info {user} says {code}", f"correct people[{person_id}].slack in the org file")
    if info["user"].get("deleted"):
        return problem(name, f"{user} is deactivated in Slack", f"set `active: false` for {person_id}, or "
                       "correct the id")
    return passed(name, f"{user} exists")


async def telegram_checks(settings: Settings, org: Org | None) -> AsyncIterator[Check]:
    from telegram.error import InvalidToken, NetworkError, TelegramError

    from bot.bootstrap_telegram import bot_client

    bot = bot_client(settings)
    try:
        await bot.initialize()  # getMe
        me = bot.bot
    except InvalidToken:
        yield problem("telegram token", "getMe says the token is not valid (401)",
                      "put the token @BotFather gave you in TELEGRAM_BOT_TOKEN; see docs/telegram-setup.md")
        return
    except NetworkError as error:
        yield problem("telegram token", f"cannot reach TELEGRAM_API_URL ({error.message})",
                      "check TELEGRAM_API_URL and this host's network")
        return
    try:
        yield passed("telegram token", f"signed in as @{me.username} (id {me.id})")
        if org is None:
            return
        for chat_id in chats_on(org, "telegram"):
            name = f"telegram chat {chat_id}"
            try:
                member = await bot.get_chat_member(int(chat_id), me.id)
            except TelegramError as error:
                yield problem(name, f"getChatMember says {error.message}", "add the bot to that group, or "
                              "correct the chat id in the org file")
                continue
            if member.status in BAD_MEMBER:
                yield problem(name, f"the bot is not in this chat ({member.status})", "add the bot to the group "
                              "again (and allow it to read messages in the intake group)")
            else:
                yield passed(name, f"the bot is {member.status}")
        for person in org.people:
            user = person.on("telegram")
            if user is None or not person.active:
                continue
            try:
                await bot.get_chat(int(user))
            except TelegramError as error:
                yield problem(f"telegram user {person.id}", f"getChat {user} says {error.message}",
                              f"ask {person.id} to open the bot and press Start, or correct people[{person.id}]."
                              "telegram in the org file")
            else:
                yield passed(f"telegram user {person.id}", f"{user} is known to the bot")
    finally:
        await bot.shutdown()
