"""The SVG renderer: a picture of every slide drawn straight from the plan, for the instant preview."""
