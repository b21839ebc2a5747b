"""Outbound: render templates for a platform, pace, retry, and record delivery."""
