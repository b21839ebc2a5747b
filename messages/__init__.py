"""Every user-facing sentence (`<key>.<locale>[.<platform>].j2`) and the term tables (terms.yaml).

A package only so the wheel ships these files as package data; code reads them with importlib.resources.
"""
