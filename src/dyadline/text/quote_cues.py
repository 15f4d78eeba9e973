"""Speech cues and the noun phrases that name their speakers.

The cue lexicon is a data file (``data/speech_verbs.tsv``) so that a political scientist
can add a verb without reading Python.  Speakers are found without a parser, by walking
tokens from the cue: leftwards for the subject ("Russian Foreign Minister Sergei Lavrov
stated"), rightwards for inverted order ("said Lavrov").  The walk stops at punctuation,
at function words that cannot sit inside a noun phrase, and at a length limit, which
is what keeps it linear and cheap (it only runs around cues).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from importlib import resources
from typing import NamedTuple, Sequence

from .segment import TextDoc, Token


@dataclass(frozen=True)
class CueEntry:
    """One lexicon row: a lemma, whether it introduces reported speech, takes a recipient."""

    lemma: str
    reported: bool
    recipient: bool
    noun_forms: frozenset[str] = frozenset()


class Cue(NamedTuple):
    """A cue found in the text: token range ``[first, last)`` and its lexicon entry.  A named
    tuple (immutable like a frozen dataclass, built several times faster: one per cue word)."""

    first: int
    last: int
    entry: CueEntry
    form: str

    @property
    def participle(self) -> bool:
        return self.form.endswith("ing") and self.entry.lemma != "according to"


@lru_cache(maxsize=1)
def lexicon() -> dict[str, list[tuple[tuple[str, ...], CueEntry]]]:
    """First word of a form -> [(all words of the form, entry)], longest forms first."""
    raw = resources.files("dyadline.text").joinpath("data/speech_verbs.tsv").read_text("utf-8")
    return parse_lexicon(raw, "speech_verbs.tsv")


def parse_lexicon(raw: str, name: str = "lexicon") -> dict[str, list[tuple[tuple[str, ...], CueEntry]]]:
    """Read the cue lexicon's TSV text; a malformed row is a ValueError naming its line."""
    table: dict[str, list[tuple[tuple[str, ...], CueEntry]]] = {}
    numbered = [(n, line) for n, line in enumerate(raw.splitlines(), 1)
                if line.strip() and not line.startswith("#")]
    if not numbered:
        raise ValueError(f"{name}: no rows")
    header = numbered[0][1].split("\t")
    missing = {"lemma", "forms", "reported", "recipient"} - set(header)
    if missing:
        raise ValueError(f"{name} line {numbered[0][0]}: header lacks {', '.join(sorted(missing))}")
    for n, line in numbered[1:]:
        row = dict(zip(header, line.split("\t")))
        if not row.get("lemma") or not row.get("forms") or row.get("reported") not in ("yes", "no") \
                or row.get("recipient") not in ("yes", "no"):
            raise ValueError(f"{name} line {n}: needs a lemma, forms, and yes/no for reported and "
                             f"recipient: {line!r}")
        nouns = frozenset(f.strip() for f in (row.get("noun_forms") or "").split("|") if f.strip())
        entry = CueEntry(row["lemma"], row["reported"] == "yes", row["recipient"] == "yes", nouns)
        for form in row["forms"].split("|"):
            words = tuple(form.strip().lower().split())
            if words:
                table.setdefault(words[0], []).append((words, entry))
    for forms in table.values():
        forms.sort(key=lambda f: -len(f[0]))
    return table


_AFTER_VERB_FORM = frozenset(["that", ":", ".", "!", "?", "“", '"', "''", "‘", "—"])
#: words after which a verb form is an adjective or a noun ("the alleged", "his stated goal")
_DETERMINER_BEFORE = frozenset("the a an its his her their our my your every each no another such".split())
_BEFORE_NOUN = frozenset("""the a an this that these those its his her their our my your every each
any no some many several all both other another such one two three four five""".split())


