"""Chronology: the documentary record of Soviet decision-making."""

from importlib.metadata import version

__version__ = version("chronology")
