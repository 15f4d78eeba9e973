"""The ``quotes`` suite: quotation attribution scored on PolNeAR.

PolNeAR (Newell, Margolin and Ruths, LREC 2018) annotates attribution relations in 2016 US
election news: a Source, a Cue and a Content span (brat standoff files, one per annotator).
It annotates more than quotations (beliefs and intentions: "he thinks that ...") and only
the outermost attribution of a nested pair.  We score:

* **content P/R/F1 at 50% token overlap**: a prediction matches a gold attribution when the
  word tokens they share are at least half of each (one-to-one, largest overlap first);
  for all attributions and for **direct** quotations alone (a gold attribution is direct
  when its content, every piece of it, is inside quotation marks; a prediction is direct
  when the coder says so);
* **speaker accuracy** on matched pairs: the predicted speaker span overlaps the gold
  Source span (or both are absent), all and direct;
* **cue accuracy** on matched pairs: the predicted cue overlaps the gold Cue.

Metrics are computed on the ``train`` split (for development) and the ``dev`` split
(prefixed ``dev_``).  Where an article has several annotators, the first annotator file in
name order is the gold.  The coder gets each article's publication date from PolNeAR's
``metadata.tsv``; an article it fails on counts as predicting nothing and is listed in the
details (``failed`` in the counts), and the run goes on.  The coder runs through its public
API (``Coder().analyse``) when ``dyadline.coder`` works, and through
:func:`dyadline.text.quotes.find_quotations` otherwise (or when ``via="finder"``).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from . import GoldMissing, SuiteResult

_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t", re.M)
_E_LINE = re.compile(r"^(E\d+)\t(.+)$", re.M)
_WORD = re.compile(r"\w+")
_OPEN = "\"“‘'«"
_CLOSE = "\"”’'»"

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAttribution:
    content: Spans
    source: Spans
    cue: Spans
    direct: bool


@dataclass(frozen=True)
class GoldDoc:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    date: str | None = None  # publication date (metadata.tsv), the coder's reference date


@dataclass(frozen=True)
class Prediction:
    content: Spans
    speaker: tuple[int, int] | None
    cue: tuple[int, int] | None
    direct: bool


def polnear_root(data_dir: Path) -> Path:
    root = Path(data_dir) / "dev" / "quotes" / "PolNeAR"
    if not (root / "train" / "text").is_dir():
        raise GoldMissing(f"PolNeAR not found at {root} (expected train/text and train/attributions)")
    return root


def _is_direct(text: str, content: Spans) -> bool:
    for s, e in content:
        piece = text[s:e].strip().rstrip(".,;:!?)—–- ")
        if len(piece) < 2 or piece[0] not in _OPEN or piece[-1] not in _CLOSE:
            return False
    return True


def parse_ann(ann: str, text: str) -> tuple[GoldAttribution, ...]:
    """Attributions of one brat file (text-bound annotations joined by their E lines)."""
    spans: dict[str, Spans] = {}
    for m in _T_LINE.finditer(ann):
        pieces = []
        for chunk in m.group(3).split(";"):
            a, b = chunk.split()
            pieces.append((int(a), int(b)))
        spans[m.group(1)] = tuple(pieces)
    out = []
    for m in _E_LINE.finditer(ann):
        args = dict(arg.split(":", 1) for arg in m.group(2).split() if ":" in arg)
        content = tuple(p for k, v in sorted(args.items()) if k.startswith("Content") for p in spans.get(v, ()))
        if not content:
            continue
        content = tuple(sorted(content))
        source = tuple(p for k, v in args.items() if k.startswith("Source") for p in spans.get(v, ()))
        cue = tuple(p for k, v in args.items() if k.startswith("Cue") for p in spans.get(v, ()))
        out.append(GoldAttribution(content, source, cue, _is_direct(text, content)))
    return tuple(out)


def _publication_dates(root: Path) -> dict[str, str]:
    """Article name -> publication date (YYYY-MM-DD) from PolNeAR's metadata.tsv, if present."""
    path = root / "metadata.tsv"
    if not path.exists():
        return {}
    dates: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t") if lines else []
    if "filename" not in header or "publication_date" not in header:
        return {}
    name_col, date_col = header.index("filename"), header.index("publication_date")
    for line in lines[1:]:
        cols = line.split("\t")
        if len(cols) > max(name_col, date_col) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", cols[date_col]):
            dates[cols[name_col]] = cols[date_col]
    return dates


