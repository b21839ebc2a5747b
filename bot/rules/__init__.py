"""Pure policy rules: values in, decisions out; no I/O, no clock, no framework imports."""
