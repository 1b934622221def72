#!/usr/bin/env python3
# Writes a synthetic perfgate history (JSON lines) for load measurements:
#   scripts/synthetic-history.py RUNS BENCHMARKS SAMPLES FILE
# bench_000 shifts by +10 % halfway through; the others are stationary lognormal noise (sigma 0.05).
import random, sys
random.seed(3)
runs, benches, n = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
pool = ["%.6f" % (random.lognormvariate(0, 0.05)) for _ in range(100000)]
with open(sys.argv[4], "w") as f:
    for r in range(runs):
        shift = 1.1 if r >= runs // 2 else 1.0
        parts = []
        for b in range(benches):
            start = random.randrange(0, 100000 - n)
            s = ",".join(pool[start:start + n]) if (b != 0 or shift == 1.0) else ",".join("%.6f" % (float(x) * shift) for x in pool[start:start + n])
            parts.append('{"name":"bench_%03d","unit":"ms","direction":"lower","samples":[%s]}' % (b, s))
        f.write('{"format":"perfgate-results/1","suite":"big","created":"2026-01-01T00:00:00Z","git":{"commit":"%040x"},"benchmarks":[%s]}\n' % (r * 7919 + 1, ",".join(parts)))
