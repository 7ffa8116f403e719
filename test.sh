#!/usr/bin/env bash
# Runs every test of the solution: installs what is missing (the same servers as start.sh,
# which the tests start privately on free ports), builds, tests, and ends with the totals.
set -uo pipefail
cd "$(dirname "$0")"

eng/install.sh test || exit 1

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build ChatApp.sln -nologo -v:q -clp:ErrorsOnly; then
  echo "The build failed."
  echo "0 passed, 0 failed"
  exit 1
fi

# The services' test projects run side by side, each with its own servers; then the whole-system
# test (AppHost.Tests) runs alone, since it starts everything and measures latencies. Each
# project writes its own TRX and log.
status=0
run_projects() {
  local projects=("$@") pids=() project name i
  for project in "${projects[@]}"; do
    name=$(basename "$project" .csproj)
    dotnet test "$project" --no-build -nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
      --results-directory "$results" >"$results/$name.log" 2>&1 &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || status=1
    name=$(basename "${projects[$i]}" .csproj)
    echo "===== $name"
    cat "$results/$name.log"
  done
}
mapfile -t service_projects < <(ls tests/*.Tests/*.Tests.csproj | grep -v '^tests/AppHost.Tests/')
run_projects "${service_projects[@]}"
run_projects tests/AppHost.Tests/AppHost.Tests.csproj

eng/summarize-tests.sh "$results" || status=1
exit $status
