"""Values of expressions relative to the publication date or to the article's last date:
days and parts of days, weekdays and months (tense-aware), seasons, "last week", "this year",
"two weeks ago", "that day", "the following year", clock times."""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import calendar as cal
from .absolute import h_datefull, spoken_year
from .context import Context, Result, duration_value, month_number, parse_number, rel_direction
from .fiscal import h_yearago
from .lexicon import lexicon


_AMBIGUOUS_BEFORE = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|through|during|before|after|of|early|late|mid|last"
    r"|next|this|between|and|to|or|on|at|around|for|that|than|every|each|throughout"
    r"|the|a|an|its|his|her|their)"
    r"|[-\u2013,(])\s*$", re.IGNORECASE)


_NOT_SEASON_AFTER = re.compile(r"\s+(?:of|in)\s+(?!\d{4}|the\s+year)", re.IGNORECASE)


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
    direction = rel_direction(rel)
    if rel and ctx.last_date and " ".join(rel.lower().split()) in ("the previous", "the following"):
        # "down 4.5% from the previous Friday": the one before the date the article is at
        # (TimeML anchors "the previous", "the following" to that reference time)
        base = cal.parse_date(ctx.last_date)
        if direction == "past":
            return cal.weekday_on_or_before(base - timedelta(days=1), weekday)
        return cal.weekday_on_or_after(base + timedelta(days=1), weekday)
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
    anchor = ctx.date_in_sentence() if direction == "earlier" and amount else None
    if anchor is not None and amount == int(amount):
        # "the plant opened on May 2, 1990, two years earlier than planned": years before
        # the date the sentence gave, not before the publication date (as "a year earlier")
        day = cal.parse_date(anchor)
        return _same_day(day.year - int(amount), day.month, day.day), "DATE"
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


def _same_day(year: int, month: int, day: int) -> str:
    """The same day of the year in another year (February 29 -> 28)."""
    return cal.iso(date(year, month, min(day, 28) if month == 2 and day == 29 else day))


#: "the past year", "the next week": TimeBank reads the calendar unit before or after the
#: publication date (a DATE), not a span of that length; a decade or a century stays a span
#: ("over the past decade": the last ten years)
_ADJACENT = {"the past": -1, "the previous": -1, "the last": -1, "the next": 1, "the coming": 1}


def the_adjacent_unit(rel: str, unit: str, ctx: Context) -> Result:
    """The DATE of "the past/last/previous/next/coming" + a calendar unit, else None."""
    shift = _ADJACENT.get(" ".join(rel.lower().split()))
    unit = unit.lower()
    if shift is None or ctx.dct is None or unit not in ("day", "week", "weekend", "month", "quarter",
                                                         "year"):
        return None
    if unit == "day":
        return cal.iso(ctx.dct + timedelta(days=shift)), "DATE"
    value = _unit_value(unit, shift, ctx.dct)
    return (value, "DATE") if value else None


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
    if ctx.is_a_name():
        return None  # ABC News' "This Week"
    if g.get("unit3"):
        unit = g["unit3"].lower()
        if g["end3"].lower() == "earlier":
            return h_yearago({"what": ""}, ctx) if unit == "year" else None
        if ctx.dct is None:
            return "XXXX", "DATE"
        if unit == "year":  # "year-end": December 31, the last one for a past clause
            past = ctx.tense() == "past" or re.search(r"\bsince\s*$", ctx.before(10), re.IGNORECASE)
            return f"{ctx.dct.year - (1 if past and ctx.dct.month < 12 else 0)}-12-31", "DATE"
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
        adjacent = the_adjacent_unit(rel, unit, ctx)
        if adjacent is not None:
            return adjacent
        designator = lexicon().units[unit]
        return duration_value(1, unit) if designator else None, "DURATION"
    if rel == "that":
        return h_anaphor({"that": "that", "unit": unit}, ctx)
    if ctx.dct is None:
        return {"week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(unit, "XXXX"), "DATE"
    direction = rel_direction(rel)
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
    if g.get("year") or g.get("syear"):
        return f"{g.get('year') or spoken_year(g['syear'])}-{code}", "DATE"
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


#: "today's world", "today's youth": the present age, not the day of the article (TimeBank
#: leaves these out); "today's vote", "yesterday's announcement" stay days
_GENERIC_AFTER = re.compile(r"['\u2019]s\s+(?:\w+\s+)?(?:world|youth|society|generations?|children"
                            r"|kids|young|teenagers|families|culture)\b", re.IGNORECASE)


def h_relday(g: dict[str, str], ctx: Context) -> Result:
    if ctx.is_a_name():
        return None  # "This is VOA Today."
    word = " ".join(g["rd"].lower().split())
    if word in ("today", "tomorrow") and _GENERIC_AFTER.match(ctx.after(30)):
        return None
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
    month = month_number(name)
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
    direction = rel_direction(rel)
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
