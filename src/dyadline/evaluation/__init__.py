"""Scoring the coder on gold sets that others wrote (``dyadline eval SUITE``).

Each suite is a module in this package with a ``run(data_dir, sample=None) -> SuiteResult``
function, registered in :data:`SUITES`.  Suites read gold from ``../shared/data`` (or a
directory given with ``--data``) and run the coder only through its public Python API.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

#: suite name -> "module:function"; each function takes (data_dir: Path, sample: int | None).
SUITES: dict[str, str] = {
    "seed": "dyadline.evaluation.seed:run",
    "petrarch": "dyadline.evaluation.petrarch:run",
    "timebank": "dyadline.evaluation.timebank:run",
    "quotes": "dyadline.evaluation.quotes:run",
    "geo": "dyadline.evaluation.geo:run",
    "quad": "dyadline.evaluation.quad:run",
    "dyads": "dyadline.evaluation.dyads:run",
}


class GoldMissing(FileNotFoundError):
    """The gold data for a suite is not where it was looked for."""


@dataclass
class SuiteResult:
    """Metrics of one suite: a flat mapping of names to numbers, plus details for people."""

    suite: str
    metrics: dict[str, float]
    details: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"suite": self.suite, "metrics": self.metrics, "counts": self.counts}


def default_data_dir() -> Path:
    """``$DYADLINE_SHARED/data`` or ``../shared/data`` beside the checkout or the working directory."""
    env = os.environ.get("DYADLINE_SHARED")
    candidates = [Path(env) / "data"] if env else []
    here = Path(__file__).resolve()
    candidates += [p / "shared" / "data" for p in here.parents[3:5]]
    candidates += [Path.cwd().parent / "shared" / "data", Path.cwd() / "shared" / "data"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0] if candidates else Path("../shared/data")


def run_suite(name: str, data_dir: Path | None = None, sample: int | None = None) -> SuiteResult:
    if name not in SUITES:
        raise KeyError(f"unknown suite {name!r}; known: {', '.join(sorted(SUITES))}, all")
    module_name, func_name = SUITES[name].split(":")
    func: Callable[..., SuiteResult] = getattr(importlib.import_module(module_name), func_name)
    return func(data_dir or default_data_dir(), sample=sample)
