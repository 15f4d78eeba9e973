"""Quotations and reported speech, with their cue and the mention that introduces them.

The public surface of quotation finding: :class:`QuoteSpan` and :func:`find_quotations`.
Three steps over a segmented article (:class:`~dyadline.text.segment.TextDoc`), each in
its own module:

1. **Direct quotations** (:mod:`~dyadline.text.quote_direct`): quoted stretches
   (:mod:`~dyadline.text.quote_marks`) attributed to a speech cue
   (:mod:`~dyadline.text.quote_cues`, lexicon ``data/speech_verbs.tsv``) after or before
   them; split quotations and quotations running on in the next sentence or paragraph are
   joined; scare quotes and titles are left out.
2. **Reported speech** (:mod:`~dyadline.text.quote_reported`): "X said (that) ...",
   "..., X said", "..., said X", "According to X, ...", "..., saying ...".
3. Unattributed quoted stretches inside reported speech are folded into it.

The speaker is the noun phrase the text gives ("Russian Foreign Minister Sergei Lavrov",
"he", "the ministry"); mapping it to an actor is the coder's job.  Everything is linear in
the length of the article: regular expressions over the text, one pass over the tokens,
and bounded token walks around cues.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from ..model import Span
from .quote_direct import direct_pass
from .quote_reported import fold_into_reported, reported_pass
from .quote_state import ArticleState
from .segment import TextDoc


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation or a piece of reported speech.

    ``start``/``end`` delimit the content without quotation marks; for a quotation split
    around its cue they run from the first part's start to the last part's end and
    ``parts`` lists the pieces.  ``cue`` is the speech verb or phrase, ``speaker`` the noun
    phrase that introduces it, ``direct`` True inside quotation marks.
    """

    start: int
    end: int
    cue: Span | None
    speaker: Span | None
    direct: bool
    parts: tuple[tuple[int, int], ...] = ()

    @property
    def pieces(self) -> tuple[tuple[int, int], ...]:
        """The content pieces (the whole span where the quotation is not split)."""
        return self.parts or ((self.start, self.end),)


def find_quotations(doc: TextDoc) -> list[QuoteSpan]:
    """Direct quotations (straight and curly double quotes, also single-quote or «» styles where
    paired) and reported speech (X said (that) ..., ..., X said; according to X, ...), with cue
    and speaker span, in text order."""
    if not doc.tokens:
        return []
    art = ArticleState(doc)
    direct = direct_pass(art)
    reported = reported_pass(art, direct)
    drafts = fold_into_reported(direct, reported) + reported
    out: list[QuoteSpan] = []
    text, starts, ends = art.text, art.starts, doc.token_ends()
    for d in drafts:
        parts = tuple(d.parts)
        if d.cue_chars is not None:
            a, b = d.cue_chars
        elif d.cue is not None:
            a, b = starts[d.cue[0]], ends[d.cue[1] - 1]
        cue = None if d.cue_chars is None and d.cue is None else Span(text=text[a:b], start=a, end=b)
        speaker = None
        if d.speaker is not None:
            a, b = starts[d.speaker[0]], ends[d.speaker[1] - 1]
            speaker = Span(text=text[a:b], start=a, end=b)
        out.append(QuoteSpan(start=parts[0][0], end=parts[-1][1], cue=cue, speaker=speaker,
                             direct=d.direct, parts=parts if len(parts) > 1 else ()))
    out.sort(key=_START)
    return out


_START = attrgetter("start")
