"""The seed suite: the canonical example article against a careful human coding of it.

Gold: ``examples/russia-iran-treaty/`` beside ``data/`` (expected-events.tsv,
expected-quotes.tsv, expected-actors.tsv), publication date 2025-01-14.

Metrics
- ``required_recall``: share of required events found.  An event is found when a coded
  event comes from a sentence containing ``sentence_has``, with the listed source and target
  codes and a PLOVER type among those listed; where the gold gives a date or a place, the
  coded event must carry that date (TIMEX3 value) and that place name.
- ``precision``: share of distinct coded (sentence, source, target, PLOVER) events that match
  some listed event, required or optional (dates and places not needed here).  Negated events
  count too: they are reported.
- ``quote_speakers``: share of the listed direct quotations found with the right speaker
  (the speaker's name or surname in the speaker mention, and the listed code: ISO3, plus the
  sector when the gold gives one).
- ``actor_codes``: share of listed actor mentions coded as listed (CAMEO-style ISO3+sector;
  where the note allows ELI or GOV, either counts).  A listed bare surname ("Pezeshkian") is
  looked up as a mention ending in it ("President Pezeshkian") that the gold does not list itself.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from . import GoldMissing, SuiteResult

DATE = "2025-01-14"
EXAMPLE = "russia-iran-treaty"


@dataclass(frozen=True)
class GoldEvent:
    sentence_has: str
    source: str
    target: str
    plover: frozenset[str]
    date: str
    location: str
    required: bool


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))


def example_dir(data_dir: Path) -> Path:
    """The example folder: ``examples/`` is a sibling of ``data/`` in shared/."""
    for candidate in (data_dir.parent / "examples" / EXAMPLE, data_dir / "examples" / EXAMPLE, data_dir):
        if (candidate / "article.txt").is_file():
            return candidate
    raise GoldMissing(f"no {EXAMPLE}/article.txt near {data_dir}")


def load_gold_events(folder: Path) -> list[GoldEvent]:
    return [GoldEvent(r["sentence_has"], r["source"], r["target"], frozenset(r["plover"].split("|")),
                      r["date"] or "", r["location"] or "", r["required"] == "yes")
            for r in _rows(folder / "expected-events.tsv")]


def run(data_dir: Path, sample: int | None = None, coder=None) -> SuiteResult:
    """Score the example; ``coder``: a configured Coder (e.g. with dictionaries), default built-in."""
    from .. import Coder

    folder = example_dir(data_dir)
    text = (folder / "article.txt").read_text(encoding="utf-8")
    article = (coder or Coder()).analyse(text, date=DATE, id=EXAMPLE)
    gold = load_gold_events(folder)
    sentence_text = {s.index: text[s.start:s.end] for s in article.sentences}

    def matches(event, item: GoldEvent, strict: bool) -> bool:
        if item.sentence_has not in sentence_text.get(event.sentence.index, ""):
            return False
        source = event.source.actor.code if event.source else None
        target = event.target.actor.code if event.target else None
        if (source, target) != (item.source, item.target) or event.code.plover_event not in item.plover:
            return False
        if strict and item.date and (event.date is None or event.date.value != item.date):
            return False
        if strict and item.location and (event.location is None or event.location.name != item.location):
            return False
        return True

    details: list[str] = []
    required = [g for g in gold if g.required]
    found = 0
    for item in required:
        if any(matches(e, item, strict=True) for e in article.events):
            found += 1
        else:
            details.append(f"missing required: {item.source}->{item.target} {'|'.join(sorted(item.plover))} "
                           f"in '{item.sentence_has}'" + (f" date {item.date}" if item.date else "")
                           + (f" at {item.location}" if item.location else ""))
    distinct: dict[tuple, object] = {}
    for event in article.events:
        key = (event.sentence.index, event.source.actor.code if event.source else None,
               event.target.actor.code if event.target else None, event.code.plover_event)
        distinct.setdefault(key, event)
    correct = 0
    for key, event in distinct.items():
        if any(matches(event, item, strict=False) for item in gold):
            correct += 1
        else:
            details.append(f"not in the gold: {key[1]}->{key[2]} {key[3] or event.code.cameo} "  # type: ignore[attr-defined]
                           f"'{event.trigger.text}' (sentence {key[0]})")  # type: ignore[attr-defined]

    quotes_gold = _rows(folder / "expected-quotes.tsv")
    quotes_ok = 0
    for row in quotes_gold:
        quote = next((q for q in article.quotes if text[q.start:q.end].lstrip("\u201c\"").startswith(row["quote_starts"])), None)
        ok = quote is not None and quote.speaker is not None and _speaker_matches(quote.speaker, row)
        quotes_ok += ok
        if not ok:
            got = (f"{quote.speaker.text} {quote.speaker.actor.cameo}" if quote and quote.speaker else
                   "no speaker" if quote else "quotation not found")
            details.append(f"quote '{row['quote_starts']}': expected {row['speaker']} {row['code']}, got {got}")

    actors_gold = _rows(folder / "expected-actors.tsv")
    actors_ok = 0
    for row in actors_gold:
        accepted = {row["code"]}
        if "ELI or GOV" in row.get("note", ""):
            accepted |= {row["code"] + "ELI", row["code"] + "GOV"}
        mention = _mention_for(article.mentions, row["mention"], {r["mention"] for r in actors_gold})
        got = (mention.actor.cameo or mention.actor.code or "") if mention else None
        if got in accepted:
            actors_ok += 1
        else:
            details.append(f"actor '{row['mention']}': expected {row['code']}, got {got}")

    metrics = {
        "required_recall": found / len(required) if required else 1.0,
        "precision": correct / len(distinct) if distinct else 0.0,
        "quote_speakers": quotes_ok / len(quotes_gold) if quotes_gold else 1.0,
        "actor_codes": actors_ok / len(actors_gold) if actors_gold else 1.0,
    }
    counts = {"required": len(required), "required_found": found, "coded_distinct": len(distinct),
              "coded_correct": correct, "quotes": len(quotes_gold), "quotes_right": quotes_ok,
              "actors": len(actors_gold), "actors_right": actors_ok}
    return SuiteResult("seed", metrics, details, counts)


def _mention_for(mentions, wanted: str, listed: set[str]):
    """The mention the gold row means: one with exactly its text, else (a bare surname such as
    "Pezeshkian") a later, shorter mention ending in it that the gold does not list by itself."""
    exact = next((m for m in mentions if m.text == wanted), None)
    if exact is not None:
        return exact
    return next((m for m in mentions if m.text.endswith(" " + wanted) and m.text not in listed), None)


def _speaker_matches(speaker, row: dict[str, str]) -> bool:
    surname = row["speaker"].split()[-1]
    if surname not in speaker.text and surname not in (speaker.actor.name or ""):
        return False
    expected = row["code"]
    got = speaker.actor.cameo or speaker.actor.code or ""
    return got == expected if len(expected) > 3 else (speaker.actor.code == expected)
