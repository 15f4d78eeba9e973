"""dyadline: a political event coder.

``from dyadline import Coder; Coder().analyse(text, date="2025-01-14")`` returns an
:class:`~dyadline.model.Article` with its mentions, events, quotations, dates and places.
Heavy things (spaCy, dictionaries, the gazetteer) load lazily on first use, so importing
the package is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_exports

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from .coder import Coder
    from .model import Article


__getattr__, _names = lazy_exports(__name__, {"Coder": "coder", "Article": "model"})
__all__ = _names + ["__version__"]
