"""Slack delivery: Block Kit posts to DMs, channels and threads, paced per channel, failures classified."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.models.metadata import Metadata
from slack_sdk.web.async_client import AsyncWebClient

from bot.notifiers.base import Address, Attachment, DeliveryError, Rendered, attachment_of
from bot.notifiers.render import RenderPlatform

log = logging.getLogger(__name__)

DEFAULT_PACING = 1.05  # Slack allows about one chat.postMessage per second per channel; a little headroom
OUTBOX_EVENT = "inquiry_desk_outbox"  # message metadata event type carrying the outbox row id
HISTORY_LOOKBACK = 100  # recent messages searched for an earlier attempt's post
SECTION_LIMIT = 3000  # characters of mrkdwn in one section block
BUTTONS_PER_BLOCK = 25
LABEL_LIMIT = 75
# Errors worth trying again later; every other Slack error code means the request itself is wrong
# (channel_not_found, not_in_channel, user_not_found, is_archived, invalid_auth, account_inactive, no_text,
# msg_too_long, invalid_blocks, ...) and is recorded as a permanent failure.
TRANSIENT_ERRORS = frozenset(
    {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout",
     "team_added_to_org", "connection_error"}
)


class ChannelPacer:
    """At most one post per `interval` seconds in each channel; other channels are not held up."""

    def __init__(
        self, interval: float, monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.interval = interval
        self._monotonic = monotonic
        self._sleep = sleep
        self._next: dict[str, float] = {}
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    @contextlib.asynccontextmanager
    async def slot(self, channel: str) -> AsyncIterator[None]:
        """Posts start `interval` apart (the round trip of one does not slow the channel's pace)."""
        async with self._locks[channel]:
            wait = self._next.get(channel, 0.0) - self._monotonic()
            if wait > 0:
                await self._sleep(wait)
            self._next[channel] = self._monotonic() + self.interval
            yield


def section_blocks(text: str) -> list[dict[str, Any]]:
    """The text as mrkdwn sections, split at line ends so no section passes Slack's limit."""
    chunks: list[str] = []
    current = ""
    for line in text.splitlines(keepends=True):
        for piece in (line[i : i + SECTION_LIMIT] for i in range(0, len(line), SECTION_LIMIT)):
            if current and len(current) + len(piece) > SECTION_LIMIT:
                chunks.append(current)
                current = ""
            current += piece
    if current.strip():
        chunks.append(current)
    return [{"type": "section", "text": {"type": "mrkdwn", "text": chunk}} for chunk in chunks]


def action_blocks(buttons: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Buttons in actions blocks; a repeated id gets a suffix (`pick_region:1`) to stay unique."""
    seen: Counter[str] = Counter()
    elements: list[dict[str, Any]] = []
    for button in buttons:
        n = seen[button["id"]]
        seen[button["id"]] += 1
        element: dict[str, Any] = {
            "type": "button",
            "action_id": button["id"] if n == 0 else f"{button['id']}:{n}",
            "text": {"type": "plain_text", "text": (button.get("label") or button["id"])[:LABEL_LIMIT]},
        }
        if button.get("value"):
            element["value"] = button["value"]
        elements.append(element)
    return [
        {"type": "actions", "block_id": f"inq_actions_{i // BUTTONS_PER_BLOCK}",
         "elements": elements[i : i + BUTTONS_PER_BLOCK]}
        for i in range(0, len(elements), BUTTONS_PER_BLOCK)
    ]


def message_blocks(message: Rendered) -> list[dict[str, Any]]:
    return [*section_blocks(message.text), *action_blocks(message.buttons)]


def _outbox_metadata(outbox_id: int | None) -> Metadata | None:
    if outbox_id is None:
        return None
    return Metadata(event_type=OUTBOX_EVENT, event_payload={"outbox_id": str(outbox_id)})


def _retry_after(headers: Mapping[str, Any] | None) -> float | None:
    for name, value in (headers or {}).items():
        if name.lower() == "retry-after":
            raw = value[0] if isinstance(value, list) else value
            with contextlib.suppress(TypeError, ValueError):
                return float(raw)
    return None


def delivery_error(error: SlackApiError) -> DeliveryError:
    """Turn a Slack API failure into a retry (429, 5xx, transient codes) or a permanent failure."""
    response = error.response
    status = int(getattr(response, "status_code", 200) or 200)
    data = getattr(response, "data", None)
    code = str(data.get("error") or f"http_{status}") if isinstance(data, dict) else f"http_{status}"
    if status == 429 or code == "ratelimited":
        return DeliveryError("ratelimited", permanent=False, retry_after=_retry_after(response.headers))
    if status >= 500 or code in TRANSIENT_ERRORS:
        return DeliveryError(code, permanent=False)
    return DeliveryError(code, permanent=True)


class SlackNotifier:
    """Sends one rendered message to one Slack address; returns the channel and ts of the post."""

    platform: RenderPlatform = "slack"

    def __init__(self, client: AsyncWebClient, *, pacing: float = DEFAULT_PACING) -> None:
        self.client = client
        self.pacer = ChannelPacer(pacing)
        self._dm_channels: dict[str, str] = {}

    async def send(self, address: Address, message: Rendered) -> dict[str, Any]:
        try:
            channel = address.channel or await self._dm_channel(address)
            async with self.pacer.slot(channel):
                response = await self.client.chat_postMessage(
                    channel=channel, text=message.text, blocks=message_blocks(message),
                    thread_ts=address.thread, unfurl_links=False, unfurl_media=False,
                    metadata=_outbox_metadata(message.outbox_id),
                )
                attachment = attachment_of(message)
                if attachment is not None:
                    await self._upload(channel, response["ts"], attachment)
        except SlackApiError as error:
            raise delivery_error(error) from error
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            raise DeliveryError(f"connection_error: {type(error).__name__}", permanent=False) from error
        return {"chat": response["channel"], "message_id": response["ts"]}

    async def find_sent(self, address: Address, outbox_id: int) -> dict[str, Any] | None:
        """The post an earlier attempt made for `outbox_id`, found by its metadata in the channel's (or the
        thread's) recent history; None when it is not there or Slack cannot say (then the row is sent)."""
        try:
            channel = address.channel or await self._dm_channel(address)
            if address.thread:
                page = await self.client.conversations_replies(
                    channel=channel, ts=address.thread, limit=HISTORY_LOOKBACK, include_all_metadata=True)
            else:
                page = await self.client.conversations_history(
                    channel=channel, limit=HISTORY_LOOKBACK, include_all_metadata=True)
        except (SlackApiError, aiohttp.ClientError, TimeoutError, OSError) as error:
            log.warning("cannot look for outbox %s in %s (%s); sending it", outbox_id, address.label, error)
            return None
        for posted in page.get("messages") or []:
            metadata = posted.get("metadata") or {}
            payload = metadata.get("event_payload") or {}
            if metadata.get("event_type") == OUTBOX_EVENT and str(payload.get("outbox_id")) == str(outbox_id):
                return {"chat": channel, "message_id": posted["ts"]}
        return None

    async def _upload(self, channel: str, thread_ts: str, attachment: Attachment) -> None:
        """A report file, in the thread of the message that announces it (the external upload flow)."""
        await self.client.files_upload_v2(
            channel=channel, file=str(attachment.path), filename=attachment.filename, thread_ts=thread_ts
        )

    async def _dm_channel(self, address: Address) -> str:
        """The bot's DM channel with a person (conversations.open), cached per user."""
        if not address.user:
            raise DeliveryError("no_slack_user", permanent=True)
        cached = self._dm_channels.get(address.user)
        if cached is None:
            opened = await self.client.conversations_open(users=address.user)
            cached = self._dm_channels[address.user] = str(opened["channel"]["id"])
        return cached
