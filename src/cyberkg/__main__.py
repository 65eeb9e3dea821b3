"""`python -m cyberkg` runs the command line."""

from .cli import main

main()
