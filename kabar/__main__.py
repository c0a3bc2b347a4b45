"""`python -m kabar …`: the command line, as the `kabar` script runs it."""

from kabar.cli import main

main()
