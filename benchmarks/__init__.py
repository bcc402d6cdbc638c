"""Speed benchmarks for cnnviz: ``python -m benchmarks`` (all) or ``python -m benchmarks NAME…``.

Not part of the test suite's pass/fail: timings depend on the machine and its load. Each module
has ``run(quick=False) -> list[Figure]``; ``quick`` is a minimal size used by the smoke test.
"""