def _verb_position(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Whether a form that can also be a noun ("report", "states") stands where a verb does:
    after a pronoun, or before "that", a colon, a quotation mark or the sentence end when no
    determiner, possessive or number stands before it ("the state.", "50 states.")."""
    if first > 0 and tokens[first - 1].lower in PRONOUNS and tokens[first - 1].lower != "it":
        return True
    if first > 0 and (tokens[first - 1].lower in _BEFORE_NOUN or tokens[first - 1].text[:1].isdigit()
                      or tokens[first - 1].lower in ("'s", "’s")):
        return False
    return last < len(tokens) and tokens[last].lower in _AFTER_VERB_FORM


def find_cues(doc: TextDoc) -> list[Cue]:
    """Every occurrence of a lexicon form, in token order (one pass over the tokens)."""
    table = lexicon()
    tokens = doc.tokens
    cues: list[Cue] = []
    lowers = doc.lowers()
    n = len(tokens)
    next_free = 0
    # only tokens that can start a form are looked at (one C-level pass over the lower forms)
    for i in compress(range(n), map(table.__contains__, lowers)):
        if i < next_free:
            continue  # inside a multiword form already taken
        tok = tokens[i]
        forms = table[lowers[i]]
        # verbs are lower case ("Secretary of State" is no cue) unless they open a sentence
        if forms and (tok.text[:1].islower() or i == 0 or tokens[i - 1].sent != tok.sent
                      or tokens[i - 1].text in _OPENING_PUNCT):
            for words, entry in forms:
                k = len(words)
                # a one-word form needs no comparison; a longer one compares the following
                # lower forms as one slice
                if k == 1 or (i + k <= n and tuple(lowers[i + 1:i + k]) == words[1:]):
                    form = words[0] if k == 1 else " ".join(words)
                    if i > 0 and lowers[i - 1] in _DETERMINER_BEFORE:
                        break  # "the reported bomber", "his stated goal": not a verb
                    if i > 0 and tokens[i - 1].text == "-" and tokens[i - 1].end == tok.start:
                        break  # "so-called", "self-described": part of a compound word
                    if form in entry.noun_forms and not _verb_position(tokens, i, i + k):
                        break
                    cues.append(Cue(i, i + k, entry, form))
                    next_free = i + k
                    break
    return cues


_OPENING_PUNCT = frozenset('“"‘(—–-:')
PRONOUNS = frozenset("he she they we i you it who".split())
# Words that never sit inside a speaker's noun phrase: walking stops before them.
_STOP = frozenset("""
and or but nor so yet that which whom whose when where while because although though if
unless as than since until after before during about over under into onto upon through
across against among between within without to in on at by with from is was are were be
been being has have had do does did will would shall should can could may might must not
n't n’t no also too very just even only then there here this these those what how why said
says say told tells adding saying according more most less least such other another
both either neither each every all any some many much few several whether
""".split())
_NP_INNER = frozenset("of for the a an and & 's ’s ' . - – at".split())
_SKIP_BEFORE_CUE = frozenset("""
also later then has have had would will could may might should must did does do is was
are were been be not n't n’t never once again still already just further previously recently
repeatedly often frequently reportedly publicly privately separately initially first
finally ultimately earlier simply flatly quickly immediately subsequently similarly
""".split())
_DETERMINERS = frozenset("the a an his her their its our my your some many most several few one two three".split())
_INTRO = frozenset("speaking however meanwhile still instead later earlier yes no well now".split())
_TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday today yesterday
tonight week month year morning afternoon evening night weekend last this next on
""".split())


def _is_word(tok: Token) -> bool:
    return tok.text[:1].isalnum()


def skip_left(tokens: Sequence[Token], j: int, lo: int) -> int:
    """From token ``j`` leftwards, skip auxiliaries, adverbs and time words before a cue."""
    while j >= lo:
        low = tokens[j].lower
        if low in _SKIP_BEFORE_CUE or (low.endswith("ly") and len(low) > 4 and low not in PRONOUNS
                                       and not tokens[j].text[:1].isupper()):
            j -= 1
        elif low in _TIME_WORDS and j - 1 >= lo and tokens[j - 1].lower in ("on", "last", "this"):
            j -= 2
        elif low in _TIME_WORDS and low.endswith("day") and not tokens[j].text[:1].islower():
            j -= 1
        else:
            break
    return j


