"""Ingest throughput on 1 and 2 Dask workers, and the scaling efficiency, in one run.

The corpus is the bundled example corpus (examples/corpus) repeated under new ids, so the
benchmark needs nothing outside the repository.  Each configuration ingests the same corpus
into a fresh database:

- ``single``: the analysis in the ingesting process (no Dask), for reference;
- ``dask-1`` and ``dask-2``: a local Dask cluster of 1 and 2 worker processes.

Throughput is new articles per second of the ingest proper (from the moment the cluster has
started and every worker has built its coder to the last batch written; start-up is reported
apart, and the cluster's shut-down is not counted).  Scaling efficiency
is throughput(2 workers) / (2 x throughput(1 worker)).  On a machine with 2 cores, the
ingesting process (reading, writing to DuckDB) competes with the two workers, so the
efficiency measured there is a lower bound.

Other processes on the machine slow some runs down; ``--repeat R`` runs each configuration R
times (interleaved) and keeps the fastest, which is the usual way to measure through noise.

    python benchmarks/ingest.py [--copies 20] [--batch-size 64] [--write-size 256] [--repeat 1]
                                [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus" / "articles.jsonl"


def run(corpus: Path, workdir: Path, name: str, workers: int, batch_size: int,
        write_size: int) -> dict:
    from dyadline.store.ingest import ingest

    workdir.mkdir(exist_ok=True)
    db = workdir / f"{name}.duckdb"
    started = time.perf_counter()
    summary = ingest([str(corpus)], db, workers=workers, batch_size=batch_size,
                     write_size=write_size)
    wall = time.perf_counter() - started
    working = summary.work_seconds
    return {"config": name, "workers": workers, "articles": summary.new_articles,
            "events": summary.events, "startup_s": round(summary.startup_seconds, 2),
            "ingest_s": round(working, 2), "wall_s": round(wall, 2),
            "articles_per_s": round(summary.new_articles / working, 1) if working > 0 else None,
            # Analysis time per article where it ran: if it rises with the number of workers,
            # the workers are competing for CPU (too few free cores), not waiting on dyadline.
            "analysis_ms_per_article": round(1000 * summary.analysis_seconds / summary.new_articles, 2)
            if summary.new_articles else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=20, help="Times the example corpus is repeated.")
    parser.add_argument("--batch-size", type=int, default=64, help="Articles per analysis task.")
    parser.add_argument("--write-size", type=int, default=256, help="Articles per transaction.")
    parser.add_argument("--repeat", type=int, default=1, help="Runs per configuration; the fastest is kept.")
    parser.add_argument("--json", action="store_true", help="Print one JSON object.")
    args = parser.parse_args()
    from dyadline.store.replicate import replicate_jsonl

    with tempfile.TemporaryDirectory(prefix="dyadline-bench-") as tmp:
        workdir = Path(tmp)
        corpus = workdir / "corpus.jsonl"
        n = replicate_jsonl(CORPUS, corpus, args.copies)
        best: dict[str, dict] = {}
        for attempt in range(max(1, args.repeat)):
            for name, workers in (("single", 0), ("dask-1", 1), ("dask-2", 2)):
                result = run(corpus, workdir / f"{attempt}", name, workers, args.batch_size,
                             args.write_size)
                if name not in best or (result["articles_per_s"] or 0) > (best[name]["articles_per_s"] or 0):
                    best[name] = result
        results = [best["single"], best["dask-1"], best["dask-2"]]
    one, two = results[1]["articles_per_s"], results[2]["articles_per_s"]
    efficiency = round(two / (2 * one), 3) if one and two else None
    report = {"corpus_articles": n, "cpus": os.cpu_count(), "batch_size": args.batch_size,
              "repeat": args.repeat, "load_average": [round(x, 2) for x in os.getloadavg()],
              "runs": results, "speedup_2_over_1": round(two / one, 3) if one and two else None,
              "scaling_efficiency": efficiency}
    if args.json:
        print(json.dumps(report))
        return
    print(f"ingest benchmark: {n} articles (example corpus x {args.copies}), "
          f"{os.cpu_count()} CPUs, batch size {args.batch_size}, best of {args.repeat}, "
          f"load average now {report['load_average']}")
    print(f"{'config':<8} {'workers':>7} {'start-up s':>10} {'ingest s':>9} {'articles/s':>11} "
          f"{'analysis ms/article':>20}")
    for r in results:
        print(f"{r['config']:<8} {r['workers']:>7} {r['startup_s']:>10} {r['ingest_s']:>9} "
              f"{r['articles_per_s']:>11} {r['analysis_ms_per_article']:>20}")
    print(f"speed-up 2 vs 1 worker: {report['speedup_2_over_1']}; "
          f"scaling efficiency: {efficiency}")


if __name__ == "__main__":
    main()
