"""TIMEX3 values for what the patterns found: one handler per rule of ``patterns.RULES``.

A handler reads the rule's groups and the :class:`Context` (publication date, the tense of
the clause around the expression, what the article has said before) and returns
``(value, type)``, or ``None`` to reject the match (a "May" that is a modal verb, "the fall
of the Berlin Wall").  Decisions follow TimeBank's conventions: values at the granularity
of the expression ("last month" -> ``1998-01``), the nearest occurrence for year-less
dates, tense for weekdays and months, the article's running quarter for the financial
"year-earlier quarter".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from . import calendar as cal
from .lexicon import lexicon
from .patterns import ORDINALS

# (value, type), or (value, type, end) to end the expression earlier than the match, or
# None to reject the match
Result = tuple[str, str] | tuple[str, str, int] | None

_AMBIGUOUS_BEFORE = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|through|during|before|after|of|early|late|mid|last"
    r"|next|this|between|and|to|or|on|at|around|for|that|than|every|each|throughout"
    r"|the|a|an|its|his|her|their)"
    r"|[-\u2013,(])\s*$", re.IGNORECASE)
_NOT_SEASON_AFTER = re.compile(r"\s+(?:of|in)\s+(?!\d{4}|the\s+year)", re.IGNORECASE)
_QUANTIFIER_BEFORE = re.compile(
    r"\b(?:about|approximately|nearly|some|over|than|almost|around|least|only|just|roughly"
    r"|up\s+to|all|total\s+of|estimated|No\.|number|No|Flight|flight|Route|route|Highway|Resolution"
    r"|resolution|page|pages)\s*$|[$#]\s*$")
_NOT_YEAR_AFTER = re.compile(
    r"^\s*(?:people|persons|troops|soldiers|men|women|children|tons|votes|members|workers"
    r"|residents|cases|deaths|dead|refugees|times|units|shares|feet|meters|metres|miles"
    r"|kilometers|kilometres|km|dollars|euros|pounds|barrels|[a-z]+-\d)\b")


@dataclass
class Context:
    """What a handler may know: the publication date, the clause's tense, the article so far."""

    dct: date | None
    text: str
    tense_at: Callable[[int, int], str | None]
    start: int = 0
    end: int = 0
    last_quarter: tuple[int, int] | None = None   # (year, quarter) the article talks about
    last_date: str | None = None                  # last fully specified date value
    last_value: str | None = None                 # last date value with a year ("1998-06")

    def tense(self) -> str | None:
        """``past`` or ``future`` from the verb group nearest to the expression, else None (a
        present tense is no evidence either way: on TimeBank it mostly goes with the past)."""
        tense = self.tense_at(self.start, self.end)
        return tense if tense != "present" else None

    def before(self, width: int = 40) -> str:
        return self.text[max(0, self.start - width):self.start]

    def after(self, width: int = 40) -> str:
        return self.text[self.end:self.end + width]


# -- numbers and durations -----------------------------------------------------------------

def parse_number(text: str) -> float | None:
    """"three" -> 3, "twenty-four" -> 24, "5 1/2" -> 5.5, "two and a half" -> 2.5; vague -> None."""
    lex = lexicon()
    s = re.sub(r"\s+", " ", text.strip().lower().replace("-", " "))
    half = 0.0
    if s.endswith(" and a half"):
        s, half = s[: -len(" and a half")], 0.5
    if s.endswith(" 1/2"):
        s, half = s[:-4], 0.5
    if s in lex.vague_numbers:
        return None
    try:
        return float(s) + half
    except ValueError:
        pass
    if s in lex.numbers:
        return lex.numbers[s] + half
    total = 0.0
    for word in s.split():
        if word not in lex.numbers:
            return None
        total += lex.numbers[word]
    return total + half if total else None


