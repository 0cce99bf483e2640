"""Black January explorer: the catalogue of events, places and sources, and what the app builds from it."""

from .loading import Catalog, InvalidData, Problem, check, load

__all__ = ["Catalog", "InvalidData", "Problem", "check", "load"]
