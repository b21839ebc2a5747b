"""`python -m bot` is the same as the `inquirybot` console script."""

from bot.cli import main

main()