def duration_value(amount: float | None, unit_word: str) -> str:
    """``P3D``, ``PT5H``, ``P18M`` (1.5 years), ``PXY`` (an unspecified number of years)."""
    lex = lexicon()
    unit = unit_word.lower()
    unit = "century" if unit == "centuries" else unit.removesuffix("s")
    designator, multiplier, t = lex.units.get(unit, ("D", 1.0, ""))
    if amount is None:
        return f"P{t}X{designator}"
    value = amount * multiplier
    if value != int(value):
        smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "Q": ("M", 3)}
        if t:
            smaller = {"H": ("M", 60), "M": ("S", 60)}
            whole = int(value)
            if designator in smaller and whole:
                sub, factor = smaller[designator]
                return f"PT{whole}{designator}{round((value - whole) * factor)}{sub}"
        if designator in smaller:
            sub, factor = smaller[designator]
            value, designator = value * factor, sub
            if designator == "H":
                t = "T"
    number = int(value) if value == int(value) else round(value, 2)
    return f"P{t}{number}{designator}"


# -- the handlers -------------------------------------------------------------------------


def _month(name: str) -> int:
    """Month number of a name as written: capitalised ("May") or all capitals in a headline or
    dateline ("MAY"); a lower-case "may" is a KeyError, which rejects the match."""
    months = lexicon().months
    if name in months:
        return months[name]
    if name.isupper():
        return months[name.title()]
    raise KeyError(name)


def _rel_direction(rel: str | None) -> str | None:
    if not rel:
        return None
    rel = " ".join(rel.lower().split())
    if rel in ("last", "the previous", "the past", "this past", "past", "that"):
        return "past"
    if rel in ("next", "the following", "the next", "the coming", "coming", "this coming"):
        return "future"
    return "this"


def h_datefull(g: dict[str, str], ctx: Context) -> Result:
    month = _month(g.get("mon") or g["mon2"])
    day = int(re.match(r"\d+", g.get("day") or g["day2"]).group(0))
    year = g.get("year") or g.get("year2")
    if year:
        try:
            return cal.iso(date(int(year), month, day)), "DATE"
        except ValueError:
            return None
    if ctx.dct is None:
        return f"XXXX-{month:02d}-{day:02d}", "DATE"
    weekday = g.get("wd") or g.get("wd2")
    found = cal.day_near(ctx.dct, month, day, ctx.tense() if not weekday else None)
    if found is None:
        return None
    if weekday:  # "Friday, Oct. 23": the year whose Oct. 23 is a Friday, if one is near
        wanted = lexicon().weekdays[weekday.lower()]
        for year_shift in (0, -1, 1):
            try:
                candidate = date(found.year + year_shift, month, day)
            except ValueError:
                continue
            if candidate.isoweekday() == wanted:
                found = candidate
                break
    return cal.iso(found), "DATE"


def h_iso(g: dict[str, str], ctx: Context) -> Result:
    try:
        day = date(int(g["y"]), int(g["m"]), int(g["d"]))
    except ValueError:
        return None
    if g.get("hh"):
        return f"{cal.iso(day)}T{g['hh']}:{g['mm']}", "TIME"
    return cal.iso(day), "DATE"


def h_numeric(g: dict[str, str], ctx: Context) -> Result:
    """1/14/2025 (US order) or 14/1/2025 (day first, when the first number cannot be a month)."""
    first, second = int(g["a"]), int(g["b"])
    month, day = (second, first) if first > 12 else (first, second)
    try:
        return cal.iso(date(int(g["y"]), month, day)), "DATE"
    except ValueError:
        return None


def _relday_date(word: str, ctx: Context) -> date | None:
    if ctx.dct is None:
        return None
    word = " ".join(word.lower().split())
    shift = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
             "the day after tomorrow": 2, "last night": -1, "last evening": -1}.get(word, 0)
    return ctx.dct + timedelta(days=shift)


