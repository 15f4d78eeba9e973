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

from .lexicon import alternation, lexicon, trie

# Names of the rules, in order of priority; each has a handler in normalise.py.
RULES = ("datefull", "iso", "numeric", "clock", "monthyear", "yearago", "ago", "quarter",
         "decade", "relunit", "anaphor", "season", "holiday", "relday", "weekday", "month",
         "spokenyear", "year", "set", "duration", "bareunits", "reference")

FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "final": 4, "last": 4}


def _prefix(rule: str, pattern: str) -> str:
    """The rule as a named alternative, its group names prefixed with the rule's, and led by a
    lookahead on the characters it can start with: Python's engine otherwise walks deep into
    every rule at every candidate position (several microseconds each); the lookahead turns
    most of those tries into one character test.  It only states a necessary condition, so
    it changes nothing that is found."""
    first = _first_chars(pattern)
    guard = "(?=[" + "".join(sorted(first)) + "])" if first else ""
    split = _first_word_split(pattern)
    if split is not None and "" not in split[1]:
        # and on the words it can start with: whole words where the rule reads on past them,
        # prefixes where the match may end inside a longer word; or a character that is no letter
        exact, prefixes = split
        options = [f"(?:{_trie(exact - {''})})(?![a-z])"] if exact - {""} else []
        options += [f"(?:{_trie(prefixes)})"] if prefixes else []
        options += ["[^a-z]"] if "" in exact else []
        guard += "(?=" + "|".join(options) + ")" if options else ""
    return f"(?P<{rule}>{guard}(?:" + pattern.replace("(?P<", f"(?P<{rule}__") + "))"


def _first_chars(pattern: str) -> frozenset[str] | None:
    """Every character a match of ``pattern`` can start with (as character-class items:
    escaped characters and ``\\d``/``\\s``/``\\w``), or None where that cannot be told (a
    negated class, an empty match): None means no lookahead, never a wrong one."""
    try:
        from re import _parser as sre_parse  # Python >= 3.11
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse  # type: ignore[no-redef]
    try:
        chars, nullable = _first_of(sre_parse.parse(pattern), sre_parse)
    except _Unknown:
        return None
    return None if nullable or not chars else frozenset(chars)


#: the classes a first character may be given as (by the names the regex parser uses)
_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w"}


class _Unknown(Exception):
    """A construct whose first characters are not worth listing."""


def _first_of(items, sp) -> tuple[set[str], bool]:
    """(first characters, can match the empty string) of a parsed sequence."""
    chars: set[str] = set()
    for op, arg in items:
        if op is sp.LITERAL:
            chars.add(re.escape(chr(arg)))
            return chars, False
        if op is sp.IN:
            for kind, value in arg:
                if kind is sp.LITERAL:
                    chars.add(re.escape(chr(value)))
                elif kind is sp.RANGE and value[1] - value[0] < 512:
                    chars.update(re.escape(chr(c)) for c in range(value[0], value[1] + 1))
                elif kind is sp.CATEGORY and str(value) in _CATEGORIES:
                    chars.add(_CATEGORIES[str(value)])
                else:
                    raise _Unknown
            return chars, False
        if op is sp.BRANCH:
            nullable = False
            for branch in arg[1]:
                sub, empty = _first_of(branch, sp)
                chars |= sub
                nullable |= empty
        elif op is sp.SUBPATTERN:
            if arg[1] or arg[2]:
                raise _Unknown  # inline flags
            sub, nullable = _first_of(arg[3], sp)
            chars |= sub
        elif op in (sp.MAX_REPEAT, sp.MIN_REPEAT):
            sub, empty = _first_of(arg[2], sp)
            chars |= sub
            nullable = empty or arg[0] == 0
        elif op in (sp.ASSERT, sp.ASSERT_NOT, sp.AT):
            nullable = True  # zero width: the next item starts the match
        else:
            raise _Unknown
        if not nullable:
            return chars, False
    return chars, True


@lru_cache(maxsize=1)
def combined() -> re.Pattern[str]:
    """The one regex over the text; ``match.lastgroup`` names the rule that matched."""
    rules = _rules()
    body = "|".join(_prefix(name, pattern) for name, pattern in rules.items())
    return re.compile(_ascii_digits(rf"(?<![\w\u00c0-\u024f]){_gate(rules.values())}(?:{body})"))


