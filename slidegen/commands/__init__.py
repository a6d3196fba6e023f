"""The commands on top of build: watch, serve, validate, examples, themes, schema and the accessibility audit."""
