"""A corpus made long by repetition: the same JSONL articles copied under new ids.

Load tests need a corpus of a chosen size whose every article is real text: the ingest benchmark
times it, and the kill-and-resume test needs a run long enough to kill mid-way.  Each copy gets
the id ``<id>-<copy>``, so the store sees distinct articles (ingest is keyed by id and text).
"""

from __future__ import annotations

import json
from pathlib import Path


def replicate_jsonl(source: Path, dest: Path, copies: int) -> int:
    """Write ``copies`` copies of the JSONL corpus ``source`` to ``dest``; return the record count."""
    lines = [line for line in Path(source).read_text(encoding="utf-8").splitlines() if line.strip()]
    with open(dest, "w", encoding="utf-8") as handle:
        for copy in range(copies):
            for line in lines:
                record = json.loads(line)
                record["id"] = f"{record['id']}-{copy}"
                handle.write(json.dumps(record) + "\n")
    return copies * len(lines)