def _ascii_digits(pattern: str) -> str:
    """``pattern`` with ``\\d`` read as the ASCII digits only.  Python's ``\\d`` takes every
    script's digits; the fast scan (``scan.py``) sees the text reduced to ASCII, and a date in
    English news is written in ASCII digits (``int()`` in the handlers reads either)."""
    out: list[str] = []
    i, n, in_class = 0, len(pattern), False
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            pair = pattern[i:i + 2]
            out.append(("0-9" if in_class else "[0-9]") if pair == "\\d" else pair)
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
            out.append(ch)
            i += 1
            if pattern.startswith("^", i):
                out.append("^")
                i += 1
            if pattern.startswith("]", i):  # a "]" first in a class is literal
                out.append("]")
                i += 1
            continue
        if ch == "]" and in_class:
            in_class = False
        out.append(ch)
        i += 1
    return "".join(out)


@lru_cache(maxsize=1)
def _rules() -> dict[str, str]:
    """Each rule's pattern (its group names not yet prefixed), in the order of ``RULES``."""
    lex = lexicon()
    full_months = [m for m in lex.months if m in FULL_MONTHS]
    mon = alternation(lex.months)
    mon_full = alternation(full_months)
    wd = alternation(lex.weekdays)
    pod = alternation(["morning", "afternoon", "evening", "night"])
    ones = "one|two|three|four|five|six|seven|eight|nine"
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    word_number = (rf"(?:(?:{tens})(?:[\s-]+(?:{ones}))?|"
                   + alternation(list(lex.numbers) + list(lex.vague_numbers))[3:-1] + ")")
    number = (rf"(?:\d{{1,3}}(?:\.\d+)?(?:\s+1/2)?|{word_number}(?:[\s-]+(?:hundred|thousand))?)"
              r"(?:\s+(?:and\s+a\s+half))?")
    number_range = rf"{number}(?:\s*(?:-|to|or)\s*{number})?"
    unit = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?"
            r"|quarters?|years?|decades?|century|centuries)")
    unit_sg = r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century)"
    year = r"(?<![\d$\u00a3\u20ac.,:/])(?:1[5-9]\d\d|20\d\d)(?![\d%]|[.,]\d|-\d|\s*%)"
    daynum = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
    # a year as said aloud in broadcast transcripts ("nineteen ninety-four", "two thousand")
    spoken_year = (rf"(?:nineteen[\s-]+(?:{tens})(?:[\s-]+(?:{ones}))?"
                   rf"|two\s+thousand(?:\s+and\s+(?:{ones}|ten))?)(?![\w-])")
    season = alternation(lex.seasons)
    holiday = alternation(list(lex.holidays) + sorted(lex.moveable_holidays))
    sets = alternation([s for s in lex.sets if not s.startswith("a ")])
    refs = alternation(lex.references)
    rel_prefix = (r"(?:this\s+past|this\s+coming|the\s+previous|the\s+following|the\s+next"
                  r"|the\s+past|the\s+coming|the\s+current|the\s+latest|the\s+same|this|last|next"
                  r"|coming|that)")
    tz = r"(?:[ecmp][sd]t|gmt|utc|bst|cet|cest|msk)"
    edge_mod = (r"(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
                r"|the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of"
                r"|the\s+rest\s+of|the\s+remainder\s+of|end|around)")
    rules = {
        "datefull": (
            rf"(?:(?P<wd>{wd}),?\s+)?(?P<mon>{mon})\s*(?P<day>{daynum})(?:,?\s+(?P<year>{year}))?"
            rf"|(?:(?P<wd2>{wd}),?\s+)?(?:the\s+)?(?P<day2>{daynum})\s+(?:of\s+)?(?P<mon2>{mon})"
            rf"(?:,?\s+(?P<year2>{year}))?"),
        "iso": r"(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
               r"(?:t(?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d))?",
        "numeric": r"(?<![\d/])(?P<a>0?[1-9]|[12]\d|3[01])/(?P<b>0?[1-9]|[12]\d|3[01])/(?P<y>(?:19|20)\d\d)"
                   r"(?![\d/])",
        "clock": (
            rf"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?:a\.m|p\.m)\.?|(?:am|pm)(?!\w))"
            rf"(?:\s+(?P<tz>{tz}))?"
            rf"(?:,?\s+(?:on\s+)?(?P<rel>(?:today|tomorrow|yesterday|tonight)|{wd}"
            rf"|(?P<cmon>{mon})\s*(?P<cday>{daynum})))?"
            rf"|(?<=at\s)(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?:\s+(?P<tz2>{tz}))?"
            rf"|(?P<h3>[01]?\d|2[0-3]):?(?P<mi3>[0-5]\d)\s+(?P<tz3>{tz}|local\s+time)(?![\w])"
            rf"|(?:(?<=at\s)|(?<=by\s)|(?<=until\s))(?P<noon>(?:noon|midnight|midday))"
            rf"(?:\s+(?:on\s+)?(?P<rel2>(?:today|tomorrow|yesterday)|{wd}))?"
            rf"|(?P<noon2>(?:noon|midnight|midday))\s+(?:on\s+)?(?P<rel3>(?:today|tomorrow|yesterday)|{wd})"),
        "monthyear": (rf"(?:(?P<mod>{edge_mod})[\s-]+)?(?P<mon>{mon}),?\s+(?:of\s+)?"
                      rf"(?:(?P<year>{year})|(?P<syear>{spoken_year}))"
                      rf"|(?:(?P<mod2>{edge_mod})[\s-]+)?(?P<mon2>{mon_full})\s+(?:of\s+)?"
                      r"(?P<rel>(?:this|last|next))\s+(?:year)(?![\w-])"),
        "yearago": (
            r"(?:(?P<det>(?:the|a))\s+)?(?:(?:comparable|same)\s+)?"
            r"(?P<adj>(?:year-earlier|year-ago|year\s+earlier|year\s+ago|year-before|prior-year))"
            r"(?:\s+(?P<what>(?:(?:first|second|third|fourth|fiscal|nine|six|three|twelve)[\s-]+){0,3}"
            r"(?:quarter|period|months|half|results)))?"),
        "ago": (
            rf"(?:(?P<approx>(?:about|almost|nearly|some|more\s+than|less\s+than|over|roughly"
            rf"|just|only|around|at\s+least))\s+)?(?P<num>{number})[\s-]+(?P<unit>{unit})\s+"
            rf"(?P<dir>(?:ago|earlier|later|before|after|from\s+now|hence))"),
        "quarter": (
            r"(?:(?P<det>(?:the|its|their|this\s+year's|last\s+year's|next\s+year's))\s+)?"
            rf"(?:(?P<qyear0>{year})\s+)?"
            r"(?P<mods>(?:(?:fiscal|calendar|comparable|same|latest|current|previous|past|last"
            r"|next|coming|year-earlier|year-ago|latest|recent|most\s+recent|final|preceding)[\s-]+){0,4})"
            rf"(?:(?P<qyear>{year})\s+)?"
            r"(?:(?P<ord>(?:first|second|third|fourth|1st|2nd|3rd|4th))[\s-]+(?:(?:fiscal|calendar)[\s-]+)?)?"
            r"(?P<q>quarter|period|(?:(?<=first[\s-])|(?<=second[\s-])|(?<=last\s))half)(?![\w-]|-\w)"
            rf"(?:\s+(?:of)\s+(?:(?:fiscal|calendar)\s+)?(?P<qyear2>{year})"
            r"|\s+of\s+(?P<qthis>the|this|next|last)\s+(?:fiscal\s+|calendar\s+)?year(?![\w-]))?"
            r"|(?P<ord2>(?:first|second|third|fourth))[\s-]+(?P<q2>(?:quarter|half))(?=-)"
            rf"|(?P<qh>[qh])(?P<qn>[1-4])(?![\w-])(?:\s+(?:of\s+)?(?:fy\s*)?(?P<qyear3>{year}))?"),
        "decade": (r"(?:(?P<det>(?:the))\s+)?(?:(?P<mod>(?:early|mid|late))[\s-]+)?"
                   r"(?P<dec>(?:1[5-9]|20)\d0|['\u2019]\d0)s(?!\w)"
                   r"|(?P<det2>the)\s+(?:(?P<mod2>(?:early|mid|late))[\s-]+)?"
                   r"(?P<sdec>(?:twenties|thirties|forties|fifties|sixties|seventies|eighties"
                   r"|nineties))(?!\w)"),
        "relunit": (
            rf"(?:(?P<mod>{edge_mod}|(?:earlier|later))\s+(?:(?:in|of)\s+)?)?"
            rf"(?P<rel>{rel_prefix})\s+(?P<unit>(?:week|weekend|month|year|quarter|decade|century))(?![\w-])"
            r"|(?P<mod2>(?:earlier|later|early|late)\s+in|the\s+end\s+of|the\s+beginning\s+of"
            r"|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of)\s+the\s+"
            r"(?P<unit2>(?:week|month|year|decade|century))(?![\w-])"
            r"|(?P<unit3>(?:year|month|week))[\s-](?P<end3>(?:end|earlier))(?![\w-])"
            r"|(?P<the>the)\s+(?P<yadj>full|current\s+fiscal|latest\s+fiscal|fiscal|calendar)"
            r"\s+year(?![\w-]|\s+(?:of\s+)?\d)"
            r"|(?P<the2>(?:the))\s+(?P<unit4>(?:year|week|weekend))"
            r"(?![\w-]|\s+(?:of\s+)?(?:\d|two\s+thousand|nineteen))"),
        "anaphor": (r"(?:(?P<mod>(?:earlier|later|early|late))\s+)?"
                    r"(?P<that>(?:that|the\s+same|the\s+following|the\s+next|that\s+same))\s+"
                    r"(?P<unit>(?:day|week|month|year|quarter|morning|afternoon|evening|night))(?![\w-])"
                    r"|(?P<cent>(?:[1-9]|1\d|2[01])(?:st|nd|rd|th))\s+century(?![\w-])"),
        "season": (rf"(?:(?P<mod>(?:early|late|mid))[\s-]+)?"
                   rf"(?:(?P<rel>(?:this\s+past|this\s+coming|this|last|next|the\s+early|the\s+late"
                   rf"|the|that))\s+)?(?P<season>{season})"
                   rf"(?:\s+(?:of\s+)?(?:(?P<year>{year})|(?P<syear>{spoken_year})))?(?![\w-])"),
        "holiday": rf"(?:(?P<rel>(?:last|next|this))\s+)?(?P<hol>{holiday})(?:\s+(?P<week>(?:week)))?(?!\w)",
        "relday": (
            r"(?:(?P<mod>(?:late|early|later|earlier))\s+)?"
            r"(?P<rd>(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight"
            r"|yesterday|tomorrow|overnight|this\s+morning|this\s+afternoon|this\s+evening"
            r"|last\s+night|last\s+evening))"
            rf"(?:\s+(?P<pod>{pod}))?(?!\w)"),
        "weekday": (
            r"(?:(?P<rel>(?:last|next|this\s+past|this\s+coming|this|the\s+previous|the\s+following"
            r"|the\s+next|coming|past))\s+)?"
            rf"(?P<wd>{wd})(?P<plural>s)?(?:\s+(?P<pod>{pod})(?P<podplural>s)?)?(?!\w)"),
        "month": (rf"(?:(?P<mod>{edge_mod})[\s-]+)?"
                  rf"(?:(?P<rel>(?:last|next|this\s+past|this\s+coming|this|the\s+previous"
                  rf"|the\s+following|that))\s+)?(?P<mon>{mon_full})(?!\w|\s+\d)"),
        # "two thousand years" is a count, not the year 2000
        "spokenyear": rf"(?:(?:the\s+year)\s+)?(?P<sy>{spoken_year})(?!\s+{unit}(?!\w))",
        "year": (rf"(?:(?P<mod>(?:fiscal|calendar|the\s+year|{edge_mod[3:-1]}|post|pre))[\s-]+"
                 rf"|(?P<fy>fy)\s?)?(?P<year>{year})(?!\w)"),
        "set": (rf"(?P<set>{sets})(?!\w)"
                r"|(?:(?<=\d\s)|(?<=%\s)|(?<=million\s)|(?<=billion\s)|(?<=percent\s)|(?<=times\s)"
                r"|(?<=once\s)|(?<=twice\s)|(?<=dollars\s))(?P<aset>a\s+(?:year|month|week|day))(?!\w)"
                rf"|(?P<wdset>{wd})s(?!\w)"
                rf"|(?:every|each)\s+(?P<each>{wd}|{mon_full})(?!\w)"),
        "duration": (
            r"(?:(?P<approx>(?:at\s+least|about|more\s+than|less\s+than|nearly|almost|over(?!\s+the\b)"
            r"|roughly|up\s+to|around|approximately|another|an\s+additional|a\s+further"
            r"|the\s+better\s+part\s+of|within))\s+)?"
            r"(?:(?P<det>(?:the|its|their|his|her))\s+)?"
            r"(?:(?P<rel>(?:past|(?<!to\s)(?<!will\s)(?<!would\s)(?<!could\s)(?<!might\s)(?<!can\s)"
            r"(?<!may\s)(?<!must\s)(?<!should\s)(?<!did\s)(?<!does\s)(?<!'ll\s)last"
            r"|next|first|coming|previous|following|latest|final|initial"
            r"|remaining|preceding|same|full|entire|whole))\s+)?"
            rf"(?P<num>{number_range})(?P<sep>[\s-]+)(?:(?:more|additional|full|straight|consecutive"
            rf"|long|short|whole)\s+)?(?P<unit>{unit})(?P<andhalf>\s+and\s+a\s+half)?"
            r"(?P<suffix>-(?:long|old))?"
            r"(?:\s+(?:or\s+so))?(?![\w-])"
            rf"|(?P<det2>(?:the))\s+(?P<rel2>(?:past|last|next|coming|previous|following|first|latest))\s+"
            rf"(?P<unit2>{unit_sg})(?![\w-])"
            r"|(?P<half>half\s+an?\s+(?:hour|day|year|century))(?!\w)"
            rf"|(?:another|an\s+additional|a\s+further|an\s+extra)\s+(?P<unit5>{unit_sg})(?![\w-])"),
        "bareunits": (r"(?:(?<=for\s)|(?<=over\s)|(?<=within\s)|(?<=than\s)|(?<=lasted\s)"
                      r"|(?<=takes\s)|(?<=took\s))(?P<units>(?:years|months|weeks|days|decades|hours"
                      r"|minutes))(?![\w-])|(?P<long>(?:years|months|weeks|days|decades)-long)(?!\w)"),
        "reference": rf"(?P<ref>{refs})(?![\w-])",
    }
    assert tuple(rules) == RULES, "rule table and RULES out of step"
    return rules


