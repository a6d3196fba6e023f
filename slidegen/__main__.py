"""Run the command line as `python -m slidegen`."""

from slidegen.cli import run

run()