def load_split(root: Path, split: str, sample: int | None = None) -> list[GoldDoc]:
    """Articles of one split with the first annotator's attributions."""
    text_dir, ann_dir = root / split / "text", root / split / "attributions"
    if not text_dir.is_dir():
        raise GoldMissing(f"no {split} split under {root}")
    anns: dict[str, Path] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        name = path.stem.rsplit("_", 1)[0]
        anns.setdefault(name, path)
    dates = _publication_dates(root)
    docs = []
    for path in sorted(text_dir.glob("*.txt")):
        if sample is not None and len(docs) >= sample:
            break
        ann = anns.get(path.stem)
        if ann is None:
            continue
        text = path.read_text(encoding="utf-8")
        docs.append(GoldDoc(path.stem, text, parse_ann(ann.read_text(encoding="utf-8"), text),
                            dates.get(path.stem)))
    return docs


def predictor(via: str = "auto") -> tuple[str, Callable[[str, str | None], list[Prediction]]]:
    """The coder's public API when it is there (``via="auto"`` or ``"coder"``), the quotation
    finder otherwise (or with ``via="finder"``)."""
    try:
        if via == "finder":
            raise ImportError("finder asked for")
        from dyadline.coder import Coder
        coder = Coder()
        coder.analyse("“It works,” he said.")
    except Exception:  # the coder is not there (yet) or broken: score the finder alone
        if via == "coder":
            raise
        from dyadline.text import segment
        from dyadline.text.quotes import find_quotations

        def direct(text: str, date: str | None = None) -> list[Prediction]:
            return [Prediction(q.pieces, (q.speaker.start, q.speaker.end) if q.speaker else None,
                               (q.cue.start, q.cue.end) if q.cue else None, q.direct)
                    for q in find_quotations(segment(text))]
        return "find_quotations", direct

    def via_coder(text: str, date: str | None = None) -> list[Prediction]:
        article = coder.analyse(text, date=date)
        return [Prediction(((q.start, q.end),),
                           (q.speaker.start, q.speaker.end) if q.speaker else None,
                           (q.cue.start, q.cue.end) if q.cue else None, q.direct)
                for q in article.quotes]
    return "Coder.analyse", via_coder