# Words that may start an expression but never make one alone ("the", "last", "two"): the
# gate lets them through only when the next word could continue a time expression.
WEAK_FIRST = frozenset("""
a an the at that this these its his her their over more less up as about almost nearly just only
some all end around right mid early late earlier later last next coming previous following latest
first second third fourth final fiscal calendar comparable same several few many number numerous
another approximately roughly within whole entire full initial remaining preceding recent most
one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen twenty thirty forty fifty sixty seventy eighty ninety hundred dozen
couple new post pre prior countless
""".split())
# Words that may stand between a weak first word and the word that makes the expression.
MIDDLE = WEAK_FIRST | frozenset("least than to or of in better part and".split())
# Words of the patterns that never start one (they follow: "ago", "of 1990", "or so").
NEVER_FIRST = frozenset("in of to and or than on ago hence from before after least so st nd rd th "
                        "better part s t m p sd ecmp for by until million billion percent times "
                        "once twice dollars lasted takes took other".split())


# Words of the patterns that only precede or follow a time expression ("$5 million a year").
NEVER_SECOND = frozenset("million billion percent dollars times once twice for by until other lasted "
                         "takes took on s t m p sd ecmp so st nd rd th".split())


def _trie(words: set[str]) -> str:
    """The words as one prefix-factored alternation (see :func:`.lexicon.trie`)."""
    return trie(dict.fromkeys(words, ""))


