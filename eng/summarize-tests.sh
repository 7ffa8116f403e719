#!/usr/bin/env bash
# Adds up the TRX files of a test run and prints "N passed, N failed[, N skipped]" as the
# last line. Fails when a test failed or when no test ran at all.
set -euo pipefail
results=$1
passed=0 failed=0 total=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed)))
  total=$((total + $(value total)))
done
skipped=$((total - passed - failed))

echo
line="$passed passed, $failed failed"
[ $skipped -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ $failed -eq 0 ] && [ $passed -gt 0 ]
