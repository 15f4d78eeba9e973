"""The accuracy baseline that CI holds the coder to (``benchmarks/baseline.json``).

Every registered suite runs on a deterministic sample (its first N documents, :data:`SAMPLES`)
so that all of them together finish in a few minutes on a laptop.  The figures of that run
are recorded in ``benchmarks/baseline.json``; ``tests/test_eval_suites.py`` runs the same
samples and fails when a figure falls more than :data:`TOLERANCE` below its recorded value
(or above it, for the few metrics where lower is better, such as errors in km; for figures
outside [0, 1] the tolerance is a fraction of the recorded value).  Timings are not recorded:
they measure the machine's load as much as the coder.

Refresh the baseline after a change that moves the figures on purpose (and say so in the
commit message)::

    python -m dyadline.evaluation.baseline --update            # every suite
    python -m dyadline.evaluation.baseline --update quad dyads # some suites
    python -m dyadline.evaluation.baseline                     # check, as CI does

``make baseline`` runs the first of these.  A suite that cannot find its gold data is left
out of an update (its recorded entry, if any, is kept) and skipped by the check.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path
from typing import Any

from . import SUITES, GoldMissing, SuiteResult, default_data_dir, run_suite

#: Where the baseline lives in a checkout (``src/dyadline/evaluation`` -> repository root).
BASELINE = Path(__file__).resolve().parents[3] / "benchmarks" / "baseline.json"
#: How far a figure may fall below its baseline before CI fails.
TOLERANCE = 0.02
#: CI sample per suite: the first N documents (sentences, articles, records) of each gold
#: set the suite reads; None runs the suite in full (seed is one article).
SAMPLES: dict[str, int | None] = {
    "seed": None,
    "quad": 400,
    "dyads": 400,
    "timebank": 40,
    "geo": 25,
    "quotes": 25,
    "petrarch": None,
}
#: Sample for a suite registered after this table was written.
DEFAULT_SAMPLE = 20
#: Metric-name parts that mean "lower is better"; the direction is stored per metric in the
#: baseline file, where a person may correct it (an update keeps what the file says).
_LOWER_IS_BETTER = ("_km", "_auc", "spurious", "mean_error", "median_error", "error_rate")
# (geo's AUC is the area under ln(1 + error in km); petrarch's "cat_error_*" are shares of
# records of the "error" category coded right, so higher is better there)
#: Timings are not accuracy and vary with the machine's load: they are not recorded.
_TIMING = ("ms_per", "seconds", "per_second", "_ms", "latency")


def sample_for(suite: str) -> int | None:
    return SAMPLES.get(suite, DEFAULT_SAMPLE)


def lower_is_better(metric: str) -> bool:
    return any(part in metric for part in _LOWER_IS_BETTER)


def is_timing(metric: str) -> bool:
    return any(part in metric for part in _TIMING)


def allowance(recorded: float, tolerance: float) -> float:
    """How far a figure may move the wrong way: ``tolerance`` for shares and scores in [0, 1],
    the same fraction of the recorded value for figures in other units (a mean error in km)."""
    return tolerance * max(1.0, abs(recorded))


def load(path: Path = BASELINE) -> dict[str, Any]:
    """The baseline file's content (``{"tolerance": ..., "suites": {...}}``); empty if absent."""
    if not path.is_file():
        return {"tolerance": TOLERANCE, "suites": {}}
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("suites"), dict):
        raise ValueError(f"{path}: expected an object with a 'suites' object")
    return data


def entry_for(result: SuiteResult, sample: int | None, seconds: float,
              previous: dict[str, Any] | None = None) -> dict[str, Any]:
    """The baseline record of one suite run.

    The direction of a metric already in ``previous`` is kept as the file says (a person may
    have corrected it); a new metric gets the direction its name suggests.
    """
    known = set((previous or {}).get("metrics", {}))
    kept = set((previous or {}).get("lower_is_better", []))
    metrics = {name: round(float(value), 4) for name, value in sorted(result.metrics.items())
               if isinstance(value, (int, float)) and math.isfinite(float(value)) and not is_timing(name)}
    lower = sorted(name for name in metrics if (name in kept if name in known else lower_is_better(name)))
    return {"sample": sample, "seconds": round(seconds, 1), "metrics": metrics, "lower_is_better": lower}