def _without_lookarounds(pattern: str) -> str:
    """``pattern`` without its lookahead and lookbehind groups: a word that only stands in one
    ("will" in "(?<!will\\s)last") is never part of a match, so it cannot start one (modal
    verbs let through by the gate were a fifth of the positions where every rule was tried)."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            depth, j = 0, i
            while j < n:
                ch = pattern[j]
                if ch == "\\":
                    j += 2
                    continue
                if ch == "[":  # a character class: its brackets and parentheses are literal
                    j += 1
                    if j < n and pattern[j] == "^":
                        j += 1
                    if j < n and pattern[j] == "]":
                        j += 1
                    while j < n and pattern[j] != "]":
                        j += 2 if pattern[j] == "\\" else 1
                elif ch == "(":
                    depth += 1
                elif ch == ")":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            out.append(" ")
            i = j + 1
            continue
        if pattern[i] == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        out.append(pattern[i])
        i += 1
    return "".join(out)


def _first_words(patterns) -> set[str] | None:
    """The words (runs of a-z) that a match of one of ``patterns`` can start with, read from
    the parsed patterns; None where that cannot be told.  "time" and "day" are words of the
    rules ("local time", "two days") but no rule starts with them: the gate need not stop
    there."""
    try:
        from re import _parser as sre_parse  # Python >= 3.11
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse  # type: ignore[no-redef]
    found: set[str] = set()
    try:
        for pattern in patterns:
            opened, done = _walk(sre_parse.parse(pattern), {""}, sre_parse)
            found |= opened | done
    except _Unknown:
        return None
    return found


@lru_cache(maxsize=None)  # parsed once per rule: `rules_at` asks for every word it meets
def _first_word_split(pattern: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """(first words a character that is no letter follows, first words the match may end in),
    "" standing for a match that starts with no letter; None where that cannot be told."""
    try:
        from re import _parser as sre_parse  # Python >= 3.11
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse  # type: ignore[no-redef]
    try:
        opened, done = _walk(sre_parse.parse(pattern), {""}, sre_parse)
    except _Unknown:
        return None
    return frozenset(done), frozenset(opened)


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


def _walk(items, opened: set[str], sp) -> tuple[set[str], set[str]]:
    """Follow a parsed sequence from the word beginnings ``opened`` (letters read so far, the
    word still running): (words still running at its end, words ended inside it)."""
    done: set[str] = set()
    for op, arg in items:
        if not opened:
            break
        if op is sp.LITERAL or op is sp.IN:
            chars: set[str] = set()
            ends = False
            members = [(sp.LITERAL, arg)] if op is sp.LITERAL else arg
            for kind, value in members:
                if kind is sp.LITERAL:
                    chars.add(chr(value))
                elif kind is sp.RANGE and value[1] - value[0] < 512:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                elif kind is sp.CATEGORY and str(value) in ("CATEGORY_DIGIT", "CATEGORY_SPACE"):
                    ends = True
                else:
                    raise _Unknown
            letters = chars & _LETTERS
            if ends or chars - _LETTERS:
                done |= opened  # a character that is not a letter ends the first word
            opened = {w + c for w in opened for c in letters}
        elif op is sp.BRANCH:
            after: set[str] = set()
            for branch in arg[1]:
                o, d = _walk(branch, opened, sp)
                after |= o
                done |= d
            opened = after
        elif op is sp.SUBPATTERN:
            if arg[1] or arg[2]:
                raise _Unknown
            opened, d = _walk(arg[3], opened, sp)
            done |= d
        elif op in (sp.MAX_REPEAT, sp.MIN_REPEAT):
            low, high, sub = arg
            after = set(opened) if low == 0 else set()
            current = opened
            for count in range(1, 9):
                current, d = _walk(sub, current, sp)
                done |= d
                if count >= low:
                    after |= current
                if not current or count >= high:
                    break
            else:
                raise _Unknown  # a repeated run of letters: no finite list of words
            opened = after
        elif op in (sp.ASSERT, sp.ASSERT_NOT, sp.AT):
            continue
        else:
            raise _Unknown
        if len(opened) > 100_000:
            raise _Unknown
    return opened, done


@lru_cache(maxsize=2)
def _gate_words(patterns: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str], frozenset[str],
                                                     frozenset[str]]:
    """(every literal word of the rules, strong words, weak first words, opening words): what
    the gate lets through, shared with the fast scan (``scan.py``) that must agree with it."""
    literal = re.compile(r"\(\?P<\w+>|\\[a-zA-Z]")
    words: set[str] = set()
    for pattern in patterns:
        words.update(re.findall(r"[a-z]+", literal.sub(" ", _without_lookarounds(pattern))))
    first = words - NEVER_FIRST
    strong, weak = first - WEAK_FIRST, first & WEAK_FIRST
    # a word no rule can start with never opens an expression (it may still follow a weak one)
    first_words = _first_words(patterns)
    if first_words is not None:  # "Fridays": a plural the patterns spell as "friday" + "s"
        strong |= {w + "s" for w in strong if w + "s" in first_words}
    opening = strong if first_words is None else strong & first_words
    if first_words is not None:
        weak &= first_words
    return frozenset(words), frozenset(strong), frozenset(weak), frozenset(opening)


def gate_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(strong words, chain words, opening words): every match holds a strong word (a whole run
    of letters) or a digit, and starts at an opening word, a digit, or at most five chain words
    before a strong word or digit ("at least the past two weeks")."""
    words, strong, weak, opening = _gate_words(tuple(_rules().values()))
    return strong, weak | (MIDDLE & words), opening


