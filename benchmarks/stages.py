"""Where the coder's time goes: each stage's CPU time as a multiple of spaCy's tokenizer alone.

The throughput benchmark (``throughput.py``) gives the one number that matters (the coder
against spaCy's blank tokenizer and sentencizer, target ratio >= 1/3, i.e. the whole coder
within 3x spaCy's time).  This one splits the coder's time by stage so that work can go
where it pays.  Each article runs every stage in turn, all on process CPU time, best of
``--repeat`` passes.  spaCy alone and the whole coder are timed in their own loops over all the
articles, as ``throughput.py`` times them: run between the stages, spaCy finds its caches cold and
takes about a fifth longer, which made the multiples look better than the throughput ratio.

    python benchmarks/stages.py [--limit 200] [--repeat 3] [--stage geo]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stage", default=None, help="time only this stage (and spaCy)")
    args = parser.parse_args(argv)

    from throughput import load_texts

    from dyadline import Coder
    from dyadline.actors import find_mentions
    from dyadline.evaluation import default_data_dir
    from dyadline.events import code_events, load_lexicon
    from dyadline.events.speech import speech_events
    from dyadline.geo import event_location, find_places
    from dyadline.text import segment
    from dyadline.text.quotes import find_quotations
    from dyadline.text.segment import nlp
    from dyadline.time import find_time_expressions

    texts = load_texts(default_data_dir(), args.limit)
    coder = Coder()
    for text, date in texts:  # warm every cache once
        coder.analyse(text, date=date)
    lexicon, pipeline = load_lexicon(), nlp()
    clock = time.process_time
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        spent = dict.fromkeys(["spacy", "segment", "actors", "time", "geo", "quotes", "events", "coder"], 0.0)
        start = clock()
        for text, _ in texts:
            list(pipeline(text).sents)
        spent["spacy"] = clock() - start
        start = clock()
        for text, date in texts:
            coder.analyse(text, date=date)
        spent["coder"] = clock() - start
        for text, date in texts:
            start = clock()
            doc = segment(text)
            spent["segment"] += clock() - start
            start = clock()
            mentions = find_mentions(doc, date)
            spent["actors"] += clock() - start
            start = clock()
            dates = find_time_expressions(doc, date)
            spent["time"] += clock() - start
            start = clock()
            places = find_places(doc, mentions)
            spent["geo"] += clock() - start
            start = clock()
            find_quotations(doc)
            spent["quotes"] += clock() - start
            start = clock()
            code_events(doc, "x", date, mentions, dates, places, lexicon, locate=event_location)
            spent["events"] += clock() - start
        for key, value in spent.items():
            best[key] = min(best.get(key, value), value)
    base = best["spacy"]
    shown = [args.stage] if args.stage else ["segment", "actors", "time", "geo", "quotes", "events"]
    print(f"{len(texts)} articles; spaCy tokenizer+sentencizer {base:.3f} s CPU = 1.00x")
    for key in shown:
        print(f"  {key:<8} {best[key]:.3f} s  {best[key] / base:5.2f}x")
    print(f"  whole coder {best['coder']:.3f} s  {best['coder'] / base:5.2f}x  (target <= 3.00x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
