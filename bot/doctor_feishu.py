"""`inquirybot doctor` on Feishu beyond the credentials: the bot is a member of every chat the org file names
(im/v1/chats/{chat_id}/members/is_in_chat) and every person's open id resolves (contact/v3/users/{id}). Both APIs
need a scope the bot itself does not: without it the check is a warning that names the scope, not an error."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx

from bot.doctor import Check, chats_on, passed, problem, warning
from bot.notifiers.feishu_api import NO_SCOPE, FeishuApi, FeishuApiError
from bot.org.model import Org

PLATFORM = "feishu"
CHAT_SCOPE = "im:chat:readonly"
CONTACT_SCOPE = "contact:contact.base:readonly"


def missing_scope(scope: str, what: str) -> Check:
    return warning(f"{PLATFORM} {what}", f"not checked: the app lacks the optional scope {scope}",
                   f"add {scope} under Permissions & Scopes and publish a new version (docs/feishu-setup.md)")


async def chat_checks(api: FeishuApi, org: Org) -> AsyncIterator[Check]:
    for chat in chats_on(org, PLATFORM):
        try:
            inside = await api.is_in_chat(chat)
        except FeishuApiError as error:
            if error.code == NO_SCOPE:
                yield missing_scope(CHAT_SCOPE, "chats")
                return
            yield problem(f"{PLATFORM} chat {chat}", f"Feishu cannot check this chat ({error})",
                          "check the chat id in the org file (it starts with oc_)")
            continue
        except httpx.TransportError as error:
            yield problem(f"{PLATFORM} chat {chat}", f"Feishu cannot be reached ({type(error).__name__})",
                          "check FEISHU_API_URL and the network")
            return
        if inside:
            yield passed(f"{PLATFORM} chat {chat}", "the bot is a member")
        else:
            yield problem(f"{PLATFORM} chat {chat}", "the bot is not a member of this chat",
                          "add the bot to the group (group settings > Bots > Add bot), or fix the chat id")


async def people_checks(api: FeishuApi, org: Org) -> AsyncIterator[Check]:
    for person in org.people:
        open_id = person.ids.get(PLATFORM)
        if not open_id:
            continue
        try:
            name = await api.user_name(open_id)
        except FeishuApiError as error:
            if error.code == NO_SCOPE:
                yield missing_scope(CONTACT_SCOPE, "people")
                return
            yield problem(f"{PLATFORM} person {person.id}", f"open id {open_id} does not resolve ({error})",
                          "use the person's open id for this app (docs/feishu-setup.md), and check that they are "
                          "in the app's availability range")
            continue
        except httpx.TransportError as error:
            yield problem(f"{PLATFORM} person {person.id}", f"Feishu cannot be reached ({type(error).__name__})",
                          "check FEISHU_API_URL and the network")
            return
        yield passed(f"{PLATFORM} person {person.id}", f"open id {open_id} is {name or 'a user of this tenant'}")
