"""TIMEX3 values for what the patterns found: one handler per rule of ``patterns.RULES``.

The handlers live by kind in ``absolute`` (dates that name their unit), ``relative`` (against
the publication date or the article's last date, tense-aware), ``fiscal`` (quarters, halves,
"year-earlier") and ``amounts`` (durations, sets, references); ``context`` holds what they
share.  Decisions follow TimeBank's conventions: values at the granularity of the expression
("last month" -> ``1998-01``), the nearest occurrence for year-less dates, tense for weekdays
and months, the article's running quarter for the financial "year-earlier quarter".
"""

from __future__ import annotations

from typing import Callable

from . import absolute, amounts, fiscal, relative
from .context import Context, Result
from .patterns import RULES

HANDLERS: dict[str, Callable[[dict[str, str], Context], Result]] = {
    name[2:]: handler
    for module in (absolute, relative, fiscal, amounts)
    for name, handler in vars(module).items()
    if name.startswith("h_") and callable(handler) and handler.__module__ == module.__name__
}
assert set(HANDLERS) == set(RULES), f"rules without a handler: {set(RULES) - set(HANDLERS)}"

__all__ = ["HANDLERS", "Context", "Result"]