def regressions(entry: dict[str, Any], result: SuiteResult, tolerance: float = TOLERANCE) -> list[str]:
    """Human-readable lines for every recorded figure that the run fell short of.

    A metric recorded in the baseline and missing from the run is a regression too (a
    renamed metric must be re-recorded on purpose); new metrics are not.
    """
    lower = set(entry.get("lower_is_better", []))
    problems: list[str] = []
    for name, recorded in sorted(entry.get("metrics", {}).items()):
        value = result.metrics.get(name)
        if value is None or not math.isfinite(float(value)):
            problems.append(f"{result.suite}.{name}: recorded {recorded:.4f}, now missing")
            continue
        allowed = allowance(recorded, tolerance)
        if name in lower:
            if value > recorded + allowed:
                problems.append(f"{result.suite}.{name}: {value:.4f} > baseline {recorded:.4f} + {allowed:.4g}"
                                " (lower is better)")
        elif value < recorded - allowed:
            problems.append(f"{result.suite}.{name}: {value:.4f} < baseline {recorded:.4f} - {allowed:.4g}")
    return problems


def timed_run(suite: str, data_dir: Path | None = None, sample: int | None = None) -> tuple[SuiteResult, float]:
    started = time.perf_counter()
    result = run_suite(suite, data_dir, sample=sample)
    return result, time.perf_counter() - started


def update(suites: list[str] | None = None, data_dir: Path | None = None, path: Path = BASELINE,
           echo=print) -> dict[str, Any]:
    """Run the suites on their CI samples and write their figures to the baseline file."""
    data = load(path)
    data["tolerance"] = data.get("tolerance", TOLERANCE)
    for suite in suites or sorted(SUITES):
        sample = sample_for(suite)
        try:
            result, seconds = timed_run(suite, data_dir, sample)
        except (GoldMissing, FileNotFoundError) as exc:
            echo(f"{suite}: gold data not found, entry left as it was ({exc})")
            continue
        data["suites"][suite] = entry_for(result, sample, seconds, data["suites"].get(suite))
        echo(f"{suite}: recorded {len(result.metrics)} metrics on sample {sample} in {seconds:.1f} s")
    data["suites"] = dict(sorted(data["suites"].items()))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return data


def check(suites: list[str] | None = None, data_dir: Path | None = None, path: Path = BASELINE,
          echo=print) -> list[str]:
    """Run the suites on their CI samples; every regression against the baseline, as lines."""
    data = load(path)
    tolerance = float(data.get("tolerance", TOLERANCE))
    problems: list[str] = []
    for suite in suites or sorted(SUITES):
        entry = data["suites"].get(suite)
        if entry is None:
            problems.append(f"{suite}: no baseline recorded; run python -m dyadline.evaluation.baseline "
                            f"--update {suite}")
            continue
        try:
            result, seconds = timed_run(suite, data_dir, entry.get("sample"))
        except (GoldMissing, FileNotFoundError) as exc:
            echo(f"{suite}: skipped, gold data not found ({exc})")
            continue
        found = regressions(entry, result, tolerance)
        problems += found
        echo(f"{suite}: {'ok' if not found else f'{len(found)} regression(s)'} in {seconds:.1f} s")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dyadline.evaluation.baseline",
                                     description="Check the eval suites against benchmarks/baseline.json, "
                                                 "or record a new baseline with --update.")
    parser.add_argument("suites", nargs="*", help="suites (default: all registered)")
    parser.add_argument("--update", action="store_true", help="record the figures instead of checking")
    parser.add_argument("--data", type=Path, default=None, help="gold data folder (default ../shared/data)")
    parser.add_argument("--baseline", type=Path, default=BASELINE, help=f"baseline file (default {BASELINE})")
    args = parser.parse_args(argv)
    unknown = [s for s in args.suites if s not in SUITES]
    if unknown:
        parser.error(f"unknown suite(s) {', '.join(unknown)}; known: {', '.join(sorted(SUITES))}")
    data_dir = args.data or default_data_dir()
    if args.update:
        update(args.suites or None, data_dir, args.baseline)
        return 0
    problems = check(args.suites or None, data_dir, args.baseline)
    for line in problems:
        print(line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
