"""Loading: content files read by type (YAML today) into documents with positions, pydantic errors located, pictures read."""
