"""The chat export formats reciprocity reads, tried in order when a file's format is not given."""

from __future__ import annotations

from reciprocity.evidence.model import ChatReader
from reciprocity.evidence.readers.csv_generic import CsvColumns, CsvReader
from reciprocity.evidence.readers.whatsapp import WhatsAppReader

__all__ = ["READERS", "CsvColumns", "CsvReader", "WhatsAppReader"]

# Most specific first: a reader whose sniff is loose goes last. The CSV reader asks
# for a header row naming a timestamp, a sender and a text column, so it comes
# after the formats that recognise their own first bytes.
READERS: tuple[ChatReader, ...] = (WhatsAppReader(), CsvReader())
