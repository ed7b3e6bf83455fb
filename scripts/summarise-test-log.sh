#!/usr/bin/env bash
# Reads the output of `dotnet test` and prints one closing line, summed over the test projects.
# A test host that crashed ("Test Run Aborted") ran an unknown number of tests, so it counts as a
# failure whatever the counts say. Exits 1 when anything failed or aborted.
set -euo pipefail
log="$1"
aborted=$(grep -c "Test Run Aborted" "$log" || true)
awk -v aborted="$aborted" '
  /(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+/ {
    gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
  }
  END {
    printf "tests: %d passed, %d failed, %d skipped", p, f + aborted, s
    if (aborted > 0) printf " (%d test run%s aborted: a test host crashed)", aborted, (aborted > 1 ? "s" : "")
    printf "\n"
    exit (f + aborted > 0) ? 1 : 0
  }' "$log"
