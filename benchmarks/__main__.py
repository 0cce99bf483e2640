"""`python -m benchmarks`: the benchmark, see benchmarks/bench.py."""

from .bench import main

raise SystemExit(main())
