"""Values of financial-news expressions: quarters and halves ("the third quarter",
"Q3 2024", "the first half of the year") and the "year-earlier" comparison, anchored to the
quarter the article reports on (``Context.last_quarter``) as TimeBank does."""

from __future__ import annotations

from . import calendar as cal
from .context import Context, Result, duration_value, parse_number
from .patterns import ORDINALS


def h_yearago(g: dict[str, str], ctx: Context) -> Result:
    what = (g.get("what") or "").lower()
    if "months" in what:
        amount = parse_number(what.split()[0].replace("-", " ")) if what.split() else None
        return duration_value(amount, "month"), "DURATION"
    if ctx.dct is None:
        return "XXXX", "DATE"
    adj = " ".join((g.get("adj") or "").lower().split())
    anchor = ctx.date_in_sentence() if adj == "year earlier" and not what else None
    if anchor is not None:
        # "for the six months ended Aug. 12, ... compared with ... a year earlier": a year
        # before the date the sentence gave (an "ago" counts from the publication date)
        year, month, day = int(anchor[:4]) - 1, anchor[5:7], anchor[8:10]
        return f"{year}-{month}-{'28' if month + day == '0229' else day}", "DATE"
    ordinal = ORDINALS.get(what.split()[0]) if what.split() else None
    if ordinal and "quarter" in what:
        year = ctx.dct.year if ordinal <= cal.quarter_of(ctx.dct) else ctx.dct.year - 1
        return f"{year - 1}-Q{ordinal}", "DATE"
    if ctx.last_quarter and ("quarter" in what or "period" in what or not what):
        year, quarter = ctx.last_quarter
        return f"{year - 1}-Q{quarter}", "DATE"
    return str(ctx.dct.year - 1), "DATE"


def h_quarter(g: dict[str, str], ctx: Context) -> Result:
    if g.get("qh"):  # "Q3 2024", "H1 2025", "Q4"
        if g["qh"] != g["qh"].upper():
            return None
        kind, n = g["qh"].upper(), int(g["qn"])
        if kind == "H" and n > 2:
            return None
        if g.get("qyear3"):
            year = int(g["qyear3"])
        elif ctx.dct is None:
            return f"XXXX-{kind}{n}", "DATE"
        elif kind == "H":
            return None  # "H1" alone is too often something else
        else:
            year = ctx.dct.year if n <= cal.quarter_of(ctx.dct) else ctx.dct.year - 1
        if kind == "Q" and (year, n) <= ((ctx.dct.year, cal.quarter_of(ctx.dct)) if ctx.dct else (9999, 4)):
            ctx.report_quarter((year, n))
        return f"{year}-{kind}{n}", "DATE"
    det = (g.get("det") or "").lower()
    mods = " ".join((g.get("mods") or "").lower().replace("-", "- ").split())
    kind = (g.get("q") or g.get("q2") or "").lower()
    ordinal = ORDINALS.get((g.get("ord") or g.get("ord2") or "").lower())
    year_text = g.get("qyear0") or g.get("qyear") or g.get("qyear2")
    if kind == "half" and not ordinal:
        # "the last half of 1989" is its second half; a bare "the last half" may be anything's
        if mods.split()[-1:] != ["last"] or not (year_text or g.get("qthis")):
            return None
        ordinal = 2
    if kind == "period" and not mods.strip() and not year_text:
        return None  # "the 1989 period" is that year's quarter in a quarterly report
    if not ordinal and not (det or mods or year_text):
        return None
    if det == "a" and not ordinal:
        return None
    if ctx.dct is None and not year_text:
        return (f"XXXX-{'H' if kind == 'half' else 'Q'}{ordinal}" if ordinal else "XXXX-QX"), "DATE"
    dct = ctx.dct
    year = int(year_text) if year_text else None
    if year is None and ("year's" in det):
        year = dct.year + {"this": 0, "last": -1, "next": 1}[det.split()[0]]
    if year is None and g.get("qthis"):  # "the second half of the year", "... of next year"
        year = dct.year + {"the": 0, "this": 0, "last": -1, "next": 1}[g["qthis"].lower()]
    year_before = "year- earlier" in mods or "year- ago" in mods
    if kind == "half":
        if year is None:
            half_now = 1 if dct.month <= 6 else 2
            year = dct.year if ordinal <= half_now or ctx.tense() == "future" else dct.year - 1
        return f"{year}-H{ordinal}", "DATE"
    if ordinal:
        if year is None:
            current = cal.quarter_of(dct)
            if "next" in mods or "coming" in mods:
                year = dct.year if ordinal > current else dct.year + 1
            else:
                year = dct.year if ordinal <= current else dct.year - 1
            if year_before:
                year -= 1
        if dct is not None and (year, ordinal) <= (dct.year, cal.quarter_of(dct)):
            ctx.report_quarter((year, ordinal))  # the quarter the article reports on
        return f"{year}-Q{ordinal}", "DATE"
    if year is not None:
        return f"{year}-Q{ctx.last_quarter[1] if ctx.last_quarter else 'X'}", "DATE"
    if "current" in mods or det.startswith("this"):
        return f"{dct.year}-Q{cal.quarter_of(dct)}", "DATE"
    if "next" in mods or "coming" in mods:
        y, q = cal.add_quarters(dct.year, cal.quarter_of(dct), 1)
        return f"{y}-Q{q}", "DATE"
    if ctx.last_quarter:
        y, q = ctx.last_quarter
    else:
        y, q = cal.add_quarters(dct.year, cal.quarter_of(dct), -1)
    if "previous" in mods or "preceding" in mods or "last" in mods and ctx.last_quarter:
        y, q = cal.add_quarters(y, q, -1)
    if year_before:
        y -= 1
    return f"{y}-Q{q}", "DATE"
