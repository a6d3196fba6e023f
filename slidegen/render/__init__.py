"""python-pptx rendering: turns a deck plan into slides, shapes and document properties (no layout decisions)."""
