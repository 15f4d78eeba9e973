"""The ``timebank`` suite: time expressions scored as TempEval-3 scores them.

Gold: TimeBank + AQUAINT in TimeML (``dev/temporal/TBAQ-cleaned/``).  Each ``.tml`` file has
a ``<DCT>`` (the TIMEX3 with ``functionInDocument="CREATION_TIME"``, the document creation
time that relative expressions are normalised against) and a ``<TEXT>`` element whose tags
(TIMEX3, EVENT, SIGNAL) are stripped to give the plain text the coder reads; the offsets of
each TIMEX3 are computed in that plain text.

Metrics (TempEval-3, Task A):

- strict span P/R/F1: a system expression counts when its span equals a gold span;
- relaxed span P/R/F1: when the spans overlap (each gold and system expression used once);
- value F1: a true positive is an overlapping pair whose TIMEX3 values are identical,
  P = TP / system count, R = TP / gold count; ``date_value_*`` restricts both sides to type
  DATE;
- type accuracy: share of overlapping pairs whose types agree.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import GoldMissing, SuiteResult

SUBDIR = Path("dev") / "temporal" / "TBAQ-cleaned"

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_:]+)="([^"]*)"')
_DCT = re.compile(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>')


@dataclass(frozen=True)
class GoldTimex:
    text: str
    start: int
    end: int
    value: str
    type: str


@dataclass(frozen=True)
class TimeMLDoc:
    name: str
    dct: str | None
    text: str
    timexes: list[GoldTimex]


def read_tml(path: Path) -> TimeMLDoc:
    """Plain text, creation date and TIMEX3 spans (offsets into the plain text) of one file."""
    raw = path.read_text(encoding="utf-8")
    dct_tag = _DCT.search(raw)
    dct = None
    if dct_tag:
        value = dict(_ATTR.findall(dct_tag.group(0))).get("value", "")
        dct = value[:10] if re.match(r"\d{4}-\d\d-\d\d", value) else None
    open_at, close_at = raw.find("<TEXT>"), raw.rfind("</TEXT>")
    if open_at < 0 or close_at < 0:
        raise ValueError(f"{path}: no <TEXT> element")
    body = raw[open_at + len("<TEXT>"):close_at]
    pieces: list[str] = []
    length = 0
    stack: list[tuple[int, dict[str, str]]] = []
    timexes: list[GoldTimex] = []
    pos = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[pos:tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, name, attrs, selfclosing = tag.groups()
        if name != "TIMEX3" or selfclosing:
            continue
        if not closing:
            stack.append((length, dict(_ATTR.findall(attrs))))
        elif stack:
            start, attributes = stack.pop()
            timexes.append(GoldTimex("", start, length, attributes.get("value", ""),
                                     attributes.get("type", "DATE")))
    pieces.append(html.unescape(body[pos:]))
    text = "".join(pieces)
    timexes = sorted((GoldTimex(text[t.start:t.end], t.start, t.end, t.value, t.type)
                      for t in timexes), key=lambda t: t.start)
    return TimeMLDoc(path.stem, dct, text, timexes)


def _finder() -> tuple[str, Callable[[str, str | None], list]]:
    """The coder's public API when it is there and works, else the time module directly."""
    try:
        from dyadline import Coder

        coder = Coder()
        coder.analyse("The talks will resume on Friday.", date="2025-01-14")

        def through_coder(text: str, dct: str | None) -> list:
            return list(coder.analyse(text, date=dct).dates)

        return "coder", through_coder
    except Exception:  # the coder is not there yet or fails: score the time module alone
        from dyadline.text import segment
        from dyadline.time import find_time_expressions

        return "time", lambda text, dct: find_time_expressions(segment(text), dct)


def _prf(tp_p: int, n_sys: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _pair(gold: list, system: list) -> list[tuple[object, object]]:
    """One-to-one overlapping pairs (both sorted by start), greedy by largest overlap."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                candidates.append((-overlap, gi, si))
    candidates.sort()
    used_g, used_s, pairs = set(), set(), []
    for _, gi, si in candidates:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gold[gi], system[si]))
    return pairs


def run(data_dir: Path, sample: int | None = None) -> SuiteResult:
    root = Path(data_dir) / SUBDIR
    files = sorted(root.glob("*/*.tml"))
    if not files:
        raise GoldMissing(f"no TimeML files under {root}")
    if sample:
        files = files[:sample]
    via, find = _finder()
    n_gold = n_sys = strict = relaxed = value_tp = typed = 0
    d_gold = d_sys = d_value_tp = 0
    details: list[str] = []
    errors = 0
    for path in files:
        try:
            doc = read_tml(path)
        except (OSError, ValueError) as exc:  # a broken file is reported, the others still count
            errors += 1
            details.append(f"{path.name}: unreadable: {exc}")
            continue
        try:
            system = sorted(find(doc.text, doc.dct), key=lambda t: t.start)
        except Exception as exc:  # noqa: BLE001 - one failing article must not stop the suite
            errors += 1
            details.append(f"{doc.name}: the coder failed: {type(exc).__name__}: {exc}")
            system = []
        gold = doc.timexes
        n_gold += len(gold)
        n_sys += len(system)
        d_gold += sum(g.type == "DATE" for g in gold)
        d_sys += sum(s.type == "DATE" for s in system)
        spans = {(g.start, g.end) for g in gold}
        strict += sum((s.start, s.end) in spans for s in system)
        pairs = _pair(gold, system)
        relaxed += len(pairs)
        matched_gold = set()
        for g, s in pairs:
            matched_gold.add(id(g))
            typed += g.type == s.type
            if g.value == s.value:
                value_tp += 1
                d_value_tp += g.type == "DATE" and s.type == "DATE"
            else:
                details.append(f"{doc.name} [{doc.dct}] value: {g.text!r} gold {g.value} "
                               f"{g.type} / system {s.text!r} {s.value} {s.type}")
        for g in gold:
            if id(g) not in matched_gold:
                details.append(f"{doc.name} [{doc.dct}] missed: {g.text!r} {g.value} {g.type}")
        paired_sys = {id(s) for _, s in pairs}
        for s in system:
            if id(s) not in paired_sys:
                details.append(f"{doc.name} [{doc.dct}] spurious: {s.text!r} {s.value} {s.type}")
    metrics: dict[str, float] = {}
    for name, tp in (("strict", strict), ("relaxed", relaxed), ("value", value_tp)):
        p, r, f = _prf(tp, n_sys, tp, n_gold)
        metrics.update({f"{name}_precision": p, f"{name}_recall": r, f"{name}_f1": f})
    p, r, f = _prf(d_value_tp, d_sys, d_value_tp, d_gold)
    metrics.update({"date_value_precision": p, "date_value_recall": r, "date_value_f1": f})
    metrics["type_accuracy"] = typed / relaxed if relaxed else 0.0
    metrics = {k: round(v, 4) for k, v in metrics.items()}
    counts = {"documents": len(files), "gold": n_gold, "system": n_sys, "gold_date": d_gold,
              "system_date": d_sys, "through_coder": int(via == "coder"), "errors": errors}
    return SuiteResult("timebank", metrics, details, counts)
