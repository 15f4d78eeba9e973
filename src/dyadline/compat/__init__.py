"""Compatibility with the field's formats: PETRARCH/TABARI dictionaries in, Phoenix TSV and PLOVER JSON out.

Dictionaries in: :func:`load_dictionaries` reads a folder of PETRARCH-2/TABARI actor, agent,
verb, discard and issue dictionaries (cached between runs) and returns the overlay that
:class:`dyadline.Coder` codes with (``Coder(dictionaries=DIR)``, ``dyadline code
--dictionaries DIR``).  See ``docs/dictionaries.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .overlay import DictionaryOverlay

__all__ = ["load_dictionaries", "read_dictionaries", "DictionaryError"]


def load_dictionaries(folder: Any, actors: str | None = None, verbs: str | None = None) -> "DictionaryOverlay":
    """The dictionaries of ``folder`` ready to code with (see :mod:`dyadline.compat.overlay`)."""
    from .overlay import load_dictionaries as load

    return load(folder, actors=actors, verbs=verbs)


def read_dictionaries(folder: Any) -> Any:
    """Everything read from a dictionary folder, uncached, with its warnings."""
    from pathlib import Path

    from .loader import read_folder

    return read_folder(Path(folder))


def __getattr__(name: str) -> Any:
    if name == "DictionaryError":
        from .loader import DictionaryError

        return DictionaryError
    raise AttributeError(name)