def left_np(tokens: Sequence[Token], j: int, lo: int, max_len: int = 12) -> tuple[int, int] | None:
    """Token range of the noun phrase ending at or before token ``j`` (not before ``lo``).

    Auxiliaries and adverbs between the phrase and the cue are skipped ("Lavrov also
    said", "he has repeatedly said").  Returns None where no phrase ends there.
    """
    j = skip_left(tokens, j, lo)
    if j < lo:
        return None
    head = tokens[j]
    if head.lower in PRONOUNS:
        return (j, j + 1)
    if head.text == ")":  # "Sen. Ted Cruz (R-Texas) said"
        k = j - 1
        while k >= lo and k > j - 8 and tokens[k].text != "(":
            k -= 1
        if k > lo and tokens[k].text == "(":
            inner = left_np(tokens, k - 1, lo, max_len)
            return (inner[0], j + 1) if inner else None
        return None
    if not _is_word(head) or head.lower in _STOP:
        return None
    first = j
    k = j - 1
    while k >= lo and j - k < max_len:
        tok = tokens[k]
        low = tok.lower
        if low in _NP_INNER:
            # only inside a phrase: something name-like or nominal must precede it
            if k - 1 < lo or not _is_word(tokens[k - 1]) and tokens[k - 1].text not in (".",):
                if low in _DETERMINERS:
                    first = k
                break
            if low in ("and", "&") and not (tokens[k + 1].text[:1].isupper() and tokens[k - 1].text[:1].isupper()):
                break
            if low == "at" and not tokens[k + 1].text[:1].isupper() and tokens[k + 1].lower not in _DETERMINERS:
                break
            if low in ("the", "a", "an"):
                first = k
                break
            k -= 1
            continue
        if tok.text in (".",) and k - 1 >= lo and tokens[k - 1].text[:1].isupper() and len(tokens[k - 1].text) <= 3:
            k -= 1  # "U.S." split oddly
            continue
        if not _is_word(tok) or low in _STOP:
            break
        if low in _DETERMINERS:
            first = k
            break
        first = k
        k -= 1
    # a phrase cannot start with an inner word ("of", "for")
    while first <= j and tokens[first].lower in _NP_INNER and tokens[first].lower not in ("the", "a", "an"):
        first += 1
    if first > j:
        return None
    return (first, j + 1)


def right_np(tokens: Sequence[Token], i: int, hi: int, max_len: int = 10) -> tuple[int, int] | None:
    """Token range of the noun phrase starting at token ``i`` ("said Sen. Ted Cruz, ...")."""
    if i >= hi:
        return None
    first = tokens[i]
    if first.lower in PRONOUNS:
        return (i, i + 1)
    if not _is_word(first) or (first.lower in _STOP and first.lower not in _DETERMINERS) or (
            first.lower in _NP_INNER and first.lower not in _DETERMINERS):
        return None
    k = i
    while k < hi and k - i < max_len:
        tok = tokens[k]
        low = tok.lower
        if low in _NP_INNER and k > i:
            if k + 1 >= hi or not _is_word(tokens[k + 1]):
                break
            if low in ("and", "&", "at") and not tokens[k + 1].text[:1].isupper():
                break
            k += 1
            continue
        if low in _DETERMINERS and k == i:
            k += 1
            continue
        if not _is_word(tok) or low in _STOP:
            break
        k += 1
    while k > i and tokens[k - 1].lower in _NP_INNER:
        k -= 1
    if k == i or (k == i + 1 and tokens[i].lower in _DETERMINERS):
        return None
    return (i, k)


def sentence_subject(tokens: Sequence[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """The first noun phrase of a clause, after any introductory phrase set off by a comma."""
    i = lo
    for _ in range(3):
        k = i
        while k < hi and tokens[k].text != "," and k - i < 16:
            k += 1
        if not (k + 1 < hi and tokens[k].text == ","):
            break
        # an introductory phrase: "In June, Putin ...", "Minutes later, she ...",
        # "Asked about it, Clinton ...", "Last month, when I asked him, he ..."
        first = tokens[i].lower
        if first in _STOP or first in _INTRO or first in _TIME_WORDS or (
                first.endswith(("ed", "ing", "ly")) and tokens[i].text[:1].isupper()
                and k - i <= 14 and tokens[i + 1].lower not in lexicon()) or (
                k - i <= 4 and (tokens[k + 1].lower in PRONOUNS or tokens[k + 1].text[:1].isupper())
                and tokens[k + 1].lower not in ("who", "which")):
            i = k + 1
        else:
            break
    if i >= hi:
        return None
    if tokens[i].lower in PRONOUNS:
        return (i, i + 1)
    k = i
    if tokens[k].lower in _DETERMINERS:
        k += 1
    # modifiers and a name: a run of capitalised words, or a determiner and one noun
    start_caps = k
    while k < hi and (tokens[k].text[:1].isupper() or tokens[k].lower in ("of", "'s", "’s", ".", "-")) and k - i < 10:
        k += 1
    if k == start_caps:
        if k < hi and _is_word(tokens[k]) and tokens[k].lower not in _STOP:
            k += 1  # "the campaign", "officials"
        else:
            return None
    while k > i and tokens[k - 1].lower in _NP_INNER:
        k -= 1
    return (i, k) if k > i else None
