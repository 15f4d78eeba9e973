"""Throughput of the coder against spaCy's blank tokenizer and sentencizer alone.

Both run in one process, in the same run, over the same real news texts (TimeBank/AQUAINT and
PolNeAR from ../shared/data/dev), so the ratio does not depend on the machine.  Time is the
process's CPU time (``time.process_time``), so other work on a shared machine does not skew the
ratio; the two sides' passes alternate, ``--repeat`` of each, and each side keeps its best.  The issue's
bar: the coder reaches at least a third of the tokenizer's sentences per second.

    python benchmarks/throughput.py [--data ../shared/data] [--limit 300] [--repeat 2] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def load_texts(data: Path, limit: int) -> list[tuple[str, str | None]]:
    """(text, publication date) of up to ``limit`` real articles."""
    from dyadline.evaluation.timebank import read_tml

    texts: list[tuple[str, str | None]] = []
    tml = sorted((data / "dev" / "temporal").rglob("*.tml"))
    for path in tml[: limit // 2]:
        doc = read_tml(path)
        texts.append((doc.text, doc.dct))
    polnear = sorted((data / "dev" / "quotes" / "PolNeAR").glob("*/text/*"))
    for path in polnear[: limit - len(texts)]:
        if path.is_file():
            texts.append((path.read_text(encoding="utf-8"), "2016-10-01"))
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="shared data folder (default ../shared/data)")
    parser.add_argument("--limit", type=int, default=300, help="number of articles")
    parser.add_argument("--repeat", type=int, default=2, help="timed passes of each (best is kept)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    from dyadline import Coder
    from dyadline.evaluation import default_data_dir
    from dyadline.text.segment import nlp

    data = args.data or default_data_dir()
    if not data.is_dir():
        print(f"throughput: data folder {data} not found", file=sys.stderr)
        return 1
    texts = load_texts(data, args.limit)
    pipeline = nlp()
    coder = Coder()
    coder.analyse(texts[0][0], date=texts[0][1])  # warm-up: dictionaries, gazetteer, lexicon

    def spacy_pass() -> int:
        return sum(sum(1 for _ in pipeline(text).sents) for text, _ in texts)

    def coder_pass() -> int:
        return sum(len(coder.analyse(text, date=date).sentences) for text, date in texts)

    def timed(run) -> tuple[float, int]:
        start = time.process_time()
        count = run()
        return time.process_time() - start, count

    # the passes alternate (spaCy, coder, spaCy, coder, ...) and each side keeps its best, so that
    # a slow spell of a shared machine falls on both sides instead of on one
    spacy_times, coder_times = [], []
    for _ in range(args.repeat):
        seconds, spacy_sentences = timed(spacy_pass)
        spacy_times.append(seconds)
        seconds, coder_sentences = timed(coder_pass)
        coder_times.append(seconds)
    spacy_seconds, coder_seconds = min(spacy_times), min(coder_times)
    characters = sum(len(t) for t, _ in texts)
    result = {
        "articles": len(texts),
        "characters": characters,
        "spacy_sentences": spacy_sentences,
        "spacy_sentences_per_second": round(spacy_sentences / spacy_seconds, 1),
        "coder_sentences": coder_sentences,
        "coder_sentences_per_second": round(coder_sentences / coder_seconds, 1),
        "ratio": round((coder_sentences / coder_seconds) / (spacy_sentences / spacy_seconds), 3),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{len(texts)} articles, {characters:,} characters")
        print(f"spaCy blank tokenizer + sentencizer: {result['spacy_sentences_per_second']:>9,.1f} sentences/s")
        print(f"dyadline coder (everything):          {result['coder_sentences_per_second']:>9,.1f} sentences/s")
        print(f"ratio coder / tokenizer: {result['ratio']:.3f} (target >= 0.333)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
