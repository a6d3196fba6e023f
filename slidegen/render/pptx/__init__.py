"""Rendering a deck plan as a PowerPoint package with python-pptx."""
