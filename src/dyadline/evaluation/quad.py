"""The ``quad`` suite: quad-class accuracy on ConfliBERT's CAMEO-class sentences.

Gold: ``dev/events/conflibert_quadclass_train.tsv`` (eventdata/ConfliBERT, data credited to
Multi-CoPED), one news sentence (2018-2020) per line, a tab, and its quad class:

    0 = CAMEO 01-02 (statements, appeals)      1 = 03-05 (verbal cooperation)
    2 = 06-08 (material cooperation)           3 = 09-13 (verbal conflict)
    4 = 14-20 (material conflict)

The class of a coded event is the quad class of its CAMEO code in the ontology (the Phoenix
table): roots 01-02 -> 0, 03-05 -> 1, 06-08 -> 2, 09-13 and 16 -> 3, 14-15 and 17-20 -> 4.
The data's README gives 14-20 for class 4, but the sentences themselves follow Phoenix and
put root 16 (reduce relations, sanctions) in verbal conflict: of the 45 sentences that
impose sanctions, cut ties, expel diplomats or suspend something, 37 are labelled 3 and 3
are labelled 4.

Prediction: every sentence is analysed on its own with one :class:`~dyadline.Coder`
(``date`` = :data:`DATE`, a mid-point of the corpus years, so that leaders in office are
resolved as the reporter would).  The sentence's class is that of its **highest-confidence
non-negated event** (ties: the first in text order).  A sentence whose events are all
negated, or which has none, is "no event".  Why the top event: a sentence reports one main
event and the coder's confidence already ranks how well the roles were found; negated
events ("refused to meet") report that something did not happen and their class would be
the opposite of the gold's.

Metrics
- ``coverage``: share of sentences with a predicted class.
- ``accuracy_coded`` / ``macro_f1_coded``: on the sentences with a predicted class.
- ``accuracy_all`` / ``macro_f1_all``: over all sentences, "no event" counted wrong (it
  lowers the recall of the gold class and is no class's prediction).
Macro-F1 is the unweighted mean of the five classes' F1 (a class never predicted and
never gold is left out of the mean).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from . import GoldMissing, SuiteResult

GOLD = Path("dev") / "events" / "conflibert_quadclass_train.tsv"
#: A plausible publication date for sentences from 2018-2020 (leaders' terms are dated).
DATE = "2019-07-01"
CLASSES = (0, 1, 2, 3, 4)
CLASS_NAMES = {0: "statement/appeal", 1: "verbal coop", 2: "material coop", 3: "verbal conflict",
               4: "material conflict"}


@dataclass(frozen=True)
class QuadItem:
    """One gold sentence: its position in the file (0-based), text and quad class."""

    index: int
    text: str
    label: int


def read_quad(path: Path) -> list[QuadItem]:
    """The sentences of a ConfliBERT quad-class TSV; a malformed line raises ValueError naming it."""
    if not path.is_file():
        raise GoldMissing(f"quad-class gold not found: {path}")
    items: list[QuadItem] = []
    with open(path, encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            if not row or not "".join(row).strip():
                continue
            if len(row) != 2 or row[1].strip() not in {str(c) for c in CLASSES}:
                raise ValueError(f"{path}:{number}: expected 'sentence<TAB>class 0-4', got {row!r}")
            items.append(QuadItem(len(items), row[0].strip(), int(row[1])))
    return items


def quad_of_cameo(cameo: str) -> int:
    """The quad class of a CAMEO code under the gold's convention: the ConfliBERT labels follow
    Phoenix's quad classes (16x reduce-relations = 3), not the contract's root ranges that the
    coder's records carry (16x = 4)."""
    from ..ontology import phoenix_quad_class

    return phoenix_quad_class(cameo)


def top_event(events: Iterable) -> object | None:
    """The highest-confidence non-negated event (the first in text order on a tie), or None."""
    best = None
    for event in events:
        if event.negated:
            continue
        if best is None or event.confidence > best.confidence:
            best = event
    return best


def predict_class(events: Iterable) -> int | None:
    """The quad class of a sentence's coded events (see the module docstring), None for no event."""
    event = top_event(events)
    return None if event is None else quad_of_cameo(event.code.cameo)


