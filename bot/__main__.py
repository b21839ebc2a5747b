"""`python -m bot` is the same as the `inquirybot` console script."""

from bot.cli import main

if __name__ == "__main__":  # not when a spawned parser process imports it as __mp_main__
    main()
