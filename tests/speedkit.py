"""Speed checks as ratios: a stage's CPU time against spaCy's tokenizer on the same text.

Speed tests compare two figures taken in the same test, never a figure against a number of
seconds: a ratio holds on a slow or loaded machine (CI shares its cores), an absolute time does
not.  The bounds are loose on purpose: they catch a stage that turns quadratic or rebuilds its
data per call, while `benchmarks/` measures the real figures.
"""

from __future__ import annotations

import time
from typing import Callable


def cpu_seconds(work: Callable[[], object], runs: int = 3) -> float:
    """The best of ``runs`` process-CPU times of ``work()``."""
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def spacy_seconds(text: str, repeat: int = 1) -> float:
    """CPU time of spaCy's blank tokenizer and sentencizer alone over ``text``, ``repeat``
    times (best of three)."""
    from dyadline.text.segment import nlp

    pipeline = nlp()
    return cpu_seconds(lambda: [list(pipeline(text).sents) for _ in range(repeat)])