def classification_scores(gold: Sequence[int], predicted: Sequence[int | None],
                          classes: Sequence[int] = CLASSES) -> dict[str, float]:
    """Accuracy, macro-F1 and per-class precision/recall/F1; ``None`` predictions count as wrong.

    Per-class keys: ``p_<c>``, ``r_<c>``, ``f1_<c>``.  A class with neither gold nor
    predicted items is left out of the macro mean (it says nothing about the coder).
    """
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    scores: dict[str, float] = {"accuracy": (sum(g == p for g, p in zip(gold, predicted)) / len(gold))
                                if gold else 0.0}
    f1s: list[float] = []
    for c in classes:
        tp = sum(1 for g, p in zip(gold, predicted) if g == c and p == c)
        n_pred = sum(1 for p in predicted if p == c)
        n_gold = sum(1 for g in gold if g == c)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[f"p_{c}"], scores[f"r_{c}"], scores[f"f1_{c}"] = precision, recall, f1
        if n_pred or n_gold:
            f1s.append(f1)
    scores["macro_f1"] = sum(f1s) / len(f1s) if f1s else 0.0
    return scores


def confusion(gold: Sequence[int], predicted: Sequence[int | None]) -> dict[tuple[int, int | None], int]:
    """(gold, predicted) -> count."""
    table: dict[tuple[int, int | None], int] = {}
    for g, p in zip(gold, predicted):
        table[(g, p)] = table.get((g, p), 0) + 1
    return table


def score(items: Sequence[QuadItem], predicted: Sequence[int | None]) -> tuple[dict[str, float], dict[str, int]]:
    """The suite's metrics and counts for gold items and their predicted classes."""
    gold = [item.label for item in items]
    coded = [(g, p) for g, p in zip(gold, predicted) if p is not None]
    on_all = classification_scores(gold, predicted)
    on_coded = classification_scores([g for g, _ in coded], [p for _, p in coded])
    metrics = {
        "coverage": len(coded) / len(items) if items else 0.0,
        "accuracy_coded": on_coded["accuracy"],
        "macro_f1_coded": on_coded["macro_f1"],
        "accuracy_all": on_all["accuracy"],
        "macro_f1_all": on_all["macro_f1"],
    }
    for c in CLASSES:
        metrics[f"f1_coded_{c}"] = on_coded[f"f1_{c}"]
    counts: dict[str, int] = {"sentences": len(items), "coded": len(coded),
                              "correct": sum(1 for g, p in coded if g == p)}
    for c in CLASSES:
        counts[f"gold_{c}"] = sum(1 for g in gold if g == c)
        counts[f"predicted_{c}"] = sum(1 for p in predicted if p == c)
        counts[f"correct_{c}"] = sum(1 for g, p in coded if g == p == c)
    return metrics, counts


class SentenceCoder:
    """One coder for a whole run; a sentence it fails on counts as "no event" and is reported.

    Why: one bad sentence must not end the run, and a failure must not pass unnoticed.
    """

    def __init__(self, coder=None):
        if coder is None:
            from ..coder import Coder

            coder = Coder()
        self.coder = coder
        self.failures = 0
        self.first_error = ""

    def events(self, text: str, name: str) -> tuple:
        try:
            return self.coder.analyse(text, date=DATE, id=name).events
        except Exception as exc:  # noqa: BLE001 - any coder error is counted, not raised
            self.failures += 1
            if not self.first_error:
                self.first_error = f"{name}: {type(exc).__name__}: {exc}"
            return ()


def predict_all(items: Sequence[QuadItem], coder: SentenceCoder | None = None) -> list[int | None]:
    """The predicted class of every sentence, with one coder for the whole run."""
    coder = coder or SentenceCoder()
    return [predict_class(coder.events(item.text, f"quad-{item.index}")) for item in items]


def run(data_dir: Path, sample: int | None = None) -> SuiteResult:
    """Score quad classes on the ConfliBERT sentences (``sample``: the first N sentences)."""
    items = read_quad(Path(data_dir) / GOLD)
    if sample:
        items = items[:sample]
    coder = SentenceCoder()
    predicted = predict_all(items, coder)
    metrics, counts = score(items, predicted)
    counts["coder_failures"] = coder.failures
    table = confusion([i.label for i in items], predicted)
    details = ["confusion (rows gold, columns predicted 0-4, none): "
               + "; ".join(f"{g}: " + " ".join(str(table.get((g, p), 0)) for p in (*CLASSES, None))
                           for g in CLASSES)]
    if coder.failures:
        details.append(f"coder failed on {coder.failures} sentences (counted as no event); "
                       f"first: {coder.first_error}")
    return SuiteResult("quad", metrics, details, counts)
