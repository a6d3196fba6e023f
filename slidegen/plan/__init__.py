"""Pure layout: text measurement, fitting, pagination and the plan of every slide (no python-pptx)."""
