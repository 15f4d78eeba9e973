"""One precompiled regular expression that finds every kind of time expression.

Each rule is a named alternative (``(?P<rule>...)``) with its own named groups, prefixed
with the rule name so that they stay unique in the combined pattern.  Python's regex
engine takes, at the leftmost position, the *first* alternative that matches, so the
rules are ordered from the most specific ("Friday, Oct. 23, 1998", "the third quarter of
1990") to the most general ("1998", "years").  Span conventions follow TimeBank/TimeML:
prepositions ("on", "in", "for") stay out, determiners and modifiers that are part of the
expression ("the past two months", "last Friday", "early next year") come in, a possessive
"'s" stays out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import alternation, lexicon

# Names of the rules, in order of priority; each has a handler in normalise.py.
RULES = ("datefull", "iso", "numeric", "clock", "monthyear", "yearago", "ago", "quarter",
         "decade", "relunit", "anaphor", "season", "holiday", "relday", "weekday", "month",
         "spokenyear", "year", "set", "duration", "bareunits", "reference")

FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "final": 4, "last": 4}


def _prefix(rule: str, pattern: str) -> str:
    return f"(?P<{rule}>" + pattern.replace("(?P<", f"(?P<{rule}__") + ")"


@lru_cache(maxsize=1)
def combined() -> re.Pattern[str]:
    """The one regex over the text; ``match.lastgroup`` names the rule that matched."""
    lex = lexicon()
    full_months = [m for m in lex.months if m in FULL_MONTHS]
    mon = alternation(lex.months, case_insensitive=False)
    mon_full = alternation(full_months, case_insensitive=False)
    wd = alternation(lex.weekdays, case_insensitive=False)
    pod = alternation(["morning", "afternoon", "evening", "night"])
    ones = "one|two|three|four|five|six|seven|eight|nine"
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    word_number = (rf"(?i:(?:{tens})(?:[\s-]+(?:{ones}))?|"
                   + alternation(list(lex.numbers) + list(lex.vague_numbers))[4:-1] + ")")
    number = (rf"(?:\d{{1,3}}(?:\.\d+)?(?:\s+1/2)?|{word_number})"
              r"(?:\s+(?i:and\s+a\s+half))?")
    number_range = rf"{number}(?:\s*(?:-|to|or)\s*{number})?"
    unit = (r"(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?"
            r"|quarters?|years?|decades?|century|centuries)")
    unit_sg = r"(?i:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century)"
    year = r"(?<![\d$\u00a3\u20ac.,:/])(?:1[5-9]\d\d|20\d\d)(?![\d%]|[.,]\d|-\d|\s*%)"
    daynum = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
    season = alternation(lex.seasons)
    holiday = alternation(list(lex.holidays) + sorted(lex.moveable_holidays))
    sets = alternation([s for s in lex.sets if not s.startswith("a ")])
    refs = alternation(lex.references)
    rel_prefix = (r"(?i:this\s+past|this\s+coming|the\s+previous|the\s+following|the\s+next"
                  r"|the\s+past|the\s+coming|the\s+current|the\s+latest|the\s+same|this|last|next"
                  r"|coming|that)")
    edge_mod = (r"(?i:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
                r"|the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of"
                r"|the\s+rest\s+of|the\s+remainder\s+of|end|around)")
    rules = {
        "datefull": (
            rf"(?:(?P<wd>{wd}),?\s+)?(?P<mon>{mon})\s*(?P<day>{daynum})(?:,?\s+(?P<year>{year}))?"
            rf"|(?:(?P<wd2>{wd}),?\s+)?(?:the\s+)?(?P<day2>{daynum})\s+(?:of\s+)?(?P<mon2>{mon})"
            rf"(?:,?\s+(?P<year2>{year}))?"),
        "iso": r"(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
               r"(?:T(?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d))?",
        "numeric": r"(?<![\d/])(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>(?:19|20)\d\d)"
                   r"(?![\d/])",
        "clock": (
            rf"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?i:a\.m|p\.m)\.?|(?i:am|pm)(?!\w))"
            rf"(?:\s+(?P<tz>[A-Z]{{2,4}}T|GMT|UTC))?"
            rf"(?:,?\s+(?:on\s+)?(?P<rel>(?i:today|tomorrow|yesterday|tonight)|{wd}"
            rf"|(?P<cmon>{mon})\s*(?P<cday>{daynum})))?"
            rf"|(?<=at\s)(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?:\s+(?P<tz2>[A-Z]{{2,4}}T|GMT|UTC))?"
            rf"|(?:(?<=at\s)|(?<=by\s)|(?<=until\s))(?P<noon>(?i:noon|midnight|midday))"
            rf"(?:\s+(?:on\s+)?(?P<rel2>(?i:today|tomorrow|yesterday)|{wd}))?"
            rf"|(?P<noon2>(?i:noon|midnight|midday))\s+(?:on\s+)?(?P<rel3>(?i:today|tomorrow|yesterday)|{wd})"),
        "monthyear": (rf"(?:(?P<mod>{edge_mod})[\s-]+)?(?P<mon>{mon}),?\s+(?:of\s+)?(?P<year>{year})"
                      rf"|(?:(?P<mod2>{edge_mod})[\s-]+)?(?P<mon2>{mon_full})\s+(?:of\s+)?"
                      r"(?P<rel>(?i:this|last|next))\s+(?i:year)(?![\w-])"),
        "yearago": (
            r"(?:(?P<det>(?i:the|a))\s+)?(?:(?i:comparable|same)\s+)?"
            r"(?P<adj>(?i:year-earlier|year-ago|year\s+earlier|year\s+ago|year-before|prior-year))"
            r"(?:\s+(?P<what>(?i:(?:first|second|third|fourth|fiscal|nine|six|three|twelve)[\s-]+)*"
            r"(?:quarter|period|months|half|results)))?"),
        "ago": (
            rf"(?:(?P<approx>(?i:about|almost|nearly|some|more\s+than|less\s+than|over|roughly"
            rf"|just|only|around|at\s+least))\s+)?(?P<num>{number})[\s-]+(?P<unit>{unit})\s+"
            rf"(?P<dir>(?i:ago|earlier|later|before|after|from\s+now|hence))"),
        "quarter": (
            r"(?:(?P<det>(?i:the|its|their|this\s+year's|last\s+year's|next\s+year's))\s+)?"
            rf"(?:(?P<qyear0>{year})\s+)?"
            r"(?P<mods>(?:(?i:fiscal|calendar|comparable|same|latest|current|previous|past|last"
            r"|next|coming|year-earlier|year-ago|latest|recent|most\s+recent|final|preceding)[\s-]+)*)"
            rf"(?:(?P<qyear>{year})\s+)?"
            r"(?:(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[\s-]+(?:(?i:fiscal|calendar)[\s-]+)?)?"
            r"(?P<q>(?i:quarter|half|period))(?![\w-]|-\w)"
            rf"(?:\s+(?i:of)\s+(?:(?i:fiscal|calendar)\s+)?(?P<qyear2>{year}))?"
            r"|(?P<ord2>(?i:first|second|third|fourth))[\s-]+(?P<q2>(?i:quarter|half))(?=-)"),
        "decade": (r"(?:(?P<det>(?i:the))\s+)?(?:(?P<mod>(?i:early|mid|late))[\s-]+)?"
                   r"(?P<dec>(?:1[5-9]|20)\d0|['\u2019]\d0)s(?!\w)"),
        "relunit": (
            rf"(?:(?P<mod>{edge_mod}|(?i:earlier|later))\s+(?:(?i:in|of)\s+)?)?"
            rf"(?P<rel>{rel_prefix})\s+(?P<unit>(?i:week|weekend|month|year|quarter|decade|century))(?![\w-])"
            r"|(?P<mod2>(?i:earlier|later|early|late)\s+in|the\s+end\s+of|the\s+beginning\s+of"
            r"|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of)\s+the\s+"
            r"(?P<unit2>(?i:week|month|year|decade|century))(?![\w-])"
            r"|(?P<unit3>(?i:year|month|week))[\s-](?P<end3>(?i:end|earlier))(?![\w-])"
            r"|(?P<the>(?i:the))\s+(?P<unit4>(?i:year|week|weekend))(?![\w-]|\s+(?:of\s+)?\d)"),
        "anaphor": (r"(?:(?P<mod>(?i:earlier|later|early|late))\s+)?"
                    r"(?P<that>(?i:that|the\s+same|the\s+following|the\s+next|that\s+same))\s+"
                    r"(?P<unit>(?i:day|week|month|year|quarter|morning|afternoon|evening|night))(?![\w-])"
                    r"|(?P<cent>(?:1\d|20|2?1st|2nd|3rd|[4-9]th|1\dth))\s+(?i:century)(?![\w-])"),
        "season": (rf"(?:(?P<mod>(?i:early|late|mid))[\s-]+)?"
                   rf"(?:(?P<rel>(?i:this\s+past|this\s+coming|this|last|next|the\s+early|the\s+late"
                   rf"|the|that))\s+)?(?P<season>{season})(?:\s+(?:of\s+)?(?P<year>{year}))?(?![\w-])"),
        "holiday": rf"(?:(?P<rel>(?i:last|next|this))\s+)?(?P<hol>{holiday})(?:\s+(?P<week>(?i:week)))?(?!\w)",
        "relday": (
            r"(?:(?P<mod>(?i:late|early|later|earlier))\s+)?"
            r"(?P<rd>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight"
            r"|yesterday|tomorrow|overnight|this\s+morning|this\s+afternoon|this\s+evening"
            r"|last\s+night|last\s+evening))"
            rf"(?:\s+(?P<pod>{pod}))?(?!\w)"),
        "weekday": (
            r"(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|the\s+previous|the\s+following"
            r"|the\s+next|coming|past))\s+)?"
            rf"(?P<wd>{wd})(?P<plural>s)?(?:\s+(?P<pod>{pod}))?(?!\w)"),
        "month": (rf"(?:(?P<mod>{edge_mod})[\s-]+)?"
                  rf"(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|the\s+previous"
                  rf"|the\s+following|that))\s+)?(?P<mon>{mon_full})(?!\w|\s+\d)"),
        "spokenyear": (rf"(?:(?i:the\s+year)\s+)?(?P<sy>(?i:nineteen[\s-]+(?:{tens})(?:[\s-]+(?:{ones}))?"
                       rf"|two\s+thousand(?:\s+and\s+(?:{ones}|ten))?))(?!\w)"),
        "year": (rf"(?:(?P<mod>(?i:fiscal|calendar|the\s+year|{edge_mod[4:-1]}|post|pre))[\s-]+)?"
                 rf"(?P<year>{year})(?!\w)"),
        "set": (rf"(?P<set>{sets})(?!\w)"
                r"|(?:(?<=\d\s)|(?<=%\s)|(?<=million\s)|(?<=billion\s)|(?<=percent\s)|(?<=times\s)"
                r"|(?<=once\s)|(?<=twice\s)|(?<=dollars\s))(?P<aset>a\s+(?i:year|month|week|day))(?!\w)"
                rf"|(?P<wdset>{wd})s(?!\w)"
                rf"|(?i:every|each)\s+(?P<each>{wd}|{mon_full})(?!\w)"),
        "duration": (
            r"(?:(?P<approx>(?i:at\s+least|about|more\s+than|less\s+than|nearly|almost|over(?!\s+the\b)"
            r"|roughly|up\s+to|around|approximately|another|an\s+additional|a\s+further"
            r"|the\s+better\s+part\s+of|within))\s+)?"
            r"(?:(?P<det>(?i:the|its|their|his|her))\s+)?"
            r"(?:(?P<rel>(?i:past|last|next|first|coming|previous|following|latest|final|initial"
            r"|remaining|preceding|same|full|entire|whole))\s+)?"
            rf"(?P<num>{number_range})(?P<sep>[\s-]+)(?P<unit>{unit})(?P<suffix>-(?i:long|old))?"
            r"(?:\s+(?i:or\s+so))?(?![\w-])"
            rf"|(?P<det2>(?i:the))\s+(?P<rel2>(?i:past|last|next|coming|previous|following|first|latest))\s+"
            rf"(?P<unit2>{unit_sg})(?![\w-])"
            r"|(?P<half>(?i:half\s+an?\s+(?:hour|day|year|century)|a\s+year\s+and\s+a\s+half"
            r"|an\s+hour\s+and\s+a\s+half))(?!\w)"),
        "bareunits": (r"(?:(?<=for\s)|(?<=over\s)|(?<=within\s)|(?<=than\s)|(?<=lasted\s)"
                      r"|(?<=takes\s)|(?<=took\s))(?P<units>(?i:years|months|weeks|days|decades|hours"
                      r"|minutes))(?![\w-])|(?P<long>(?i:years|months|weeks|days|decades)-long)(?!\w)"),
        "reference": rf"(?P<ref>{refs})(?![\w-])",
    }
    assert tuple(rules) == RULES, "rule table and RULES out of step"
    body = "|".join(_prefix(name, pattern) for name, pattern in rules.items())
    return re.compile(rf"(?<![\w\u00c0-\u024f])(?:{body})")


def groups_of(match: re.Match[str], rule: str) -> dict[str, str]:
    """The named groups of the matching rule, without their prefix, only those that matched."""
    prefix = rule + "__"
    return {name[len(prefix):]: value for name, value in match.groupdict().items()
            if value is not None and name.startswith(prefix)}
