#!/usr/bin/env bash
# The single test command (`npm test`): installs dependencies when needed, builds,
# type-checks, runs every mocha suite and the extension's tests in a real VS Code, then
# prints one summary line, "N passed, N failed". Exits non-zero on any failure.
#
# Environment: CI=true makes the real VS Code tests mandatory (missing Chromium or
# code-server fails the run instead of skipping). CLAIMLENS_VSCODE=desktop|code-server
# picks the VS Code to test in (see test/vscode/runTest.ts).
set -uo pipefail
cd "$(dirname "$0")/.."
repo_root="$(pwd)"
started=$SECONDS
under_ci=false
[[ "${CI:-}" =~ ^(1|true|TRUE|True)$ ]] && under_ci=true

log_dir="$(mktemp -d "${TMPDIR:-/tmp}/claimlens-test-all.XXXXXX")"
cleanup() {
  if [[ -n "${setup_pid:-}" ]]; then kill "$setup_pid" 2>/dev/null; wait "$setup_pid" 2>/dev/null; fi
  rm -rf "$log_dir"
}
trap cleanup EXIT

total_passed=0
total_failed=0
total_pending=0
failed_steps=()

section() { printf '\n===== %s =====\n' "$*"; }

# Runs a step that has no test counts of its own; a failure counts as one failed test.
step() {
  local name="$1"
  shift
  section "$name"
  local t0=$SECONDS
  if "$@"; then
    echo "($name: ok in $((SECONDS - t0)) s)"
  else
    echo "($name: FAILED)"
    failed_steps+=("$name")
    total_failed=$((total_failed + 1))
  fi
}

# Runs a command whose output is mocha's spec reporter; adds up its counts.
tests() {
  local name="$1"
  shift
  section "$name"
  local t0=$SECONDS output="$log_dir/$name.log"
  "$@" 2>&1 | tee "$output"
  local status=${PIPESTATUS[0]}
  # Mocha's totals: "  12 passing (3s)", "  1 failing", "  2 pending" (ANSI colours stripped).
  local counts passed failed pending
  counts="$(sed -e 's/\x1b\[[0-9;]*m//g' "$output")"
  passed=$(grep -E '^ +[0-9]+ passing' <<<"$counts" | awk '{s+=$1} END {print s+0}')
  failed=$(grep -E '^ +[0-9]+ failing' <<<"$counts" | awk '{s+=$1} END {print s+0}')
  pending=$(grep -E '^ +[0-9]+ pending' <<<"$counts" | awk '{s+=$1} END {print s+0}')
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  total_pending=$((total_pending + pending))
  if [[ $status -ne 0 && $failed -eq 0 ]]; then
    # Crashed before or after its tests (no reporter totals): count the suite as one failure.
    total_failed=$((total_failed + 1))
  fi
  if [[ $status -ne 0 ]]; then failed_steps+=("$name"); fi
  echo "($name: $passed passed, $failed failed, $pending pending, exit $status, $((SECONDS - t0)) s)"
}

# Dependencies: `npm ci` when node_modules is missing or older than the lockfile.
# A symlinked node_modules (a git worktree sharing another checkout's) is left alone:
# `npm ci` would empty the folder it points to.
if [[ ! -L node_modules ]] && [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  step "npm ci" npm ci --no-audit --no-fund
fi

# code-server's first install takes a minute or two: start it now, in parallel with the build.
setup_log="$log_dir/setup-code-server.log"
if [[ "${CLAIMLENS_VSCODE:-}" != "desktop" ]]; then
  bash scripts/setup-code-server.sh >"$setup_log" 2>&1 &
  setup_pid=$!
fi

step "build" node scripts/build.mjs
# Under CI start from an empty out/, so that no compiled test of a deleted source runs.
if $under_ci; then rm -rf out; fi
step "type-check and compile" npx tsc -p .

mocha_args=(--reporter spec --timeout 20000)
# Suites by kind: protocol-level suites start the built server and CLI; the real VS Code
# suite runs inside VS Code, below; every other folder of test/ is unit tests.
unit_dirs=()
for dir in out/test/*/; do
  name="$(basename "$dir")"
  case "$name" in server | cli | vscode) ;; *) unit_dirs+=("$dir") ;; esac
done
spec_files() { # every *.test.js under the given folders
  local dir
  for dir in "$@"; do [[ -d "$dir" ]] && find "$dir" -name '*.test.js'; done | sort
}
mapfile -t unit_files < <(spec_files "${unit_dirs[@]}")
mapfile -t protocol_files < <(spec_files out/test/server out/test/cli)
if ((${#unit_files[@]})); then
  tests "unit" npx mocha "${mocha_args[@]}" "${unit_files[@]}"
else
  echo "no unit tests found under out/test" && failed_steps+=("unit") && total_failed=$((total_failed + 1))
fi
if ((${#protocol_files[@]})); then
  tests "server-and-cli" npx mocha "${mocha_args[@]}" "${protocol_files[@]}"
fi

if [[ -n "${setup_pid:-}" ]]; then
  section "code-server setup"
  wait "$setup_pid"
  setup_status=$?
  setup_pid=""
  cat "$setup_log"
  if [[ $setup_status -ne 0 ]]; then
    echo "code-server setup failed (exit $setup_status)"
    if $under_ci; then
      failed_steps+=("code-server setup")
      total_failed=$((total_failed + 1))
    fi
  fi
fi
# runTest.js itself fails loudly under CI when Chromium or code-server is missing.
tests "real-vscode" node out/test/vscode/runTest.js

section "summary"
echo "total time: $((SECONDS - started)) s"
if ((total_pending)); then
  echo "$total_pending pending (skipped) tests: nothing may be skipped"
  if $under_ci; then
    failed_steps+=("pending tests")
    total_failed=$((total_failed + total_pending))
  fi
fi
if ((${#failed_steps[@]})); then
  echo "failed: ${failed_steps[*]}"
fi
echo "$total_passed passed, $total_failed failed"
[[ $total_failed -eq 0 && ${#failed_steps[@]} -eq 0 ]]
