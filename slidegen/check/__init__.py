"""Checking: the library of loaded files, references between them, cross-checks, themes, templates and contrast."""