def _digits() -> str:
    """What may follow the first digit of an expression: a year, a decade, a clock time, a
    date, or a number and a unit or month ("5 1/2 hours", "12 to 18 months", "3rd of May")."""
    after_number = {u + s for u in lexicon().units for s in ("", "s")} | {"centuries", "half"}
    after_number |= {m.lower().rstrip(".") for m in lexicon().months}
    return (rf"(?:1[5-9]|20)\d\d(?!\d)|\d0s|\d{{1,2}}(?:[:.]\d\d)?\s*[ap]\.?m(?![a-z])"
            rf"|\d{{1,2}}:\d\d|\d{{1,2}}/\d{{1,2}}/\d"
            rf"|\d{{3,4}}\s+(?:[ecmp][sd]t|gmt|utc|bst|cet|cest|msk|local)\b"
            rf"|\d+(?:\.\d+)?(?:st|nd|rd|th)?\s*(?:1/2\s*|(?:to|or|-)\s*\d+\s*)?[\s-]*"
            rf"(?:of\s+|(?:more|additional|full|straight|consecutive|long|short|whole)\s+)?"
            rf"(?:{_trie(after_number)})(?![a-z])")


@lru_cache(maxsize=1)
def digit_gate() -> re.Pattern[str]:
    """The gate's test for a place that starts with a digit or an apostrophe ("'90s"): most
    numbers in news ("$5 million", "35 percent") fail it at once."""
    return re.compile(_ascii_digits(rf"(?:{_digits()})|['\u2019]\d0s"))


