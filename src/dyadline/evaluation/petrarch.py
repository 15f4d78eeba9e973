"""The petrarch suite: PETRARCH-2's own unit-test records, coded with their own dictionaries.

Data: ``dictionaries/petrarch-validation/`` (PETR.UnitTest.records.xml and the PETR.Validate.*
dictionaries it names).  Each record has a sentence, a date and the codings PETRARCH must
produce: (source code, target code, event code) triples, ``noevents``, or an expected error
(a discarded story or sentence: no events).  Only the sentence text is used, never the parse
tree the file also holds.  The records of the categories the file's ``<Include>`` names are
run (PETRARCH runs those); the coder is ``Coder(dictionaries=...)`` on a view of that folder
whose ``dyadline.yaml`` says ``actors: replace`` and ``verbs: replace``: the unit tests test
the validation dictionaries alone, not mixed with dyadline's own.

Comparison, as PETRARCH's validation compares: a coded event is the triple (source's stacked
CAMEO code, target's, event code), ``---`` for a missing actor.  The event code is the code
the matched dictionary pattern gives, as written (the evidence names it: the validation
dictionary uses WEIS-style codes such as ``1717`` or ``903`` that are not CAMEO codes);
events coded by dyadline's own lexicon count with their CAMEO code.

The file's ``<Config option="..." value="...">`` elements set PETRARCH's options for the
records after them; the one that decides what counts as an event is honoured:
``require_dyad`` (PETRARCH's default, true): an event is coded only when it has both a
source and a target (an agent alone, ``---GOV``, is not empty; no actor at all is).  The
records that expect ``---GOV->---`` are those run with ``require_dyad`` false.  Records whose
expected outcome is a malformed parse tree (``error="bad_input_parse"``) test PETRARCH's tree
reader, which this suite does not use (their sentences are well-formed text): they are left
out and counted in ``skipped_parse_records``.

Metrics
- ``recall``: share of expected codings produced (target >= 0.70).
- ``exact``: share of records whose set of codings is exactly the expected set (a
  ``noevents`` or error record: nothing coded).
- ``spurious_per_record``: codings produced that the record does not expect, per record
  (target <= 0.30).
- ``cat_<category>_recall``, ``cat_<category>_exact``: the same by record category.
"""

from __future__ import annotations

import re
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from . import GoldMissing, SuiteResult

RECORDS = "PETR.UnitTest.records.xml"
_PATTERN_CODE = re.compile(r"^pattern '.*\[([^\]\[]*)\]'")


@dataclass
class Record:
    id: str
    date: str  # YYYY-MM-DD
    category: str
    text: str
    expected: set[tuple[str, str, str]] = field(default_factory=set)
    error: str = ""
    require_dyad: bool = True  # PETRARCH's option in force for the record (its default: true)


def validation_dir(data_dir: Path) -> Path:
    for candidate in (data_dir / "dictionaries" / "petrarch-validation", data_dir):
        if (candidate / RECORDS).is_file():
            return candidate
    raise GoldMissing(f"no dictionaries/petrarch-validation/{RECORDS} under {data_dir}")


#: Expected errors about PETRARCH's parse-tree input, which the text-only suite never reads.
PARSE_ERRORS = {"bad_input_parse"}


def read_records(path: Path) -> list[Record]:
    """The records of the categories the file's <Include> names, in file order."""
    root = ET.parse(path).getroot()
    include_text = root.findtext("Environment/Include") or ""
    include = set(include_text.split()) - {"valid"}
    records: list[Record] = []
    options: dict[str, str] = {}
    for element in root.iter():
        if element.tag == "Config":
            options[element.get("option", "")] = element.get("value", "")
            continue
        if element.tag != "Sentence":
            continue
        sentence = element
        category = sentence.get("category", "")
        if include and category not in include:
            continue
        raw = sentence.findtext("Text") or ""
        date = sentence.get("date", "")
        record = Record(sentence.get("id", ""), f"{date[:4]}-{date[4:6]}-{date[6:8]}", category,
                        " ".join(raw.split()),
                        require_dyad=options.get("require_dyad", "true").strip().lower() != "false")
        for coding in sentence.iter("EventCoding"):
            if coding.get("error"):
                record.error = coding.get("error", "")
            elif coding.get("eventcode"):
                record.expected.add((coding.get("sourcecode", ""), coding.get("targetcode", ""),
                                     coding.get("eventcode", "")))
        records.append(record)
    return records


