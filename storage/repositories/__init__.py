"""Repositories: the only code that touches rows. Each returns domain dataclasses."""