def _gate(patterns) -> str:
    """A lookahead that most word starts fail at once, before the rules are tried.

    Every literal word of the rules is a possible first word (but NEVER_FIRST); a word in
    WEAK_FIRST must be followed, through at most four MIDDLE words ("at least the past two"),
    by a word that is not weak, or a digit.  On news text this leaves
    the full alternation to run at about one word in twenty, which makes the scan several
    times faster; ``tests/test_time_gate.py`` checks that it finds exactly what the ungated
    regex finds."""
    words, strong, weak, opening = _gate_words(tuple(patterns))
    any_word = f"(?:{_trie(words - NEVER_SECOND)})(?![a-z])"
    digits = _digits()
    strong_word = f"(?:{_trie(strong)})(?![a-z])"
    opening_word = f"(?:{_trie(opening)})(?![a-z])"
    sep = r"(?:[\s-]+|['\u2019]s\s+)"
    # one test of the first character (a word starting with "g" or "u" can open nothing), then
    # the number alternatives behind one digit test: letters (most word starts) fail it at once
    heads = "".join(sorted({w[0] for w in opening | weak} | set("qh'\u2019")))
    # the opening and the weak words in one trie, each word ending in what must follow it, so
    # that a word start is walked once (an opening word and a weak word are never the same)
    weak_tail = (rf"(?:{sep}(?:{_trie(MIDDLE & words)})(?![a-z])){{0,4}}"
                 rf"{sep}(?:{strong_word}|\d|['\u2019]\d)")
    ends = dict.fromkeys(opening, "(?![a-z])") | dict.fromkeys(weak, weak_tail)
    return (rf"(?=(?=[{heads}\d])(?:(?=\d)(?:{digits})|['\u2019]\d0s|[qh][1-4]\b"
            rf"|{trie(ends)}))")


