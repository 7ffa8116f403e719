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
# The web app's unit tests (Vitest) report as JUnit XML.
for junit in "$results"/*.junit.xml; do
  root=$(grep -o '<testsuites [^>]*>' "$junit" | head -1)
  attribute() { printf '%s' "$root" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  tests=$(attribute tests)
  broken=$(( $(attribute failures) + $(attribute errors) ))
  skipped_here=$(grep -c '<skipped' "$junit" || true)
  passed=$((passed + tests - broken - skipped_here))
  failed=$((failed + broken))
  total=$((total + tests))
done
skipped=$((total - passed - failed))

echo
line="$passed passed, $failed failed"
[ $skipped -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ $failed -eq 0 ] && [ $passed -gt 0 ]
