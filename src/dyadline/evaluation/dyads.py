"""The ``dyads`` suite: source and target spans on ConfliBERT's CAMEO-NER sentences.

Gold: ``dev/events/conflibert_source_target_train.conll`` (eventdata/ConfliBERT, data
credited to Multi-CoPED): one token and one BIO tag per line, a blank line between
sentences.  ``S`` marks a source span, ``T`` a target span, ``R`` a party to a reciprocal
event that is both ("Erdogan will meet his counterpart ...").  Members of a compound are
separate spans ("[S The United Kingdom] and [S France] have opposed ...").

Text: the tokens are joined back into a sentence (:func:`detokenise`: no space before
closing punctuation and clitics, none after opening brackets and currency signs, hyphens
and single accented letters split out by the gold's tokenizer glued back), keeping each
token's character offsets, so gold spans are character spans of the text the coder reads.

Alignment: a sentence's predicted spans come from its **main event** and its compound
siblings.  The main event is the one the ``quad`` suite scores (highest-confidence
non-negated event); its siblings are the events with the same trigger and CAMEO code and
the same confidence ("Britain and France opposed X" gives two events, one per source;
the reversed copy of a symmetric event has a lower confidence and is left out).  The
predicted source spans are the sources of these events, the target spans their targets.

Metrics (micro-averaged over sentences; a sentence without an event predicts no span)
- ``source_p/r/f1``, ``target_p/r/f1``: exact match, the predicted span equals a gold span
  once a leading article (a, an, the) is set aside on both sides (the gold includes it,
  actor mentions do not: "the Syrian army" and "Syrian army" are the same span).
- ``*_strict``: exact character match, articles included.
- ``*_overlap``: relaxed, a predicted span matches a gold span it shares a token with
  (one-to-one, largest overlap first).
Predicted spans that overlap an ``R`` span (and no gold span of the role) are set aside:
the gold does not say whether that party is the source or the target.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from . import GoldMissing, SuiteResult
from .quad import SentenceCoder, top_event

GOLD = Path("dev") / "events" / "conflibert_source_target_train.conll"
ARTICLES = ("a", "an", "the")

Span = tuple[int, int]

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "’s", "n't", "'re", "'ve",
                    "'ll", "'d", "'m", "”", "’", "´"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "€", "£", "“", "‘", "-", "--", "/"}
_CLITIC_AFTER_APOSTROPHE = {"s", "t", "ll", "re", "ve", "d", "m"}


@dataclass
class DyadItem:
    """One gold sentence: text, token offsets, and gold spans by role ("S", "T", "R")."""

    index: int
    text: str
    tokens: list[str]
    offsets: list[Span]
    spans: dict[str, list[Span]] = field(default_factory=dict)

    def span_text(self, span: Span) -> str:
        return self.text[span[0]:span[1]]


def detokenise(tokens: Sequence[str]) -> tuple[str, list[Span]]:
    """Join tokens into text as a writer would have; the (start, end) of every token in it."""
    parts: list[str] = []
    offsets: list[Span] = []
    position = 0
    quote_open = {'"': False, "'": False}
    for k, token in enumerate(tokens):
        previous = tokens[k - 1] if k else ""
        following = tokens[k + 1] if k + 1 < len(tokens) else ""
        space = bool(parts)
        if token in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER or token in ("-", "--"):
            space = False
        if previous in ("’", "´", "'") and token.lower() in _CLITIC_AFTER_APOSTROPHE:
            space = False  # Baghdad ’ s -> Baghdad’s
        if previous in (",", ".") and token.isdigit() and k >= 2 and tokens[k - 2].isdigit() and (
                previous == "." or len(token) == 3):
            space = False  # 88, 550 -> 88,550; 5. 3 -> 5.3 (but "July 7, 2017")
        if previous == "." and k >= 2 and len(tokens[k - 2]) == 1 and tokens[k - 2].isalpha() and \
                len(token) == 1 and token.isalpha():
            space = False  # U . K . -> U.K., a . m . -> a.m.
        if _accent_piece(token) or _accent_piece(previous) and token.isalpha():
            space = False  # Jos é -> José, P é rez -> Pérez
        if token in ('"', "'"):
            possessive = (token == "'" and previous.endswith("s") and len(previous) > 3 and following.isalpha()
                          and "'" not in tokens[k + 1:k + 8])  # a quote closes soon: 'extremists'
            if possessive and not quote_open[token]:
                space = False  # the Kurds' role
            elif quote_open[token]:
                space = False  # a closing quote
                quote_open[token] = False
            else:
                quote_open[token] = True
        elif previous in ('"', "'") and quote_open[previous]:
            space = False  # the word after an opening quote
        if space:
            parts.append(" ")
            position += 1
        offsets.append((position, position + len(token)))
        parts.append(token)
        position += len(token)
    return "".join(parts), offsets


def _accent_piece(token: str) -> bool:
    """A single non-ASCII letter the gold's tokenizer split out of a word ("Jos é")."""
    return len(token) == 1 and token.isalpha() and not token.isascii()