def _weekday_date(weekday: int, rel: str | None, ctx: Context) -> date | None:
    if ctx.dct is None:
        return None
    direction = _rel_direction(rel)
    if direction == "past":
        return cal.weekday_on_or_before(ctx.dct - timedelta(days=1), weekday)
    if direction == "future":
        return cal.weekday_on_or_after(ctx.dct + timedelta(days=1), weekday)
    if direction == "this":
        return cal.weekday_on_or_after(ctx.dct, weekday)
    if ctx.tense() == "future":  # a present tense is no evidence either way on TimeBank
        return cal.weekday_on_or_after(ctx.dct, weekday)
    return cal.weekday_on_or_before(ctx.dct, weekday)


def h_clock(g: dict[str, str], ctx: Context) -> Result:
    noon = g.get("noon") or g.get("noon2")
    if noon:
        hour, minute = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[noon.lower()]
        rel = g.get("rel2") or g.get("rel3")
        if rel and rel.lower() in lexicon().weekdays:
            day = _weekday_date(lexicon().weekdays[rel.lower()], None, ctx)
        else:
            day = _relday_date(rel, ctx) if rel else ctx.dct
    else:
        hour = int(g.get("h") or g.get("h2") or g["h3"])
        minute = int(g.get("mi") or g.get("mi2") or g.get("mi3") or 0)
        ap = (g.get("ap") or "").lower()
        if ap.startswith("p") and hour < 12:
            hour += 12
        elif ap.startswith("a") and hour == 12:
            hour = 0
        if hour > 24 or minute > 59:
            return None
        rel = g.get("rel")
        if g.get("cmon"):
            found = h_datefull({"mon": g["cmon"], "day": g["cday"]}, ctx)
            day = cal.parse_date(found[0]) if found and found[0][0].isdigit() else None
        elif rel and rel.lower() in lexicon().weekdays:
            day = _weekday_date(lexicon().weekdays[rel.lower()], None, ctx)
        elif rel:
            day = _relday_date(rel, ctx)
        else:
            day = ctx.dct
    clock = f"T{hour:02d}:{minute:02d}"
    return (cal.iso(day) if day else "XXXX-XX-XX") + clock, "TIME"