class _Tokens:
    """Word-token indices of character spans (punctuation and quotation marks do not count)."""

    def __init__(self, text: str) -> None:
        self.bounds = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        self.starts = [b[0] for b in self.bounds]

    def of(self, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
        from bisect import bisect_left, bisect_right
        ids: set[int] = set()
        for s, e in spans:
            i = bisect_right(self.starts, s) - 1
            if i < 0 or self.bounds[i][1] <= s:
                i += 1
            j = bisect_left(self.starts, e)
            ids.update(range(max(i, 0), j))
        return frozenset(ids)


def _overlaps(a: Iterable[tuple[int, int]], b: Iterable[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


@dataclass
class _Tally:
    gold: int = 0
    gold_direct: int = 0
    pred: int = 0
    pred_direct: int = 0
    matched_gold: int = 0
    matched_gold_direct: int = 0
    matched_pred: int = 0
    matched_pred_direct: int = 0
    speaker_ok: int = 0
    speaker_ok_direct: int = 0
    cue_ok: int = 0
    cue_ok_direct: int = 0
    failures: list[str] = field(default_factory=list)


def match(doc: GoldDoc, preds: list[Prediction]) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs at 50% token overlap, largest first."""
    toks = _Tokens(doc.text)
    gold_ids = [toks.of(g.content) for g in doc.attributions]
    pred_ids = [toks.of(p.content) for p in preds]
    candidates = []
    for gi, g in enumerate(gold_ids):
        if not g:
            continue
        for pi, p in enumerate(pred_ids):
            if not p:
                continue
            shared = len(g & p)
            if shared and shared * 2 >= len(g) and shared * 2 >= len(p):
                candidates.append((shared, gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def speaker_correct(gold: GoldAttribution, pred: Prediction) -> bool:
    if not gold.source:
        return pred.speaker is None
    return pred.speaker is not None and _overlaps(gold.source, [pred.speaker])


def _score(docs: list[GoldDoc], predict: Callable[[str, str | None], list[Prediction]],
           errors: list[str] | None = None) -> tuple[_Tally, float]:
    """Tally one split.  An article the coder fails on counts as predicting nothing (its gold
    stays in the recall denominator) and is listed in ``tally.failures``; the run goes on."""
    tally = _Tally()
    elapsed = 0.0
    for doc in docs:
        tally.gold += len(doc.attributions)
        tally.gold_direct += sum(g.direct for g in doc.attributions)
        t0 = time.perf_counter()
        try:
            preds = predict(doc.text, doc.date)
        except Exception as exc:  # one bad article must not stop the evaluation
            tally.failures.append(f"{doc.name}: {type(exc).__name__}: {exc}")
            continue
        finally:
            elapsed += time.perf_counter() - t0
        pairs = match(doc, preds)
        tally.pred += len(preds)
        tally.pred_direct += sum(p.direct for p in preds)
        for gi, pi in pairs:
            g, p = doc.attributions[gi], preds[pi]
            tally.matched_gold += 1
            tally.matched_pred += 1
            tally.matched_gold_direct += g.direct
            tally.matched_pred_direct += p.direct
            ok = speaker_correct(g, p)
            cue_ok = p.cue is not None and _overlaps(g.cue, [p.cue])
            tally.speaker_ok += ok
            tally.cue_ok += cue_ok
            if g.direct:
                tally.speaker_ok_direct += ok
                tally.cue_ok_direct += cue_ok
            if errors is not None and not ok:
                src = " | ".join(doc.text[s:e] for s, e in g.source) or "-"
                got = doc.text[p.speaker[0]:p.speaker[1]] if p.speaker else "-"
                errors.append(f"{doc.name}: speaker gold {src!r} got {got!r} in "
                              f"{doc.text[g.content[0][0]:g.content[-1][1]][:80]!r}")
    return tally, elapsed


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def _metrics(t: _Tally, prefix: str) -> dict[str, float]:
    p, r = _ratio(t.matched_pred, t.pred), _ratio(t.matched_gold, t.gold)
    dp, dr = _ratio(t.matched_pred_direct, t.pred_direct), _ratio(t.matched_gold_direct, t.gold_direct)
    matched_direct = t.matched_gold_direct
    return {
        f"{prefix}content_precision": p, f"{prefix}content_recall": r, f"{prefix}content_f1": _f1(p, r),
        f"{prefix}direct_content_precision": dp, f"{prefix}direct_content_recall": dr,
        f"{prefix}direct_content_f1": _f1(dp, dr),
        f"{prefix}speaker_accuracy": _ratio(t.speaker_ok, t.matched_gold),
        f"{prefix}direct_speaker_accuracy": _ratio(t.speaker_ok_direct, matched_direct),
        f"{prefix}cue_accuracy": _ratio(t.cue_ok, t.matched_gold),
        f"{prefix}direct_cue_accuracy": _ratio(t.cue_ok_direct, matched_direct),
    }


def run(data_dir: Path, sample: int | None = None, via: str = "auto") -> SuiteResult:
    """Score quotation attribution on PolNeAR train and dev (``sample``: first N articles of each)."""
    root = polnear_root(Path(data_dir))
    how, predict = predictor(via)
    metrics: dict[str, float] = {}
    counts: dict[str, int] = {}
    details = [f"predictions from {how}; gold: first annotator per article"]
    for split, prefix in (("train", ""), ("dev", "dev_")):
        docs = load_split(root, split, sample)
        tally, elapsed = _score(docs, predict)
        metrics.update(_metrics(tally, prefix))
        counts.update({f"{prefix}articles": len(docs), f"{prefix}gold": tally.gold,
                       f"{prefix}gold_direct": tally.gold_direct, f"{prefix}predicted": tally.pred,
                       f"{prefix}predicted_direct": tally.pred_direct, f"{prefix}matched": tally.matched_gold})
        per_article = 1000 * elapsed / max(len(docs), 1)
        counts[f"{prefix}failed"] = len(tally.failures)
        details.append(f"{split}: {len(docs)} articles, {tally.gold} gold attributions "
                       f"({tally.gold_direct} direct), {tally.pred} predicted, {per_article:.1f} ms/article"
                       + (f", {len(tally.failures)} articles failed" if tally.failures else ""))
        details.extend(f"{split}: failed on {failure}" for failure in tally.failures[:20])
    return SuiteResult("quotes", metrics, details, counts)
