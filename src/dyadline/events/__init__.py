"""Events: the verb-phrase lexicon, clause analysis and event assembly."""

from .assemble import code_events, intent_code
from .lexicon import Lexicon, load_lexicon

__all__ = ["code_events", "intent_code", "Lexicon", "load_lexicon"]
