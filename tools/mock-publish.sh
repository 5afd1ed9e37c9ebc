#!/usr/bin/env bash
# Publishes the mock and prints the path of the program to run (only that goes to standard output; what it does goes
# to standard error). The Native AOT build (.artifacts/mock-aot) when the C toolchain it links with is there: clang and
# zlib's headers, installed from Debian when missing and this user may (tools/system-packages.sh; INSTALL_SYSTEM_PACKAGES=0 skips it).
# Otherwise, or with MOCK_AOT=0, or when the native publish fails, the ReadyToRun JIT build (.artifacts/mock), saying why.
# A publish says first what it builds and about how long it takes, then prints a progress line every
# MOCK_PROGRESS_SECONDS (10) seconds. MOCK_ARTIFACTS moves .artifacts (the tests publish with a stand-in dotnet there).
#   tools/mock-publish.sh            # AOT, falling back to JIT
#   tools/mock-publish.sh --aot-only # AOT, or exit 2 when it cannot be built here, 1 when its publish failed (make test-aot)
set -euo pipefail
cd "$(dirname "$0")/.."

project=src/MockServer.Tool/ContractHarness.MockServer.Tool.csproj
name=ContractHarness.MockServer.Tool
artifacts="${MOCK_ARTIFACTS:-.artifacts}"
aot_dir=$artifacts/mock-aot
jit_dir=$artifacts/mock
configuration="${CONFIGURATION:-Release}"
dotnet="${DOTNET:-dotnet}"
progress_every="${MOCK_PROGRESS_SECONDS:-10}"
aot_only=0
[[ "${1:-}" == "--aot-only" ]] && aot_only=1

say() { echo "mock: $*" >&2; }

# Why the native build cannot run here (empty when it can). clang and zlib's headers are installed by
# tools/system-packages.sh (as root, saying so first; INSTALL_SYSTEM_PACKAGES=0 or MOCK_INSTALL_TOOLCHAIN=0 skips it).
aot_blocker() {
  if [[ "${MOCK_AOT:-1}" == "0" ]]; then echo "MOCK_AOT=0"; return; fi
  local install=${INSTALL_SYSTEM_PACKAGES:-1}
  [[ "${MOCK_INSTALL_TOOLCHAIN:-1}" == "0" ]] && install=0
  INSTALL_SYSTEM_PACKAGES=$install tools/system-packages.sh clang && return
  echo "the C toolchain of the Native AOT build is missing (apt-get install -y clang zlib1g-dev)"
}

# The native compiler runs in full on every publish (3 to 4 minutes on two busy cores), so the publish is skipped
# when nothing it reads changed: the sources and contracts it builds from, the build settings, the SDK.
inputs_hash() {
  {
    "$dotnet" --version
    echo "$configuration"
    find src/MockServer src/MockServer.Tool src/Contracts contracts Directory.Build.props Directory.Build.targets Directory.Packages.props global.json \
      -type f -not -path '*/bin/*' -not -path '*/obj/*' -print0 | sort -z | xargs -0 sha256sum
  } | sha256sum | cut -d' ' -f1
}

# The step a publish is on, from the last line of its log that names one.
step() {
  local last
  last=$(grep -E 'Determining projects|Restored |Generating native code| -> ' "$1" 2>/dev/null | tail -1 || true)
  case "$last" in
    *"Generating native code"*) echo "generating native code (the longest step)" ;;
    *" -> "*) last=${last%% ->*}; echo "compiled ${last#"${last%%[![:space:]]*}"}" ;;
    *Restored* | *Determining*) echo "restoring packages" ;;
    *) echo "starting" ;;
  esac
}

