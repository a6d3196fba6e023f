"""Rendering a deck plan: python-pptx in pptx/, chart pictures drawn with matplotlib shared by every output."""