def runnable(records: list[Record]) -> list[Record]:
    """The records a text-only coder can be held to: not those testing a malformed parse tree."""
    return [r for r in records if r.error not in PARSE_ERRORS]


def coded_triples(article, require_dyad: bool = False) -> set[tuple[str, str, str]]:
    """(source, target, event code) for every event of an analysed sentence; with
    ``require_dyad`` (PETRARCH's option), only the events that have both a source and a target."""
    triples: set[tuple[str, str, str]] = set()
    for event in article.events:
        source = _actor_code(event.source)
        target = _actor_code(event.target)
        if require_dyad and "---" in (source, target):
            continue
        match = _PATTERN_CODE.match(event.evidence)
        code = event.code.cameo
        if match:
            forward, _, reverse = match.group(1).partition(":")
            reversed_event = ("symmetric" in event.evidence and "the partner does it too" in event.evidence) \
                or "reverse event" in event.evidence
            code = (reverse or forward) if reversed_event else forward
        triples.add((source, target, code))
    return triples


def _actor_code(mention) -> str:
    if mention is None:
        return "---"
    actor = mention.actor
    return actor.cameo or actor.code or "---"


def run(data_dir: Path, sample: int | None = None) -> SuiteResult:
    from .. import Coder

    folder = validation_dir(data_dir)
    records = read_records(folder / RECORDS)
    if sample is not None:
        records = records[:sample]
    coded = runnable(records)
    with tempfile.TemporaryDirectory(prefix="dyadline-petrarch-") as view:
        result = _score(Coder(dictionaries=_dictionary_view(folder, Path(view))), coded)
    result.counts["skipped_parse_records"] = len(records) - len(coded)
    return result


def _dictionary_view(folder: Path, view: Path) -> Path:
    """The validation dictionaries, alone: links to the PETR.Validate.* files and a
    ``dyadline.yaml`` that makes them replace dyadline's own actors and verbs (PETRARCH's
    unit tests test PETRARCH's dictionaries, not a mixture)."""
    for path in sorted(folder.glob("PETR.Validate.*.txt")):
        (view / path.name).symlink_to(path.resolve())
    (view / "dyadline.yaml").write_text("actors: replace\nverbs: replace\n", encoding="utf-8")
    return view


def _score(coder, records: list[Record]) -> SuiteResult:
    expected_total = produced_right = exact = spurious = 0
    by_category: dict[str, list[int]] = {}  # category -> [expected, right, records, exact]
    details: list[str] = []
    for record in records:
        try:
            article = coder.analyse(record.text, date=record.date, id=record.id)
            got = coded_triples(article, record.require_dyad)
        except Exception as error:  # one bad record never stops the suite
            details.append(f"{record.id}: coder error {type(error).__name__}: {error}")
            got = set()
        right = got & record.expected
        extra = got - record.expected
        is_exact = got == record.expected
        expected_total += len(record.expected)
        produced_right += len(right)
        spurious += len(extra)
        exact += is_exact
        stats = by_category.setdefault(record.category, [0, 0, 0, 0])
        stats[0] += len(record.expected)
        stats[1] += len(right)
        stats[2] += 1
        stats[3] += is_exact
        if not is_exact:
            missing = sorted(record.expected - got)
            details.append(f"{record.id} [{record.category}]: missing {_fmt(missing)}; spurious {_fmt(sorted(extra))}"
                           f" | {record.text[:90]}")
    n = len(records)
    metrics = {
        "recall": produced_right / expected_total if expected_total else 1.0,
        "exact": exact / n if n else 0.0,
        "spurious_per_record": spurious / n if n else 0.0,
    }
    for category, (expected, right, count, exact_count) in sorted(by_category.items()):
        name = category.lower()
        metrics[f"cat_{name}_recall"] = right / expected if expected else 1.0
        metrics[f"cat_{name}_exact"] = exact_count / count if count else 0.0
    counts = {"records": n, "expected": expected_total, "produced_right": produced_right,
              "spurious": spurious, "exact_records": exact,
              "dictionary_warnings": len(getattr(coder._overlay, "warnings", []) or [])}
    return SuiteResult("petrarch", metrics, details, counts)


def _fmt(triples: list[tuple[str, str, str]]) -> str:
    return ", ".join(f"{s}->{t} {c}" for s, t, c in triples) or "-"
