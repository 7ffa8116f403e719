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

status=0

# The web app: lint, then its unit tests (Vitest, JUnit XML beside the TRX files).
echo "===== web app (ESLint, Vitest)"
if ! (cd src/Web && npx eslint . && npx vitest run --reporter=default --reporter=junit --outputFile.junit="../../$results/web-unit.junit.xml"); then
  status=1
fi

# The services' test projects, each with its own servers; then the tests that time things
# ([Trait("Category", "Measurement")]) and the whole-system test (AppHost.Tests), which starts
# everything and drives the browsers. Each run writes its own TRX and log.
run_projects() {   # run_projects SUFFIX FILTER PROJECT... (side by side)
  local suffix=$1 filter=$2
  shift 2
  local projects=("$@") pids=() project name i
  for project in "${projects[@]}"; do
    name=$(basename "$project" .csproj)$suffix
    dotnet test "$project" --no-build -nologo ${filter:+--filter "$filter"} \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
      --results-directory "$results" >"$results/$name.log" 2>&1 &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || status=1
    name=$(basename "${projects[$i]}" .csproj)$suffix
    echo "===== $name"
    cat "$results/$name.log"
  done
}
mapfile -t service_projects < <(ls tests/*.Tests/*.Tests.csproj | grep -v '^tests/AppHost.Tests/')
# One project at a time (tests within a project still run in parallel): side by side on two
# cores, their timing-sensitive tests (pushes, event consumers, SMTP retries) failed now and then
# for want of CPU alone.
for project in "${service_projects[@]}"; do
  run_projects "" "Category!=Measurement" "$project"
done
for project in "${service_projects[@]}"; do
  if grep -rqs --include='*.cs' '"Category", "Measurement"' "$(dirname "$project")"; then
    run_projects "-measurements" "Category=Measurement" "$project"
  fi
done
run_projects "" "" tests/AppHost.Tests/AppHost.Tests.csproj

eng/summarize-tests.sh "$results" || status=1
exit $status
