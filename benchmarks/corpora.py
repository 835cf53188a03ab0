"""Readers for the shared test corpora: each record becomes the text a user would hold.

Every reader yields :class:`Document` records (``text``, optional ``published`` and the
corpus's own gold fields in ``gold``). Nothing here calls the parser: gold is read from the
corpus markup (Reuters SGML elements, CSV/JSON columns) so that the harness scores the parser
against an independent reference.

The corpus root is ``$NEWSDOC_CORPUS`` or ``../shared/corpus`` next to the repository; every
reader yields nothing when its folder is absent (see :func:`available`).
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
import os
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import attrs
import regex

REPO = Path(__file__).resolve().parent.parent
CORPUS_NAMES = (
    "reuters21578",
    "isot_fake_real_news",
    "cnn_dailymail",
    "fakenewsnet",
    "bbc_fulltext",
)

csv.field_size_limit(sys.maxsize)


def corpus_root() -> Path:
    """Where the shared corpora live: ``$NEWSDOC_CORPUS`` or ``../shared/corpus``."""
    configured = os.environ.get("NEWSDOC_CORPUS")
    return Path(configured) if configured else REPO.parent / "shared" / "corpus"


def available(name: str) -> bool:
    """True when the corpus folder ``name`` is present with its data."""
    return (corpus_root() / name / "data").is_dir()


@attrs.frozen(slots=True)
class Document:
    """One corpus record: the text a user would hold, its issue date and the gold fields."""

    corpus: str
    identifier: str
    text: str
    published: datetime | None = None
    gold: dict[str, Any] = attrs.field(factory=dict)


# -- Reuters-21578 --------------------------------------------------------------------------
_RECORD = regex.compile(r"<REUTERS\b[^>]*\bNEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", regex.DOTALL)
_TEXT = regex.compile(r"<TEXT(?:\s+TYPE=\"(\w+)\")?>(.*?)</TEXT>", regex.DOTALL)
_ELEMENT = {
    name: regex.compile(rf"<{name}>(.*?)</{name}>", regex.DOTALL)
    for name in ("DATE", "TITLE", "AUTHOR", "DATELINE", "BODY")
}
_CONTROL_ENTITY = regex.compile(r"&#(\d+);")


def unescape_sgml(text: str) -> str:
    """Drop the wire's control entities (``&#2;``, ``&#3;``…) and unescape ``&lt;``/``&amp;``."""
    text = _CONTROL_ENTITY.sub(
        lambda m: "" if int(m.group(1)) < 32 or m.group(1) == "127" else m.group(0), text
    )
    return html.unescape(text)


def _element(name: str, record: str) -> str | None:
    match = _ELEMENT[name].search(record)
    return match.group(1) if match else None


def reuters() -> Iterator[Document]:
    """Reuters-21578 stories: TITLE line, AUTHOR line if any, then DATELINE + BODY."""
    folder = corpus_root() / "reuters21578" / "data"
    for path in sorted(folder.glob("reut2-*.sgm")):
        raw = path.read_bytes().decode("latin-1")
        for record in _RECORD.finditer(raw):
            newid, content = record.group(1), record.group(2)
            text_match = _TEXT.search(content)
            if text_match is None:
                continue
            kind = text_match.group(1) or "NORM"
            inner = text_match.group(2)
            title = _element("TITLE", inner)
            author = _element("AUTHOR", inner)
            dateline = _element("DATELINE", inner)
            body = _element("BODY", inner)
            if kind == "NORM" and body is not None:
                parts = [title or "", author or "", (dateline or "") + body]
                text = "\n".join(unescape_sgml(part) for part in parts if part)
            else:
                # BRIEF and UNPROC: the title line, then whatever TEXT holds besides it.
                rest = _ELEMENT["TITLE"].sub("", inner)
                parts = [title.strip() if title else "", rest]
                text = "\n".join(unescape_sgml(part).strip("\n") for part in parts if part.strip())
            date_text = (_element("DATE", content) or "").strip()
            published = datetime.strptime(date_text.split(".")[0], "%d-%b-%Y %H:%M:%S")
            yield Document(
                "reuters21578",
                newid,
                text.rstrip() + "\n",
                published,
                {
                    "type": kind,
                    "title": " ".join(unescape_sgml(title).split()) if title else None,
                    "author": " ".join(unescape_sgml(author).split()) if author else None,
                    "dateline": " ".join(unescape_sgml(dateline).split()) if dateline else None,
                    "body": unescape_sgml(body) if body is not None else None,
                },
            )


# -- ISOT fake/real news --------------------------------------------------------------------
def isot() -> Iterator[Document]:
    """ISOT rows (``True.csv`` = Reuters, ``Fake.csv`` = fake-news sites): the text column."""
    folder = corpus_root() / "isot_fake_real_news" / "data"
    for label, name in (("real", "True.csv"), ("fake", "Fake.csv")):
        path = folder / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle)):
                yield Document(
                    "isot_fake_real_news",
                    f"{label}/{number}",
                    row["text"],
                    None,
                    {"label": label, "title": row["title"].strip(), "date": row["date"].strip()},
                )


