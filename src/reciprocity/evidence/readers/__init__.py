"""The chat export formats reciprocity reads, tried in order when a file's format is not given."""

from __future__ import annotations

from reciprocity.evidence.model import ChatReader
from reciprocity.evidence.readers.csv_generic import CsvColumns, CsvReader
from reciprocity.evidence.readers.discord import DiscordCsvReader, DiscordJsonReader
from reciprocity.evidence.readers.imessage import IMessageReader
from reciprocity.evidence.readers.mbox import MboxReader
from reciprocity.evidence.readers.messenger import MessengerReader
from reciprocity.evidence.readers.signal import SignalJsonReader, SignalMarkdownReader
from reciprocity.evidence.readers.sms_backup import SmsBackupReader
from reciprocity.evidence.readers.telegram import TelegramReader
from reciprocity.evidence.readers.whatsapp import WhatsAppReader

__all__ = ["READERS", "CsvColumns", "CsvReader", "WhatsAppReader"]

# Most specific first: a reader whose sniff is loose goes last. iMessage is known by its
# SQLite header; the JSON, XML and mbox formats by their own first bytes; Discord's CSV
# names its own columns, so it comes before the generic CSV, which asks only for a header
# naming a timestamp, a sender and a text column.
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
    WhatsAppReader(),
    CsvReader(),
)
