"""Use cases: load state, call the pure rules, persist the change and its outbound messages together."""
