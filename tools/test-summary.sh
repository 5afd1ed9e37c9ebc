#!/usr/bin/env bash
# Sums the per-assembly result lines of `dotnet test` ("Passed!  - Failed: 0, Passed: 93, Skipped: 0, ...")
# into one closing line: "N passed, N failed, N skipped".
set -euo pipefail
log="${1:?usage: tools/test-summary.sh <dotnet test output>}"
awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i + 1))
      if ($i == "Failed:")  failed  += $(i + 1)
      if ($i == "Passed:")  passed  += $(i + 1)
      if ($i == "Skipped:") skipped += $(i + 1)
    }
  }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