@lru_cache(maxsize=None)
def tail(rule: str) -> re.Pattern[str] | None:
    """The rules after ``rule``, to try at the same position when ``rule``'s handler rejects a
    match ("half" is not a half-year; "the year" in "the year two thousand" is not "this year")."""
    pattern = ungated().pattern
    start = pattern.index(f"(?P<{rule}>")
    following = RULES[RULES.index(rule) + 1:]
    if not following:
        return None
    cut = pattern.index(f"|(?P<{following[0]}>", start)
    head = pattern[:pattern.index("(?:(?P<")]
    return re.compile(head + "(?:" + pattern[cut + 1:])


@lru_cache(maxsize=1)
def ungated() -> re.Pattern[str]:
    """The same regex without the gate (for tests: the gate must not change what is found)."""
    pattern = combined().pattern
    start = pattern.index("(?=")
    depth, i = 0, start
    while True:  # skip the balanced lookahead
        if pattern[i] == "(" and pattern[i - 1] != "\\":
            depth += 1
        elif pattern[i] == ")" and pattern[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                break
        i += 1
    return re.compile(pattern[:start] + pattern[i + 1:])


#: what must precede any expression: no letter or digit (so "1990" in "A1990" is none)
_WORD_START = r"(?<![\w\u00c0-\u024f])"


@lru_cache(maxsize=None)
def rule_regex(rule: str) -> re.Pattern[str]:
    """One rule alone, as it stands in the combined regex (same group names, no guard).  Trying the rules
    that can start with the word at hand one by one, in order, finds what the combined regex
    finds there (its first alternative that matches), without walking every rule's guard; and
    a regex with a few groups saves and restores far fewer marks than one with all of them."""
    pattern = _rules()[rule].replace("(?P<", f"(?P<{rule}__")
    # no guard on the first word: the rule is only tried where ``rules_at`` allows it (and a
    # small regex stays in the processor's cache between articles)
    return re.compile(_ascii_digits(f"{_WORD_START}(?P<{rule}>(?:{pattern}))"))


@lru_cache(maxsize=None)
def rules_at(word: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(rule, regex) of the rules, in order, that can match at a place whose run of letters is
    ``word`` ("" for a digit or another character): read from each rule's possible first
    words, as ``_prefix`` guards it."""
    out = []
    for rule, pattern in _rules().items():
        split = _first_word_split(pattern)
        if split is not None and "" not in split[1]:  # else no word guard (as in ``_prefix``)
            exact, prefixes = split
            if word:
                if word not in exact and not any(word.startswith(p) for p in prefixes):
                    continue
            elif "" not in exact:
                continue
        out.append((rule, rule_regex(rule)))
    return tuple(out)


@lru_cache(maxsize=None)
def rules_before(word: str, strong: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Like :func:`rules_at`, for a place whose first strong word ahead is ``strong`` ("0" for
    a number): only the rules that have that word at all ("the" before "week" cannot start
    "the third quarter")."""
    return tuple((rule, regex) for rule, regex in rules_at(word)
                 if any(v.startswith(strong) or strong.startswith(v) for v in _vocabulary(rule)))


@lru_cache(maxsize=None)
def _vocabulary(rule: str) -> frozenset[str]:
    """Every literal word of a rule, lookarounds included, and "0" when it can hold a digit.
    A word may stand with an optional ending ("weeks?" reads "weeks"), so a strong word is
    taken to be in a rule when it begins a word of the rule or one begins it."""
    pattern = _rules()[rule]
    words = set(re.findall(r"[a-z]+", re.sub(r"\(\?P<\w+>|\\[a-zA-Z]", " ", pattern)))
    if re.search(r"\\d|[0-9]", pattern):
        words.add("0")
    return frozenset(words)


@lru_cache(maxsize=None)
def _group_names(rule: str) -> tuple[tuple[str, str], ...]:
    """((full group name, short name), ...) of a rule, computed once."""
    pairs = []
    for full in rule_regex(rule).groupindex:
        owner, sep, short = full.partition("__")
        if sep and owner == rule:
            pairs.append((full, short))
    return tuple(pairs)


def groups_of(match: re.Match[str], rule: str, text: str) -> dict[str, str]:
    """The groups of the matching rule that matched, without their prefix, read from ``text``.

    The regex runs over the lower-cased text; the values come from the original (same offsets)
    so that handlers can see capitals."""
    pattern, shorts = _group_shorts(rule)
    if match.re is not pattern:  # the combined regex (the slow reference): by name
        out: dict[str, str] = {}
        for full, short in _group_names(rule):
            start, end = match.span(full)
            if start >= 0:
                out[short] = text[start:end]
        return out
    # the rule's own regex: every group is the rule's, in order (``regs`` reads them in one go)
    return {short: text[start:end] for (start, end), short in zip(match.regs[2:], shorts)
            if start >= 0}


@lru_cache(maxsize=None)
def _group_shorts(rule: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """(the rule's regex, the short names of its groups 2, 3, ... in order; group 1 is the
    rule itself)."""
    pattern = rule_regex(rule)
    by_number = {number: name for name, number in pattern.groupindex.items()}
    assert by_number[1] == rule and all(by_number.get(n) for n in range(1, pattern.groups + 1))
    return pattern, tuple(by_number[n].partition("__")[2] for n in range(2, pattern.groups + 1))