# -- CNN / Daily Mail -------------------------------------------------------------------------
def cnn_dailymail() -> Iterator[Document]:
    """CNN/DM articles as one line each (paragraph breaks were lost upstream)."""
    folder = corpus_root() / "cnn_dailymail" / "data"
    for name in ("cnn_dailymail_validation_subset.csv", "train_sample.csv"):
        path = folder / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                yield Document("cnn_dailymail", row["id"], row["article"], None, {"file": name})


# -- FakeNewsNet ------------------------------------------------------------------------------
def _seed_titles(folder: Path) -> dict[str, str]:
    path = folder / "politifact_fake.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row["title"] for row in csv.DictReader(handle)}


def fakenewsnet() -> Iterator[Document]:
    """FakeNewsNet crawls with a non-empty text: page title line, blank line, then the text."""
    folder = corpus_root() / "fakenewsnet" / "data"
    seeds = _seed_titles(folder)
    for path in sorted(folder.glob("*/*/*/news content.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        body = record.get("text") or ""
        if not body.strip():
            continue
        title = (record.get("title") or "").strip()
        text = f"{title}\n\n{body}" if title else body
        stamp = record.get("publish_date")
        published = datetime.fromtimestamp(stamp) if isinstance(stamp, (int, float)) else None
        identifier = path.parent.name
        yield Document(
            "fakenewsnet",
            f"{path.parent.parent.parent.name}/{path.parent.parent.name}/{identifier}",
            text,
            published,
            {"title": title, "body": body, "seed_title": seeds.get(identifier)},
        )


# -- BBC --------------------------------------------------------------------------------------
def bbc() -> Iterator[Document]:
    """BBC News 2004-05 files as they are (line 1 = headline), exact duplicates dropped."""
    folder = corpus_root() / "bbc_fulltext" / "data"
    seen: set[str] = set()
    for path in sorted(folder.glob("*/*.txt")):
        data = path.read_bytes()
        digest = hashlib.sha1(data).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        lines = text.split("\n")
        body = "\n".join(lines[1:])
        yield Document(
            "bbc_fulltext",
            f"{path.parent.name}/{path.name}",
            text,
            None,
            {
                "title": lines[0].strip(),
                "paragraphs": [p.strip() for p in body.split("\n\n") if p.strip()],
            },
        )


READERS = {
    "reuters21578": reuters,
    "isot_fake_real_news": isot,
    "cnn_dailymail": cnn_dailymail,
    "fakenewsnet": fakenewsnet,
    "bbc_fulltext": bbc,
}


# -- gold derived from the corpus markup (never from the parser) -----------------------------
_MONTH_PREFIXES = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_GOLD_DATELINE = regex.compile(
    r"(?P<location>.+?),?\s+(?:(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})"
    r"|(?P<day2>\d{1,2})\s+(?P<month2>[A-Za-z]{3,9}))\b"
)


def reuters_gold_dateline(dateline: str) -> tuple[str, tuple[int, int] | None]:
    """(location, (month, day) or None) from a Reuters DATELINE element."""
    text = dateline.strip()
    match = _GOLD_DATELINE.match(text)
    if match is None:
        return text.split(" -")[0].rstrip(" ,-").lstrip("*"), None
    month_name = (match.group("month") or match.group("month2")).lower()
    day = int(match.group("day") or match.group("day2"))
    month = _MONTH_PREFIXES.get(month_name[:3])
    location = match.group("location").rstrip(" ,-").lstrip("*")
    return location, (month, day) if month else None


def reuters_gold_authors(author: str) -> tuple[tuple[str, ...], str | None]:
    """(names, agency) from a Reuters AUTHOR element such as "by A and B, Reuters"."""
    text = regex.sub(r"^(?i:by)\s+", "", author.strip())
    agency = None
    if "," in text:
        text, agency = (part.strip() for part in text.rsplit(",", 1))
    names = [name.strip() for name in regex.split(r",|\b(?i:and)\b", text) if name.strip()]
    return tuple(names), agency


_ISOT_REUTERS_DATELINE = regex.compile(
    r"\s*(?:\([^()]{1,300}\)\s*)?(?P<location>[^()]{0,80}?)\s*\((?P<agency>Reuters)\)\s*-\s"
)
_ISOT_CREDIT = regex.compile(
    r"(?:[Ff]eatured?\s(?:[Ii]mage|[Pp]hoto|iamge|imaged)|FEATURED IMAGE"
    r"|Images?|Photos?|Photograph)"
    r"(?:\svia\b|\sby\b|\scredit\b|\scourtesy\b|\sfrom\b|\sof\b|\sis\b|:|\s[A-Z])"
)


def isot_gold_dateline(text: str) -> tuple[str | None, str] | None:
    """(location or None, agency) for a Reuters row opening with ``CITY (Reuters) -``."""
    match = _ISOT_REUTERS_DATELINE.match(text)
    if match is None:
        return None
    location = match.group("location").strip()
    if location.startswith("By "):
        # A byline run into the dateline: the place is the all-caps run at its end.
        place = regex.search(r"[A-Z]{2}[A-Z./, '-]*$", location)
        location = place.group(0).strip() if place else location
    return (location.rstrip(",") or None), match.group("agency")


def isot_gold_credit_start(text: str) -> int | None:
    """Offset of the image credit that ends a fake-news row (within its last 200 chars)."""
    body = text.rstrip()
    window = max(0, len(body) - 200)
    match = _ISOT_CREDIT.search(body, window)
    return match.start() if match else None


_CNN_OUTLETS = ("CNN", "The Hollywood Reporter", "Rolling Stone", "WIRED", "HLN", "EW.com")
_CNN_DATELINE = regex.compile(
    r"(?P<location>[^()]{0,60}?)\s*\((?P<agency>"
    + "|".join(map(regex.escape, _CNN_OUTLETS))
    + r")\)"
)
_MAIL_BYLINE = regex.compile(r"By \. (?P<names>.+?) \. (?!and )")
_MAIL_STAMP = {
    "published": regex.compile(r"PUBLISHED: \. (?P<when>[^.|]+?) \. "),
    "updated": regex.compile(r"(?:UPDATED: \. |Last updated at )(?P<when>[^|]+?) \. "),
}


def cnn_gold_dateline(text: str) -> tuple[str | None, str] | None:
    """(location or None, outlet) when a CNN/DM article opens with ``Place (CNN)``."""
    match = _CNN_DATELINE.match(text)
    if match is None:
        return None
    return (match.group("location").strip() or None), match.group("agency")


def mail_gold_header(text: str) -> dict[str, Any] | None:
    """Byline names and the raw published/updated stamps of a flattened Daily Mail header."""
    head = text[:300]
    byline = _MAIL_BYLINE.match(head)
    stamps = {key: pattern.search(head) for key, pattern in _MAIL_STAMP.items()}
    if byline is None and not any(stamps.values()):
        return None
    names: tuple[str, ...] = ()
    if byline is not None:
        raw = regex.sub(r"\s+(?:For|for)\s+\S+$", "", byline.group("names"))
        names = tuple(n.strip() for n in regex.split(r" \. and |,| and ", raw) if n.strip())
    return {
        "authors": names,
        **{key: (m.group("when") if m else None) for key, m in stamps.items()},
    }


# Boilerplate families named in SUMMARY.md, matched on whole (stripped) lines.
FAKENEWSNET_FAMILIES: dict[str, regex.Pattern[str]] = {
    family: regex.compile(pattern)
    for family, pattern in {
        "ads": r"(?i:advertisement)|.{0,60}\b0\.0 rating\b.{0,120}Play Now"
        r"|If you are using ad-blocking software.{0,80}",
        "cookie/javascript": r".{0,40}\b(?i:uses cookies|javascript is (?:required|not available"
        r"|disabled)|enable javascript|older browser version)\b.{0,300}",
        "share": r"Click to (?:share|email|print)\b.{0,60}\(Opens in new window\)"
        r"|(?:Gift ?Outline )?Gift Article(?: Share)?|Share (?:this|on \w+)",
        "sign-up": r".{0,30}(?:sign-up to provide content"
        r"|Invalid email Something went wrong).{0,300}"
        r"|Sign up for .{0,40}newsletter.{0,40}",
        "listen": r"NEW You can now listen to .{1,60}",
        "credits": r"(?:Getty(?: Images)?|REX/Shutterstock|\((?:Image|Photo) credit:.{1,80}\)"
        r"|[A-Z][\w .,'-]{2,60}/(?:Getty Images|Shutterstock|AP|Reuters|AFP))",
        "transcript": r"\((?:CROSSTALK|LAUGHTER|APPLAUSE|COMMERCIAL BREAK|(?:BEGIN|END) VIDEO"
        r"(?: CLIP|TAPE))\)|THIS IS A RUSH TRANSCRIPT\..{0,100}|Return to Transcripts main page",
    }.items()
}


def fakenewsnet_gold_boilerplate(body: str) -> list[tuple[int, int, str]]:
    """(start, end, family) for every line of ``body`` in a boilerplate family."""
    found = []
    position = 0
    for line in body.split("\n"):
        stripped = line.strip()
        if stripped:
            for family, pattern in FAKENEWSNET_FAMILIES.items():
                if pattern.fullmatch(stripped):
                    start = position + line.index(stripped)
                    found.append((start, start + len(stripped), family))
                    break
        position += len(line) + 1
    return found
