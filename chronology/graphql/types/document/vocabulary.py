"""The vocabularies of documents as GraphQL enums: kinds, parties' roles, copies' forms, annotations."""

from __future__ import annotations

from enum import Enum

import strawberry

from chronology.graphql.types.describe import describe


@strawberry.enum(description="What sort of archival object a document is.")
class DocumentKind(Enum):
    LETTER = "letter"
    CIPHER_TELEGRAM = "cipher_telegram"
    TELEGRAM = "telegram"
    TICKER_TAPE = "ticker_tape"
    MEMORANDUM = "memorandum"
    PROTOCOL_EXTRACT = "protocol_extract"
    DECREE = "decree"
    RESOLUTION = "resolution"
    CIRCULAR = "circular"
    ORDER = "order"
    SPEECH = "speech"
    REPORT = "report"
    NOTE = "note"
    ARTICLE = "article"
    TRANSCRIPT = "transcript"
    OTHER = "other"


describe(
    DocumentKind,
    {
        "LETTER": "A letter, handwritten or typed.",
        "CIPHER_TELEGRAM": "A telegram sent in cipher (`Encryption.`, `Cipher.`).",
        "TELEGRAM": "A telegram sent en clair.",
        "TICKER_TAPE": "A message sent by teleprinter and kept as pasted tape.",
        "MEMORANDUM": "A memorandum or report note (zapiska).",
        "PROTOCOL_EXTRACT": "An extract from the protocol of a meeting of a body.",
        "DECREE": "A decree (postanovlenie) of a party or state body.",
        "RESOLUTION": "A resolution adopted by a body.",
        "CIRCULAR": "A circular letter sent down to subordinate bodies.",
        "ORDER": "An order (prikaz) of a commissariat, e.g. of the NKVD.",
        "SPEECH": "A speech, e.g. at a Central Committee plenum.",
        "REPORT": "A report (doklad, svodka).",
        "NOTE": "A short note, including a suicide note.",
        "ARTICLE": "A newspaper article or published announcement.",
        "TRANSCRIPT": "A stenographic transcript.",
        "OTHER": "Any other kind of document.",
    },
)


@strawberry.enum(description="How a person or body takes part in a document.")
class PartyRole(Enum):
    AUTHOR = "author"
    RECIPIENT = "recipient"
    INTERMEDIARY = "intermediary"


describe(
    PartyRole,
    {
        "AUTHOR": "Wrote or signed the document (authors are ordered as printed).",
        "RECIPIENT": "The document is addressed to them.",
        "INTERMEDIARY": "Passed the document on (a secretary, a bodyguard, a cipher clerk).",
    },
)


@strawberry.enum(description="The physical form of a surviving copy of a document.")
class CopyForm(Enum):
    ORIGINAL = "original"
    AUTOGRAPH = "autograph"
    TYPESCRIPT = "typescript"
    TICKER_TAPE = "ticker_tape"
    CERTIFIED_TYPEWRITTEN_COPY = "certified_typewritten_copy"
    TYPEWRITTEN_COPY = "typewritten_copy"
    DRAFT_WITH_CORRECTIONS = "draft_with_corrections"
    HANDWRITTEN = "handwritten"
    UNKNOWN = "unknown"


describe(
    CopyForm,
    {
        "ORIGINAL": "The original (podlinnik).",
        "AUTOGRAPH": "Written in the author's own hand.",
        "TYPESCRIPT": "Typed.",
        "TICKER_TAPE": "Teleprinter tape.",
        "CERTIFIED_TYPEWRITTEN_COPY": "A typed copy certified as true.",
        "TYPEWRITTEN_COPY": "A typed copy.",
        "DRAFT_WITH_CORRECTIONS": "A draft bearing corrections.",
        "HANDWRITTEN": "Handwritten, not necessarily by the author.",
        "UNKNOWN": "The edition does not say.",
    },
)


@strawberry.enum(description="What was written on a document.")
class AnnotationKind(Enum):
    MARGINALIA = "marginalia"
    RESOLUTION = "resolution"
    CROSSED_OUT = "crossed_out"
    SECRETARY_MARK = "secretary_mark"
    TELEGRAPH_TAPE = "telegraph_tape"
    EDITORIAL_NOTE = "editorial_note"


describe(
    AnnotationKind,
    {
        "MARGINALIA": "A note in the margin.",
        "RESOLUTION": "A resolution written on the document (e.g. Stalin's in red pencil).",
        "CROSSED_OUT": "A phrase crossed out.",
        "SECRETARY_MARK": "A secretary's mark: a number, a date, 'to the file'.",
        "TELEGRAPH_TAPE": "A telegraph tape pasted on, recording transmission.",
        "EDITORIAL_NOTE": "A note the edition's editors set in the text.",
    },
)
