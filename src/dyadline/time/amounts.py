"""Values of durations, recurring times and references to the present, past or future:
"for three days" -> ``P3D``, "every week" -> ``P1W`` (SET), "recently" -> ``PAST_REF``."""

from __future__ import annotations

import re

from .context import Context, Result, duration_value, month_number, parse_number
from .lexicon import lexicon


def h_set(g: dict[str, str], ctx: Context) -> Result:
    if g.get("each"):
        name = g["each"]
        if name.lower() in lexicon().weekdays:
            return f"XXXX-WXX-{lexicon().weekdays[name.lower()]}", "SET"
        return f"XXXX-{month_number(name):02d}", "SET"
    if g.get("wdset"):
        return f"XXXX-WXX-{lexicon().weekdays[g['wdset'].lower()]}", "SET"
    phrase = " ".join((g.get("set") or g.get("aset")).lower().split())
    return lexicon().sets[phrase], "SET"


def h_duration(g: dict[str, str], ctx: Context) -> Result:
    if g.get("half"):
        phrase = " ".join(g["half"].lower().split())
        unit = next(u for u in ("hour", "day", "year", "century") if u in phrase)
        return duration_value(0.5, unit), "DURATION"
    if g.get("unit2"):  # "the last week": the week before (see ``the_adjacent_unit``)
        from .relative import the_adjacent_unit

        adjacent = the_adjacent_unit(f"the {g['rel2']}", g["unit2"], ctx)
        return adjacent if adjacent is not None else (duration_value(1, g["unit2"]), "DURATION")
    if g.get("unit5"):  # "another year", "an additional week"
        return duration_value(1, g["unit5"]), "DURATION"
    num = g["num"]
    unit = g["unit"]
    if g.get("suffix", "").lower() == "-old" or re.match(r"\s+old\b", ctx.after(5)):
        return None  # an age ("a 6-year-old"), not a time
    unit_lower = unit.lower()
    if unit_lower.startswith("second") and num.lower() in ("a", "one") or \
            unit_lower.startswith("quarter") and ("-" in g.get("sep", "") and unit_lower.endswith("s")
                                                  or num.lower() in ("a", "an", "one", "three")
                                                  and not g.get("rel")):
        return None  # "a second time", "three-quarters of", "a quarter of the vote"
    first = re.split(r"\s*(?:-|\bto\b|\bor\b)\s*", num.strip(), maxsplit=1)[0] if re.search(
        r"\d\s*-\s*\d|\bto\b|\bor\b", num) else num
    amount = parse_number(first)
    if amount is not None and g.get("andhalf"):
        amount += 0.5
    if amount is None and parse_number(num) is None and not _is_vague(num):
        return None
    value = duration_value(amount, unit)
    return value, "DURATION"


def _is_vague(num: str) -> bool:
    return " ".join(num.lower().split()) in lexicon().vague_numbers


def h_bareunits(g: dict[str, str], ctx: Context) -> Result:
    unit = (g.get("units") or g["long"].split("-")[0]).lower()
    return duration_value(None, unit), "DURATION"


def h_reference(g: dict[str, str], ctx: Context) -> Result:
    phrase = " ".join(g["ref"].lower().split())
    value = lexicon().references[phrase]
    return value, "DATE" if value.endswith("_REF") else "DURATION"
