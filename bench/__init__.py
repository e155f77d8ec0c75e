"""Benchmarks for the performance targets of the design folder's QUALITY.md (not tests: nothing is asserted).

`python -m bench` runs them all, `python -m bench p6` one, `python -m bench --write` also rewrites
docs/benchmarks.md.
"""
