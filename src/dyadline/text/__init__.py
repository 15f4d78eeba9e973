"""Text: sentences and tokens on spaCy's blank English pipeline, and quotations."""

from .segment import Token, TextDoc, segment, clean_text

__all__ = ["Token", "TextDoc", "segment", "clean_text"]
