"""Inbound translation: platform payloads and typed lines become internal commands; nothing else."""