# Runs a publish (the command after the log's path) in the background with its output in the log, printing the time so
# far and the step every progress_every seconds: a first native build is minutes of nothing otherwise.
run_with_progress() {
  local log=$1 started=$SECONDS pid next
  shift
  "$@" >"$log" 2>&1 &
  pid=$!
  # A background job of a script ignores Ctrl+C: pass it on, so an interrupted make mock leaves no compiler running.
  trap 'kill "$pid" 2>/dev/null; exit 130' INT TERM
  next=$((SECONDS + progress_every))
  while kill -0 "$pid" 2>/dev/null; do
    sleep 0.2
    if ((SECONDS >= next)) && kill -0 "$pid" 2>/dev/null; then
      say "  still building: $((SECONDS - started)) s, $(step "$log")"
      next=$((SECONDS + progress_every))
    fi
  done
  local status=0
  wait "$pid" || status=$?
  trap - INT TERM
  return "$status"
}

# What the next build takes: the first one, from the figure measured on two cores; later ones, the last one here.
estimate() {
  local dir=$1 first=$2
  if [[ -f $dir/.build-seconds ]]; then
    echo "the last build here took $(cat "$dir/.build-seconds") s"
  elif [[ -x $dir/$name ]]; then
    echo "rebuilding, as the mock changed: up to $first on 2 cores"
  else
    echo "first time: $first on 2 cores; later builds are incremental, seconds while the mock does not change"
  fi
}

publish_aot() {
  local log=$artifacts/mock-aot.log stamp=$aot_dir/.inputs.sha256 hash
  mkdir -p "$aot_dir"
  hash=$(inputs_hash)
  if [[ -x $aot_dir/$name && -f $stamp && "$(cat "$stamp")" == "$hash" ]]; then
    say "the Native AOT build in $aot_dir is up to date"
    return 0
  fi
  say "building the native mock into $aot_dir ($(estimate "$aot_dir" "3 to 4 minutes"))..."
  local started=$SECONDS
  rm -f "$stamp"
  if run_with_progress "$log" "$dotnet" publish "$project" -c "$configuration" --use-current-runtime -p:IlcInstructionSet=native -o "$aot_dir" -nologo -clp:NoSummary; then
    grep -E "warning IL[0-9]+" "$log" | sed -E 's/ \[[^]]*\]$//' | sort -u >&2 || true
    echo "$hash" >"$stamp"
    echo "$((SECONDS - started))" >"$aot_dir/.build-seconds"
    say "native build ready ($((SECONDS - started)) s)"
    return 0
  fi
  grep -E "error|warning IL" "$log" | sed -E 's/ \[[^]]*\]$//' | sort -u | tail -20 >&2 || true
  say "the Native AOT publish failed after $((SECONDS - started)) s (full output: $log)"
  return 1
}

publish_jit() {
  local log=$artifacts/mock-jit.log started=$SECONDS
  mkdir -p "$jit_dir"
  say "building the ReadyToRun JIT mock into $jit_dir ($1; $(estimate "$jit_dir" "about 1 minute"))..."
  if ! run_with_progress "$log" "$dotnet" publish "$project" -c "$configuration" --use-current-runtime --self-contained false \
    -p:PublishAot=false -p:PublishReadyToRun=true -o "$jit_dir" -nologo -clp:NoSummary; then
    grep -E "error" "$log" | sed -E 's/ \[[^]]*\]$//' | sort -u | tail -20 >&2 || true
    say "the JIT publish failed after $((SECONDS - started)) s (full output: $log)"
    exit 1
  fi
  echo "$((SECONDS - started))" >"$jit_dir/.build-seconds"
  say "JIT build ready ($((SECONDS - started)) s)"
  echo "$jit_dir/$name"
}

blocker="$(aot_blocker)"
if [[ -z "$blocker" ]]; then
  if publish_aot; then
    echo "$aot_dir/$name"
    exit 0
  fi
  blocker="the native publish failed"
fi

if [[ "$aot_only" == "1" ]]; then
  say "no Native AOT build: $blocker"
  [[ "$blocker" == "the native publish failed" ]] && exit 1
  exit 2
fi
if [[ "$blocker" == "MOCK_AOT=0" ]]; then publish_jit "MOCK_AOT=0"; else publish_jit "falling back: $blocker"; fi
