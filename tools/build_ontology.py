"""Build src/dyadline/ontology/data/cameo.tsv from the public CAMEO and PLOVER tables.

Run once by a maintainer (``python tools/build_ontology.py ../shared/data/ontology``); the
output is committed, the inputs are not.  The output holds facts only: each CAMEO code,
its name, the Phoenix Goldstein value and quad class, and the PLOVER event, mode and
context that the CAMEO-to-PLOVER table of the PLOVER manual (draft 0.8, 2021) assigns.
Codes the PLOVER table leaves out (plain statements, 01x) get an empty PLOVER event, as
the contract says.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path


def main(src: Path, out: Path) -> None:
    names: dict[str, str] = {}
    icews: dict[str, str] = {}
    with open(src / "cameo_codes.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            names[row["code"]] = row["name"]
            icews[row["code"]] = row["goldstein"]
    phoenix: dict[str, tuple[str, str]] = {}
    with open(src / "phoenix_cameo_goldstein_quadclass.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            phoenix[row["cameo_code"]] = (row["goldstein_phoenix"], row["quad_class_phoenix"])
    plover: dict[str, tuple[str, str, str]] = {}
    for line in (src / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        code, rest = line.split(":", 1)
        parts = [p.strip() for p in rest.split(",")] + ["", ""]
        plover[code.strip()] = (parts[0], parts[1], parts[2])
    codes = sorted(set(names) | set(phoenix), key=lambda c: (c[:2], len(c), c))
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as handle:
        handle.write("# CAMEO event codes with Goldstein values, quad classes and PLOVER equivalents.\n")
        handle.write("# Goldstein: the Phoenix table (openeventdata/phoenix_pipeline); where Phoenix has no\n")
        handle.write("#   value, the ICEWS CAMEO codebook value.\n")
        handle.write("# Quad class: by CAMEO root as CONTRACT.md fixes it (01-02 = 0, 03-05 = 1, 06-08 = 2,\n")
        handle.write("#   09-13 = 3, 14-20 = 4).  quad_class_phoenix: Phoenix's own classes, which put most of 16x\n")
        handle.write("#   (reduce relations) in 3; only for scoring gold labelled that way (the quad suite).\n")
        handle.write("# PLOVER event/mode/context: CAMEO-to-PLOVER table, PLOVER manual draft 0.8 (2021).\n")
        handle.write("# Built by tools/build_ontology.py; edit here to change what dyadline codes.\n")
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["code", "name", "goldstein", "quad_class", "plover_event", "plover_mode", "plover_context",
                         "quad_class_phoenix"])
        for code in codes:
            root = code[:2]
            gold, phoenix_quad = phoenix.get(code, (icews.get(code, ""), ""))
            quad = str(_quad_of_root(root))  # CONTRACT.md: quad class by CAMEO root, 14-20 = 4
            phoenix_quad = phoenix_quad or quad
            event, mode, context = plover.get(code, ("", "", ""))
            if not event:  # inherit from the nearest parent code the PLOVER table lists
                for parent in (code[:3], code[:2]):
                    if parent in plover and plover[parent][0]:
                        event, mode, context = plover[parent][0], "", plover[parent][2]
                        break
            if root == "01":  # plain statements: PLOVER does not code them
                event, mode = "", ""
            elif root == "02" and not event:  # appeals: the PLOVER manual folds them into REQUEST
                event = "REQUEST"
            writer.writerow([code, names.get(code, ""), gold, quad, event, mode, context, phoenix_quad])


def _quad_of_root(root: str) -> int:
    value = int(root)
    return 0 if value <= 2 else 1 if value <= 5 else 2 if value <= 8 else 3 if value <= 13 else 4


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(__file__).resolve().parents[1] / "src/dyadline/ontology/data/cameo.tsv")
