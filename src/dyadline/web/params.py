"""The parameters of the pages and the API, validated once, with their limits.

Both the JSON API and the HTML pages read their query strings through these models, so a
bad value gets the same message in both (a 422 JSON body for the API, a 400 page for a
person).  The limits bound what one request may cost: page size, offset, text lengths,
the number of periods of a series and of nodes of a network.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Optional

from pydantic import (BaseModel, ConfigDict, Field, ValidationError, field_validator,
                      model_validator)

#: Largest page of events one request returns.
MAX_PAGE_SIZE = 200
#: Deepest row a page may start at (deeper pages: narrow the filters).
MAX_OFFSET = 100_000
#: Longest series one request returns (e.g. 2,000 days, 2,000 months).
MAX_PERIODS = 2_000
#: Most nodes a network answer carries (the most central ones).
MAX_NODES = 500
#: Widest deduplication window, in days.
MAX_WINDOW = 60

# Actor codes: ISO alpha-3 (RUS), CAMEO international codes (IGO, NGO), stacked codes.
_CODE = r"^[A-Za-z0-9_-]{1,32}$"
_EVENT_TYPE = r"^(\d{2,4}|[A-Za-z_]{1,32})$"


class _Params(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    @classmethod
    def from_query(cls, query: Any) -> "_Params":
        """From a page's query string: empty fields (an HTML form's blanks) are left out."""
        values = {k: v for k, v in query.items() if v.strip() != ""}
        return cls.model_validate(values)


class DedupParams(_Params):
    window: int = Field(1, ge=0, le=MAX_WINDOW,
                        description="Deduplication window in days: reports of one dyad and CAMEO "
                                    "root within this many days of a cluster's first report are "
                                    "one event.")
    reports: bool = Field(False, description="Count every report, not event clusters.")


class EventQuery(DedupParams):
    """Filters and paging of the events listing (``dyadline events`` has the same filters)."""

    actor: Optional[str] = Field(None, pattern=_CODE, description="Source or target actor code (RUS, IGO ...).")
    partner: Optional[str] = Field(None, pattern=_CODE, description="With actor: only events between actor and partner, either way.")
    source: Optional[str] = Field(None, pattern=_CODE, description="Source actor code.")
    target: Optional[str] = Field(None, pattern=_CODE, description="Target actor code.")
    type: Optional[str] = Field(None, pattern=_EVENT_TYPE, description="PLOVER event type (AGREE) or CAMEO code prefix (04, 042).")
    quad: Optional[int] = Field(None, ge=0, le=4, description="Quad class: 0 neutral, 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.")
    since: Optional[dt.date] = Field(None, description="First day (YYYY-MM-DD).")
    until: Optional[dt.date] = Field(None, description="Last day (YYYY-MM-DD).")
    place: Optional[str] = Field(None, max_length=100, description="Place name (part of it) or country code of the event's location.")
    text: Optional[str] = Field(None, max_length=200, description="Words in the sentence (case-insensitive).")
    negated: bool = Field(False, description="With reports: list negated reports too.")
    order: Literal["oldest", "newest"] = Field("oldest", description="Oldest or newest first.")
    page: int = Field(1, ge=1, description="Page number, from 1.")
    size: int = Field(50, ge=1, le=MAX_PAGE_SIZE, description=f"Rows per page (at most {MAX_PAGE_SIZE}).")

    @field_validator("actor", "partner", "source", "target", "type")
    @classmethod
    def _upper(cls, value: Optional[str]) -> Optional[str]:
        """Codes are upper case (the store's are; ``rus`` means RUS)."""
        return value.upper() if value else value

    @model_validator(mode="after")
    def _consistent(self) -> "EventQuery":
        if self.since and self.until and self.since > self.until:
            raise ValueError("since must not be after until")
        if self.partner and not self.actor:
            raise ValueError("partner needs actor (the events between actor and partner)")
        if (self.page - 1) * self.size > MAX_OFFSET:
            raise ValueError(f"page too deep: at most {MAX_OFFSET:,} rows can be skipped; "
                             "narrow the filters instead")
        return self

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    def key(self) -> tuple:
        return tuple(sorted(self.model_dump().items()))


class PeriodParams(DedupParams):
    since: Optional[dt.date] = Field(None, description="First day (YYYY-MM-DD).")
    until: Optional[dt.date] = Field(None, description="Last day (YYYY-MM-DD).")

    @model_validator(mode="after")
    def _ordered(self) -> "PeriodParams":
        if self.since and self.until and self.since > self.until:
            raise ValueError("since must not be after until")
        return self


class DyadQuery(PeriodParams):
    """Options of a dyad series (``dyadline dyad`` has the same)."""

    by: Literal["month", "week", "day"] = Field("month", description="Period: month, week or day.")
    directed: bool = Field(False, description="Only events from the first actor to the second.")

    def key(self) -> tuple:
        return tuple(sorted(self.model_dump().items()))


class NetworkQuery(PeriodParams):
    """Options of the actor network (``dyadline network`` has the same)."""

    min_events: int = Field(1, ge=1, le=1_000_000, description="Keep dyads with at least this many events.")
    top: int = Field(100, ge=1, le=MAX_NODES, description=f"Keep the most central actors (at most {MAX_NODES}).")

    def key(self) -> tuple:
        return tuple(sorted(self.model_dump().items()))


class ActorQuery(PeriodParams):
    """Options of an actor's dyads."""

    def key(self) -> tuple:
        return tuple(sorted(self.model_dump().items()))


def messages(error: ValidationError) -> list[str]:
    """One readable line per problem: ``field: message``."""
    lines = []
    for item in error.errors():
        where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("query", "path", "body"))
        msg = item.get("msg", "invalid value")
        if msg.startswith("Value error, "):
            msg = msg[len("Value error, "):]
        lines.append(f"{where}: {msg}" if where else msg)
    return lines