def bio_spans(tags: Sequence[str]) -> dict[str, list[tuple[int, int]]]:
    """Token spans (first, last+1) by label from BIO tags; an I- without its B- starts a span."""
    spans: dict[str, list[tuple[int, int]]] = {}
    current: str | None = None
    start = 0
    for k, tag in enumerate(list(tags) + ["O"]):
        inside = tag.startswith("I-") and current == tag[2:]
        if current is not None and not inside:
            spans.setdefault(current, []).append((start, k))
            current = None
        if tag.startswith("B-") or (tag.startswith("I-") and current is None):
            current, start = tag[2:], k
    return spans


def read_conll(path: Path) -> list[DyadItem]:
    """The sentences of a ConfliBERT source/target CoNLL file with character-offset spans."""
    if not path.is_file():
        raise GoldMissing(f"source/target gold not found: {path}")
    items: list[DyadItem] = []
    tokens: list[str] = []
    tags: list[str] = []

    def close() -> None:
        if not tokens:
            return
        text, offsets = detokenise(tokens)
        spans = {label: [(offsets[a][0], offsets[b - 1][1]) for a, b in found]
                 for label, found in bio_spans(tags).items()}
        items.append(DyadItem(len(items), text, list(tokens), offsets, spans))
        tokens.clear()
        tags.clear()

    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            cells = line.split()
            if not cells:
                close()
                continue
            if len(cells) != 2 or not (cells[1] == "O" or cells[1][:2] in ("B-", "I-")):
                raise ValueError(f"{path}:{number}: expected 'token BIO-tag', got {line.rstrip()!r}")
            tokens.append(cells[0])
            tags.append(cells[1])
    close()
    return items


# --------------------------------------------------------------------------- scoring

