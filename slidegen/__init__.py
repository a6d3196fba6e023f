"""slidegen: YAML content in, finished PowerPoint meeting decks out."""

__version__ = "0.1.0"
