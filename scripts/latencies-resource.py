#!/usr/bin/env python3
# Turns a one-benchmark perfgate results file into a recorded latency series for the accuracy benchmark
# (dev.perfgate.accuracy.RecordedLatencies), written to stdout:
#   scripts/latencies-resource.py RESULTS.json "COMMAND" LOAD_BEFORE LOAD_AFTER > src/test/resources/accuracy/B-N.txt
# One header line (how, when and where: the perfgate command, the results' timestamp and commit, the machine, the
# 1-minute load average before and after the run), then one sample per line in the results' unit (ms), in run
# order, rounded to 4 significant digits (0.01-0.05 % steps: far below the 5 % the verdicts care about).
import json, sys
results, command, before, after = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3], sys.argv[4]
env, settings, bench = results["environment"], results["settings"], results["benchmarks"][0]
print("# %s | results of %s | commit %s | %s, %d cores, %.0f GiB, %s, PostgreSQL %s embedded | load average "
      "(1 min) %s before, %s after | calibration %.2f ms | values in %s, run order, warm-up excluded, "
      "4 significant digits" % (command, results["created"], results["git"]["commit"][:7], env["cpu"], env["cores"],
                                env["memory_bytes"] / 2**30, env["os"], env["postgresql"]["version"], before, after,
                                settings["calibration_ms"], bench["unit"]))
for v in bench["samples"]:
    print("%.4g" % v)
