"""Calendar arithmetic for TIMEX3 values: shifting dates, ISO weeks, quarters, holidays.

Pure functions on :class:`datetime.date`, so the normaliser reads as a list of decisions
("the most recent Friday", "the next June") and the arithmetic is tested on its own.
"""

from __future__ import annotations

from datetime import date, timedelta


def parse_date(value: str) -> date:
    """``YYYY-MM-DD`` (anything after the first ten characters, such as a time, is ignored)."""
    try:
        return date(int(value[0:4]), int(value[5:7]), int(value[8:10]))
    except (ValueError, IndexError, TypeError):
        raise ValueError(f"publication date must be YYYY-MM-DD, got {value!r}") from None


def iso(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(day: date) -> str:
    """ISO week of a day, ``2025-W03``."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def add_quarters(year: int, quarter: int, delta: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + delta
    return index // 4, index % 4 + 1


def weekday_on_or_before(day: date, weekday: int) -> date:
    """The most recent day with ISO ``weekday`` (Monday = 1), ``day`` itself included."""
    return day - timedelta(days=(day.isoweekday() - weekday) % 7)


def weekday_on_or_after(day: date, weekday: int) -> date:
    """The next day with ISO ``weekday``, ``day`` itself included."""
    return day + timedelta(days=(weekday - day.isoweekday()) % 7)


def month_near(dct: date, month: int, direction: str | None) -> tuple[int, int]:
    """Year of a year-less month: the last one (``past``), the next one (``future``), else nearest.

    The current month counts as both the last and the next; with no direction the nearer of
    the two occurrences wins, the past one on a tie (news mostly reports what happened).
    A past tense yields to nearness for a month less than four months ahead: on TimeBank the
    verb nearest to such a month is mostly a reporting verb ("said it would ... in March").
    """
    if month == dct.month:
        return dct.year, month
    past_year = dct.year if month < dct.month else dct.year - 1
    future_year = dct.year if month > dct.month else dct.year + 1
    back = (dct.month - month) % 12
    ahead = (month - dct.month) % 12
    if direction == "past":  # unless the month is just ahead ("said it will ... in March")
        return (past_year, month) if back <= 8 else (future_year, month)
    if direction == "future":
        return future_year, month
    return (past_year, month) if back <= ahead else (future_year, month)


def day_near(dct: date, month: int, day: int, direction: str | None) -> date | None:
    """Year of a year-less day-of-month ("Oct. 23"): the nearest occurrence, except that in a
    past-tense clause an occurrence up to about eight months back beats one more than four
    months ahead (on TimeBank, "the quarter ended March 31" in November is the last March)."""
    candidates = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    nearest = min(candidates, key=lambda d: abs((d - dct).days))
    if direction == "past":
        past = [d for d in candidates if d <= dct]
        future = [d for d in candidates if d > dct]
        if past and (dct - past[-1]).days <= 255 and (not future or (future[0] - dct).days > 120):
            return past[-1]
    return nearest


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` of a month (n = -1 for the last one)."""
    if n > 0:
        first = weekday_on_or_after(date(year, month, 1), weekday)
        return first + timedelta(weeks=n - 1)
    last_day = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return weekday_on_or_before(last_day, weekday)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def moveable_holiday(name: str, year: int) -> date | None:
    key = name.lower()
    if key.startswith("thanksgiving"):
        return nth_weekday(year, 11, 4, 4)
    if key.startswith("easter"):
        return easter(year)
    if key == "election day":
        return nth_weekday(year, 11, 1, 1) + timedelta(days=1)
    if key == "labor day":
        return nth_weekday(year, 9, 1, 1)
    if key == "memorial day":
        return nth_weekday(year, 5, 1, -1)
    return None
