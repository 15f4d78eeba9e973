"""Lazy package exports: a name is imported from its module on first use.

Packages that pull in heavy libraries (DuckDB, Dask, FastAPI, matplotlib) export their public
names this way so that ``import dyadline`` and ``dyadline --help`` stay fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any, Callable


def lazy_exports(package: str, exports: dict[str, str]) -> tuple[Callable[[str], Any], list[str]]:
    """A module ``__getattr__`` that imports ``package.exports[name]`` on demand, and ``__all__``."""

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(f"{package}.{module}"), name)

    return __getattr__, sorted(exports)