def h_monthyear(g: dict[str, str], ctx: Context) -> Result:
    if g.get("mon2"):  # "June last year"
        if ctx.dct is None:
            return f"XXXX-{_month(g['mon2']):02d}", "DATE"
        shift = {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
        return cal.month_value(ctx.dct.year + shift, _month(g["mon2"])), "DATE"
    return cal.month_value(int(g["year"]), _month(g["mon"])), "DATE"


def h_yearago(g: dict[str, str], ctx: Context) -> Result:
    what = (g.get("what") or "").lower()
    if "months" in what:
        amount = parse_number(what.split()[0].replace("-", " ")) if what.split() else None
        return duration_value(amount, "month"), "DURATION"
    if ctx.dct is None:
        return "XXXX", "DATE"
    ordinal = ORDINALS.get(what.split()[0]) if what.split() else None
    if ordinal and "quarter" in what:
        year = ctx.dct.year if ordinal <= cal.quarter_of(ctx.dct) else ctx.dct.year - 1
        return f"{year - 1}-Q{ordinal}", "DATE"
    if ctx.last_quarter and ("quarter" in what or "period" in what or not what):
        year, quarter = ctx.last_quarter
        return f"{year - 1}-Q{quarter}", "DATE"
    return str(ctx.dct.year - 1), "DATE"


def h_ago(g: dict[str, str], ctx: Context) -> Result:
    amount = parse_number(g["num"])
    unit = g["unit"].lower().rstrip("s").replace("centurie", "century")
    direction = " ".join(g["dir"].lower().split())
    if direction in ("later", "before", "after") or direction == "earlier" and unit != "year":
        # "three days later", "30 days before the vote": TimeBank marks the duration alone
        value = duration_value(amount, unit)
        end = ctx.start + g["_span"].lower().rindex(direction.split()[0])
        return value, "DURATION", len(ctx.text[:end].rstrip())
    sign = 1 if direction in ("from now", "hence") else -1
    if direction == "earlier" and unit == "year" and amount == 1 and ctx.last_quarter:
        year, quarter = ctx.last_quarter
        return f"{year - 1}-Q{quarter}", "DATE"
    if amount is None or ctx.dct is None:
        return ("PAST_REF" if sign < 0 else "FUTURE_REF"), "DATE"
    n = int(round(amount * sign))
    dct = ctx.dct
    if unit in ("day", "night"):
        return cal.iso(dct + timedelta(days=n)), "DATE"
    if unit in ("week", "fortnight"):
        return cal.week_value(dct + timedelta(weeks=n * (2 if unit == "fortnight" else 1))), "DATE"
    if unit == "month":
        return cal.month_value(*cal.add_months(dct.year, dct.month, n)), "DATE"
    if unit == "quarter":
        year, quarter = cal.add_quarters(dct.year, cal.quarter_of(dct), n)
        return f"{year}-Q{quarter}", "DATE"
    if unit == "year":
        return str(dct.year + n), "DATE"
    if unit == "decade":
        return str(dct.year + 10 * n), "DATE"
    if unit == "century":
        return str(dct.year + 100 * n)[:2], "DATE"
    if unit in ("hour", "minute", "second"):
        return cal.iso(dct), "DATE"
    return None


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
            ctx.last_quarter = (year, n)
        return f"{year}-{kind}{n}", "DATE"
    det = (g.get("det") or "").lower()
    mods = " ".join((g.get("mods") or "").lower().replace("-", "- ").split())
    kind = (g.get("q") or g.get("q2") or "").lower()
    ordinal = ORDINALS.get((g.get("ord") or g.get("ord2") or "").lower())
    year_text = g.get("qyear0") or g.get("qyear") or g.get("qyear2")
    if kind == "half" and not ordinal:
        return None
    if kind == "period" and not mods.strip():
        return None
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
        if (year, ordinal) <= (dct.year, cal.quarter_of(dct)):
            ctx.last_quarter = (year, ordinal)  # the quarter the article reports on
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


def h_decade(g: dict[str, str], ctx: Context) -> Result:
    dec = g["dec"]
    if not dec[0].isdigit():
        return "19" + dec[1], "DATE"
    return dec[:3], "DATE"


def _unit_value(unit: str, shift: int, dct: date) -> str | None:
    if unit == "week":
        return cal.week_value(dct + timedelta(weeks=shift))
    if unit == "weekend":
        return cal.week_value(dct + timedelta(weeks=shift)) + "-WE"
    if unit == "month":
        return cal.month_value(*cal.add_months(dct.year, dct.month, shift))
    if unit == "year":
        return str(dct.year + shift)
    if unit == "quarter":
        y, q = cal.add_quarters(dct.year, cal.quarter_of(dct), shift)
        return f"{y}-Q{q}"
    if unit == "decade":
        return str(dct.year // 10 + shift)
    if unit == "century":
        return str(dct.year // 100 + shift)
    return None


def h_relunit(g: dict[str, str], ctx: Context) -> Result:
    if g.get("unit3"):
        unit = g["unit3"].lower()
        if g["end3"].lower() == "earlier":
            return h_yearago({"what": ""}, ctx) if unit == "year" else None
        if ctx.dct is None:
            return "XXXX", "DATE"
        return _unit_value(unit, 0, ctx.dct), "DATE"
    if g.get("unit4"):
        return _the_unit(g["unit4"].lower(), ctx)
    if g.get("yadj"):  # "the full year", "the fiscal year ended June 30", "the latest fiscal year"
        if re.match(r"\s+(?:ended|ending|that\s+ended|which\s+ended)\b", ctx.after(20)):
            return "P1Y", "DURATION"
        if ctx.dct is None:
            return "XXXX", "DATE"
        return str(ctx.dct.year - ("latest" in g["yadj"].lower())), "DATE"
    unit = (g.get("unit") or g.get("unit2")).lower()
    rel = " ".join((g.get("rel") or "this").lower().split())
    if rel in ("the following",):
        return _following(unit, ctx)
    if rel in ("the past", "the previous", "the latest", "the coming", "the next", "the same") \
            and not g.get("mod"):
        if rel == "the same":
            return None
        designator = lexicon().units[unit]
        return duration_value(1, unit) if designator else None, "DURATION"
    if rel == "that":
        return h_anaphor({"that": "that", "unit": unit}, ctx)
    if ctx.dct is None:
        return {"week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(unit, "XXXX"), "DATE"
    direction = _rel_direction(rel)
    shift = -1 if direction == "past" else 1 if direction == "future" else 0
    if unit == "weekend" and direction == "this" and ctx.tense() == "past" and ctx.dct.isoweekday() < 6:
        shift = -1
    value = _unit_value(unit, shift, ctx.dct)
    return (value, "DATE") if value else None


def _following(unit: str, ctx: Context) -> Result:
    """"the following year": one after the last date the article gave, else after the DCT."""
    base = (ctx.last_value if unit in ("year", "month") else ctx.last_date) or (
        cal.iso(ctx.dct) if ctx.dct else None)
    if base is None:
        return None
    if unit == "year":
        return str(int(base[:4]) + 1), "DATE"
    if unit == "month" and len(base) >= 7:
        return cal.month_value(*cal.add_months(int(base[:4]), int(base[5:7]), 1)), "DATE"
    if len(base) >= 10:
        day = cal.parse_date(base)
        if unit == "week":
            return cal.week_value(day + timedelta(weeks=1)), "DATE"
        if unit == "day":
            return cal.iso(day + timedelta(days=1)), "DATE"
        code = lexicon().parts_of_day.get(unit)
        if code:
            return cal.iso(day + timedelta(days=1)) + f"T{code}", "DATE"
    return None


_THE_UNIT_BEFORE = re.compile(r"\b(?:for|of|in|during|through|throughout|over|ahead\s+of|at)\s*$",
                              re.IGNORECASE)


def _the_unit(unit: str, ctx: Context) -> Result:
    """"for the year", "the year ended June 30", "over the weekend", "the week's gains"."""
    if unit == "year" and re.match(r"\s+(?:ended|ending|to\s+date)\b", ctx.after(12)):
        return "P1Y", "DURATION"
    if not _THE_UNIT_BEFORE.search(ctx.before(16)) and not (
            unit == "week" and ctx.after(2).startswith("'s")):
        return None
    if ctx.dct is None:
        return {"year": "XXXX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE"}[unit], "DATE"
    if unit == "year":
        return str(ctx.dct.year), "DATE"
    if unit == "week":
        return cal.week_value(ctx.dct), "DATE"
    weekend_past = ctx.dct.isoweekday() >= 6 or ctx.tense() != "future"
    shift = 0 if ctx.dct.isoweekday() >= 6 else -1 if weekend_past else 0
    return cal.week_value(ctx.dct + timedelta(weeks=shift)) + "-WE", "DATE"


def h_anaphor(g: dict[str, str], ctx: Context) -> Result:
    if g.get("cent"):
        number = int(re.match(r"\d+", g["cent"]).group(0))
        return f"{number - 1:02d}", "DATE"
    unit = g["unit"].lower()
    that = " ".join(g["that"].lower().split())
    if unit == "quarter":
        if not ctx.last_quarter:
            return None
        year, quarter = ctx.last_quarter
        if that in ("the following", "the next"):
            year, quarter = cal.add_quarters(year, quarter, 1)
        return f"{year}-Q{quarter}", "DATE"
    if that in ("the following", "the next"):
        return _following(unit, ctx)
    if unit in ("month", "year"):  # "later that year": the year the article last named
        base = ctx.last_value or ""
        return (base[:7] if unit == "month" else base[:4], "DATE") if len(base) >= (
            7 if unit == "month" else 4) else None
    if not ctx.last_date:
        return None
    base = ctx.last_date
    if unit in ("day", "morning", "afternoon", "evening", "night"):
        if len(base) < 10:
            return None
        pod = lexicon().parts_of_day.get(unit)
        return (base[:10] + f"T{pod}" if pod else base[:10]), "DATE"
    if unit == "week":
        return cal.week_value(cal.parse_date(base)), "DATE"
    return None


def _season_occurrences(dct: date, centre: int) -> list[tuple[date, date, int]]:
    """(start, end, label-year) of a season's occurrences around the publication date."""
    out = []
    for year in range(dct.year - 2, dct.year + 2):
        start_year, start_month = cal.add_months(year, centre, -1)
        end_year, end_month = cal.add_months(year, centre, 2)
        out.append((date(start_year, start_month, 1), date(end_year, end_month, 1), start_year))
    return out


def h_season(g: dict[str, str], ctx: Context) -> Result:
    code, centre = lexicon().seasons[" ".join(g["season"].lower().split())]
    rel = " ".join((g.get("rel") or "").lower().split())
    if g.get("year"):
        return f"{g['year']}-{code}", "DATE"
    if not rel and not g.get("mod"):
        if not re.search(r"\b(?:in|during|by|until|since|over|through|throughout)\s*$",
                         ctx.before(20), re.IGNORECASE):
            return None
    if rel in ("", "the") and _NOT_SEASON_AFTER.match(ctx.after(20)):
        return None  # "the fall of the Berlin Wall", "a fall in prices"
    if ctx.dct is None:
        return f"XXXX-{code}", "DATE"
    occurrences = _season_occurrences(ctx.dct, centre)
    dct = ctx.dct
    if rel in ("last", "this past"):
        chosen = [o for o in occurrences if o[1] <= dct][-1]
    elif rel in ("next", "this coming"):
        chosen = [o for o in occurrences if o[0] > dct][0]
    else:
        current = [o for o in occurrences if o[0] <= dct < o[1]]
        if current:
            chosen = current[0]
        elif ctx.tense() == "future":
            chosen = [o for o in occurrences if o[0] > dct][0]
        elif rel == "this":
            chosen = [o for o in occurrences if o[2] == dct.year][0]
        else:
            chosen = [o for o in occurrences if o[0] <= dct][-1]
    return f"{chosen[2]}-{code}", "DATE"


def h_holiday(g: dict[str, str], ctx: Context) -> Result:
    lex = lexicon()
    if not g["hol"][:1].isupper():
        return None  # "a new year", "easter eggs" in lower case
    name = " ".join(g["hol"].lower().split())
    if ctx.dct is None:
        return "XXXX-XX-XX", "DATE"

    def on(year: int) -> date | None:
        if name in lex.holidays:
            month, day = lex.holidays[name].split("-")
            return date(year, int(month), int(day))
        return cal.moveable_holiday(name, year)

    candidates = [d for d in (on(y) for y in range(ctx.dct.year - 1, ctx.dct.year + 2)) if d]
    if not candidates:
        return None
    direction = _rel_direction(g.get("rel")) or ctx.tense()
    if direction == "past":
        pool = [d for d in candidates if d <= ctx.dct] or candidates
        chosen = pool[-1]
    elif direction == "future":
        pool = [d for d in candidates if d >= ctx.dct] or candidates
        chosen = pool[0]
    else:
        chosen = min(candidates, key=lambda d: abs((d - ctx.dct).days))
    if g.get("week"):
        return cal.week_value(chosen), "DATE"
    return cal.iso(chosen), "DATE"


def h_relday(g: dict[str, str], ctx: Context) -> Result:
    word = " ".join(g["rd"].lower().split())
    pod = g.get("pod")
    code = None
    if word.startswith("this "):
        code = lexicon().parts_of_day[word.split()[1]]
    elif word in ("tonight", "last night", "overnight"):
        code = "NI"
    elif word == "last evening":
        code = "EV"
    elif pod:
        code = lexicon().parts_of_day[pod.lower()]
    day = _relday_date(word, ctx)
    base = cal.iso(day) if day else "XXXX-XX-XX"
    if code:
        return f"{base}T{code}", "TIME"
    return base, "DATE"


def h_weekday(g: dict[str, str], ctx: Context) -> Result:
    weekday = lexicon().weekdays[g["wd"].lower()]
    pod = g.get("pod")
    code = lexicon().parts_of_day[pod.lower()] if pod else ""
    if g.get("plural") or g.get("podplural"):
        return f"XXXX-WXX-{weekday}" + (f"T{code}" if code else ""), "SET"
    day = _weekday_date(weekday, g.get("rel"), ctx)
    if day is None:
        return f"XXXX-WXX-{weekday}" + (f"T{code}" if code else ""), "DATE"
    # "Friday night" is dated to the day, as TimeBank mostly does (and an event needs a day)
    return cal.iso(day), "DATE"


def h_month(g: dict[str, str], ctx: Context) -> Result:
    name = g["mon"]
    month = _month(name)
    rel, mod = g.get("rel"), g.get("mod")
    written = name.title() if name.isupper() else name
    if written in lexicon().ambiguous_months and not rel and not mod:
        if not _AMBIGUOUS_BEFORE.search(ctx.before(25)):
            return None  # "Officials May collapse", "June Smith"
        if written == "May" and re.match(r"\s+(?:be|have|not|also|well|still|never|soon|even)\b",
                                         ctx.after(12), re.IGNORECASE):
            return None
    if ctx.dct is None:
        return f"XXXX-{month:02d}", "DATE"
    direction = _rel_direction(rel)
    dct = ctx.dct
    if direction == "past":
        year = dct.year if month < dct.month else dct.year - 1
    elif direction == "future":
        year = dct.year if month > dct.month else dct.year + 1
    elif direction == "this":
        year = dct.year
    else:
        tense = ctx.tense()
        if re.search(r"\bsince\s*$", ctx.before(10), re.IGNORECASE):
            tense = "past"
        year, month = cal.month_near(dct, month, tense)
    return cal.month_value(year, month), "DATE"


_SPOKEN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                "seventy": 70, "eighty": 80, "ninety": 90}


def h_spokenyear(g: dict[str, str], ctx: Context) -> Result:
    words = g["sy"].lower().replace("-", " ").split()
    numbers = lexicon().numbers
    if words[0] == "nineteen":
        value = 1900 + _SPOKEN_TENS[words[1]] + (int(numbers[words[2]]) if len(words) > 2 else 0)
    else:
        value = 2000 + (int(numbers[words[-1]]) if "and" in words else 0)
    return str(value), "DATE"


def h_year(g: dict[str, str], ctx: Context) -> Result:
    mod = " ".join((g.get("mod") or g.get("fy") or "").lower().split())
    if not mod and (_QUANTIFIER_BEFORE.search(ctx.before(20)) or _NOT_YEAR_AFTER.match(ctx.after(20))):
        return None  # a count: "about 1500 troops", "Flight 1990"
    return g["year"], "DATE"


def h_set(g: dict[str, str], ctx: Context) -> Result:
    if g.get("each"):
        name = g["each"]
        if name.lower() in lexicon().weekdays:
            return f"XXXX-WXX-{lexicon().weekdays[name.lower()]}", "SET"
        return f"XXXX-{_month(name):02d}", "SET"
    if g.get("wdset"):
        return f"XXXX-WXX-{lexicon().weekdays[g['wdset'].lower()]}", "SET"
    phrase = " ".join((g.get("set") or g.get("aset")).lower().split())
    return lexicon().sets[phrase], "SET"


def h_duration(g: dict[str, str], ctx: Context) -> Result:
    if g.get("half"):
        phrase = " ".join(g["half"].lower().split())
        unit = next(u for u in ("hour", "day", "year", "century") if u in phrase)
        return duration_value(0.5, unit), "DURATION"
    if g.get("unit2"):
        return duration_value(1, g["unit2"]), "DURATION"
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
    return lexicon().references[phrase], "DATE"


HANDLERS: dict[str, Callable[[dict[str, str], Context], Result]] = {
    name[2:]: fn for name, fn in globals().items() if name.startswith("h_")
}
