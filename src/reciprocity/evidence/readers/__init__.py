"""The chat export formats reciprocity reads, tried in order when a file's format is not given."""

from __future__ import annotations

from reciprocity.evidence.model import ChatReader
from reciprocity.evidence.readers.discord import DiscordCsvReader, DiscordJsonReader
from reciprocity.evidence.readers.imessage import IMessageReader
from reciprocity.evidence.readers.mbox import MboxReader
from reciprocity.evidence.readers.messenger import MessengerReader
from reciprocity.evidence.readers.signal import SignalJsonReader, SignalMarkdownReader
from reciprocity.evidence.readers.sms_backup import SmsBackupReader
from reciprocity.evidence.readers.telegram import TelegramReader

__all__ = ["READERS"]

# Most specific first: a reader whose sniff is loose goes last.
READERS: tuple[ChatReader, ...] = (
    IMessageReader(),
    TelegramReader(),
    DiscordJsonReader(),
    DiscordCsvReader(),
    MessengerReader(),
    SmsBackupReader(),
    SignalMarkdownReader(),
    SignalJsonReader(),
    MboxReader(),
)