def strip_article(text: str, span: Span) -> Span:
    """The span without a leading article ("the Syrian army" -> "Syrian army")."""
    start, end = span
    words = text[start:end].split(" ", 1)
    if len(words) == 2 and words[0].lower() in ARTICLES:
        return (start + len(words[0]) + 1, end)
    return span


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_count(gold: Iterable[Span], predicted: Iterable[Span], relaxed: bool) -> int:
    """Matched pairs, one-to-one: identical spans, or (relaxed) overlapping, largest first."""
    gold, predicted = sorted(set(gold)), sorted(set(predicted))
    if not relaxed:
        return len(set(gold) & set(predicted))
    pairs = sorted(((_overlap(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(predicted)
                    if _overlap(g, p) > 0), reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, i, j in pairs:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
    return len(used_gold)


@dataclass
class Tally:
    """Counts for precision and recall of one role under one matching rule."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, gold: Sequence[Span], predicted: Sequence[Span], relaxed: bool) -> None:
        self.matched += match_count(gold, predicted, relaxed)
        self.predicted += len(set(predicted))
        self.gold += len(set(gold))

    def prf(self) -> tuple[float, float, float]:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def set_aside_reciprocal(predicted: list[Span], gold: list[Span], reciprocal: list[Span]) -> list[Span]:
    """Predicted spans without those on an ``R`` party (unless they also touch a gold span)."""
    return [p for p in predicted
            if not any(_overlap(p, r) for r in reciprocal) or any(_overlap(p, g) for g in gold)]


def score_sentence(item: DyadItem, predicted: dict[str, list[Span]], tallies: dict[str, Tally]) -> None:
    """Add one sentence to the tallies ``{role}_{exact|strict|overlap}`` for roles S and T."""
    reciprocal = item.spans.get("R", [])
    for role in ("S", "T"):
        gold = item.spans.get(role, [])
        pred = set_aside_reciprocal(predicted.get(role, []), gold, reciprocal)
        tallies[f"{role}_strict"].add(gold, pred, relaxed=False)
        tallies[f"{role}_overlap"].add(gold, pred, relaxed=True)
        tallies[f"{role}_exact"].add([strip_article(item.text, g) for g in gold],
                                     [strip_article(item.text, p) for p in pred], relaxed=False)


def new_tallies() -> dict[str, Tally]:
    return {f"{role}_{rule}": Tally() for role in ("S", "T") for rule in ("exact", "strict", "overlap")}


def metrics_of(tallies: dict[str, Tally]) -> dict[str, float]:
    metrics: dict[str, float] = {}
    for role, name in (("S", "source"), ("T", "target")):
        for rule, suffix in (("exact", ""), ("strict", "_strict"), ("overlap", "_overlap")):
            p, r, f = tallies[f"{role}_{rule}"].prf()
            metrics[f"{name}_p{suffix}"], metrics[f"{name}_r{suffix}"], metrics[f"{name}_f1{suffix}"] = p, r, f
    return metrics


def predicted_spans(events: Sequence) -> dict[str, list[Span]]:
    """Source and target spans of the main event and its compound siblings (module docstring)."""
    main = top_event(events)
    if main is None:
        return {"S": [], "T": []}
    group = [e for e in events if not e.negated and e.trigger == main.trigger
             and e.code.cameo == main.code.cameo and abs(e.confidence - main.confidence) < 1e-9]
    sources = [(e.source.start, e.source.end) for e in group if e.source is not None]
    targets = [(e.target.start, e.target.end) for e in group if e.target is not None]
    return {"S": list(dict.fromkeys(sources)), "T": list(dict.fromkeys(targets))}


def run(data_dir: Path, sample: int | None = None) -> SuiteResult:
    """Score source/target spans on the ConfliBERT sentences (``sample``: the first N)."""
    items = read_conll(Path(data_dir) / GOLD)
    if sample:
        items = items[:sample]
    coder = SentenceCoder()
    tallies = new_tallies()
    with_event = 0
    for item in items:
        predicted = predicted_spans(coder.events(item.text, f"dyads-{item.index}"))
        with_event += bool(predicted["S"] or predicted["T"])
        score_sentence(item, predicted, tallies)
    metrics = metrics_of(tallies)
    metrics["coverage"] = with_event / len(items) if items else 0.0
    counts = {"sentences": len(items), "with_event": with_event,
              "gold_sources": tallies["S_exact"].gold, "gold_targets": tallies["T_exact"].gold,
              "predicted_sources": tallies["S_exact"].predicted,
              "predicted_targets": tallies["T_exact"].predicted,
              "sources_matched": tallies["S_exact"].matched, "targets_matched": tallies["T_exact"].matched,
              "coder_failures": coder.failures}
    details = [f"coder failed on {coder.failures} sentences (counted as no event); first: {coder.first_error}"] \
        if coder.failures else []
    return SuiteResult("dyads", metrics, details, counts)
