"""Run the command line as `python -m slidegen`."""

from slidegen.cli import main

main(prog_name="slidegen")
