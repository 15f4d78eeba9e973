"""A stable digest of everything the coder outputs, to prove a speed change changes nothing.

Codes the throughput benchmark's corpus (the same real articles as ``throughput.py``) and the
seed example, serialises every article with ``Article.to_json(include_text=True)`` (sorted
keys), and prints one SHA-256 over all of them.  A speed change is output-identical when the
digest before and after is the same.  ``--out FILE`` also writes one line per article (its
name and digest) so that two runs can be compared with ``diff`` to find the article that moved;
``--dump DIR`` writes each article's JSON, to see what moved.

    python benchmarks/fingerprint.py [--limit 300] [--out before.txt] [--dump DIR]

Other engineers land accuracy changes on main meanwhile, so take a fresh reference digest
after every rebase, before the next speed change.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def corpus(data: Path, limit: int) -> list[tuple[str, str, str | None]]:
    """(name, text, date) of the benchmark articles and the seed example."""
    from throughput import load_texts

    from dyadline.evaluation.seed import DATE, example_dir

    items = [(f"bench-{k:03d}", text, date) for k, (text, date) in enumerate(load_texts(data, limit))]
    try:
        seed = example_dir(data) / "article.txt"
        items.append(("seed", seed.read_text(encoding="utf-8"), DATE))
    except Exception as error:  # noqa: BLE001 - the digest still covers the corpus
        print(f"fingerprint: no seed example ({error})", file=sys.stderr)
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="shared data folder (default ../shared/data)")
    parser.add_argument("--limit", type=int, default=300, help="number of benchmark articles")
    parser.add_argument("--out", type=Path, default=None, help="write one 'name digest' line per article")
    parser.add_argument("--dump", type=Path, default=None, help="write each article's JSON to this folder")
    args = parser.parse_args(argv)

    from dyadline import Coder
    from dyadline.evaluation import default_data_dir

    data = args.data or default_data_dir()
    coder = Coder()
    whole = hashlib.sha256()
    lines = []
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
    for name, text, date in corpus(data, args.limit):
        record = coder.analyse(text, date=date, id=name).to_json(include_text=True)
        blob = json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")
        whole.update(blob)
        lines.append(f"{name} {hashlib.sha256(blob).hexdigest()[:16]}")
        if args.dump:
            (args.dump / f"{name}.json").write_text(json.dumps(record, sort_keys=True, indent=1,
                                                               ensure_ascii=False), encoding="utf-8")
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} articles  digest {whole.hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
