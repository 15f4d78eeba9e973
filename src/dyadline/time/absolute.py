"""Values of expressions that name their calendar unit: full dates, month and year, years,
decades, spoken years, numeric dates, holidays.  Year-less days take the nearest year, with
the tense of the clause breaking near-ties (``calendar.day_near``)."""

from __future__ import annotations

import re
from datetime import date

from . import calendar as cal
from .context import Context, Result, month_number, rel_direction
from .lexicon import lexicon


_QUANTIFIER_BEFORE = re.compile(
    r"\b(?:about|approximately|nearly|some|over|than|almost|around|least|only|just|roughly"
    r"|up\s+to|all|total\s+of|estimated|No\.|number|No|Flight|flight|Route|route|Highway|Resolution"
    r"|resolution|page|pages)\s*$|[$#]\s*$")


_NOT_YEAR_AFTER = re.compile(
    r"^\s*(?:people|persons|troops|soldiers|men|women|children|tons|votes|members|workers"
    r"|residents|cases|deaths|dead|refugees|times|units|shares|feet|meters|metres|miles"
    r"|kilometers|kilometres|km|dollars|euros|pounds|barrels|[a-z]+-\d)\b")


def h_datefull(g: dict[str, str], ctx: Context) -> Result:
    month = month_number(g.get("mon") or g["mon2"])
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


def h_monthyear(g: dict[str, str], ctx: Context) -> Result:
    if g.get("mon2"):  # "June last year"
        if ctx.dct is None:
            return f"XXXX-{month_number(g['mon2']):02d}", "DATE"
        shift = {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
        return cal.month_value(ctx.dct.year + shift, month_number(g["mon2"])), "DATE"
    year = int(g["year"]) if g.get("year") else spoken_year(g["syear"])
    return cal.month_value(year, month_number(g["mon"])), "DATE"


def h_decade(g: dict[str, str], ctx: Context) -> Result:
    if g.get("sdec"):  # "the nineties": the latest such decade that has begun
        tens = _SPOKEN_TENS[g["sdec"].lower()[:-3] + "y"] // 10
        now = ctx.dct.year // 10 if ctx.dct else 199
        decade = now - (now - tens) % 10
        return str(decade), "DATE"
    dec = g["dec"]
    if not dec[0].isdigit():
        return "19" + dec[1], "DATE"
    return dec[:3], "DATE"


_SPOKEN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                "seventy": 70, "eighty": 80, "ninety": 90}


def spoken_year(text: str) -> int:
    """"nineteen ninety-four" -> 1994, "two thousand and one" -> 2001."""
    words = text.lower().replace("-", " ").split()
    numbers = lexicon().numbers
    if words[0] == "nineteen":
        return 1900 + _SPOKEN_TENS[words[1]] + (int(numbers[words[2]]) if len(words) > 2 else 0)
    return 2000 + (int(numbers[words[-1]]) if "and" in words else 0)


def h_spokenyear(g: dict[str, str], ctx: Context) -> Result:
    return str(spoken_year(g["sy"])), "DATE"


def h_year(g: dict[str, str], ctx: Context) -> Result:
    mod = " ".join((g.get("mod") or g.get("fy") or "").lower().split())
    if not mod and (_QUANTIFIER_BEFORE.search(ctx.before(20)) or _NOT_YEAR_AFTER.match(ctx.after(20))):
        return None  # a count: "about 1500 troops", "Flight 1990"
    return g["year"], "DATE"


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
    said = rel_direction(g.get("rel"))
    direction = said or ctx.tense()
    past = [d for d in candidates if d <= ctx.dct]
    ahead = [d for d in candidates if d > ctx.dct]
    if direction == "past" and not said and ahead and (ahead[0] - ctx.dct).days <= 120:
        # a past tense yields to a holiday just ahead, as for a year-less date
        # ("protesters prayed as Easter week began" a week before Easter)
        direction = None
    if direction == "past":
        chosen = (past or candidates)[-1]
    elif direction == "future":
        pool = [d for d in candidates if d >= ctx.dct] or candidates
        chosen = pool[0]
    else:
        chosen = min(candidates, key=lambda d: abs((d - ctx.dct).days))
    if g.get("week"):
        return cal.week_value(chosen), "DATE"
    return cal.iso(chosen), "DATE"
