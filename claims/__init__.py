"""claims: turn documents into a database of cited claims."""

__version__ = "0.1.0"
