"""Delegation: the director's instruction and the delegation order as data, and the engine that
checks a decision against them (`engine`), read from and written to YAML (`orderfile`)."""
