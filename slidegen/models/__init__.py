"""Pydantic models of every content file type: deck, survey, assignment, guidance and theme."""
