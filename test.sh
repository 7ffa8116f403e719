#!/usr/bin/env bash
# Runs every test of the solution: installs what is missing (the same servers as start.sh,
# which the tests start privately on free ports), builds, tests, and ends with the totals.
set -uo pipefail
cd "$(dirname "$0")"

eng/install.sh test || exit 1

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

dotnet build ChatApp.sln -nologo -v:q -clp:ErrorsOnly
build_status=$?
test_status=1
if [ $build_status -eq 0 ]; then
  dotnet test ChatApp.sln --no-build -nologo -v:q \
    --logger "trx" --logger "console;verbosity=normal" --results-directory "$results"
  test_status=$?
fi

eng/summarize-tests.sh "$results"
summary_status=$?
[ $build_status -eq 0 ] && [ $test_status -eq 0 ] && [ $summary_status -eq 0 ]
