#!/usr/bin/env bash
# Publishes the mock and prints the path of the program to run (only that goes to standard output; what it does goes
# to standard error). The Native AOT build (.artifacts/mock-aot) when the C toolchain it links with is there: clang and
# zlib's headers, installed from Debian when missing and this user may (root with apt-get). Otherwise, or with
# MOCK_AOT=0, or when the native publish fails, the ReadyToRun JIT build (.artifacts/mock), saying why.
#   tools/mock-publish.sh            # AOT, falling back to JIT
#   tools/mock-publish.sh --aot-only # AOT, or exit 2 when it cannot be built here, 1 when its publish failed (make test-aot)
set -euo pipefail
cd "$(dirname "$0")/.."

project=src/MockServer/ContractHarness.MockServer.csproj
name=ContractHarness.MockServer
aot_dir=.artifacts/mock-aot
jit_dir=.artifacts/mock
configuration="${CONFIGURATION:-Release}"
dotnet="${DOTNET:-dotnet}"
aot_only=0
[[ "${1:-}" == "--aot-only" ]] && aot_only=1

say() { echo "mock: $*" >&2; }

# The ILCompiler package finds clang under its plain name or a versioned one (clang-14).
have_toolchain() {
  [[ -e /usr/include/zlib.h ]] || return 1
  command -v clang >/dev/null 2>&1 && return 0
  local c
  for c in $(compgen -c clang-); do [[ $c =~ ^clang-[0-9]+$ ]] && return 0; done
  return 1
}

# Why the native build cannot run here (empty when it can), installing the toolchain first when allowed.
aot_blocker() {
  if [[ "${MOCK_AOT:-1}" == "0" ]]; then echo "MOCK_AOT=0"; return; fi
  have_toolchain && return
  if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
    say "installing clang and zlib1g-dev (the Native AOT build links with them)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev; } >&2 || true
    have_toolchain && return
  fi
  echo "the C toolchain of the Native AOT build is missing (apt-get install -y clang zlib1g-dev)"
}

# The native compiler runs in full on every publish (about two minutes on two busy cores), so the publish is skipped
# when nothing it reads changed: the sources and contracts it builds from, the build settings, the SDK.
inputs_hash() {
  {
    "$dotnet" --version
    echo "$configuration"
    find src/MockServer src/Contracts contracts Directory.Build.props Directory.Build.targets Directory.Packages.props global.json \
      -type f -not -path '*/bin/*' -not -path '*/obj/*' -print0 | sort -z | xargs -0 sha256sum
  } | sha256sum | cut -d' ' -f1
}

publish_aot() {
  local log=.artifacts/mock-aot.log stamp=$aot_dir/.inputs.sha256 hash
  mkdir -p .artifacts
  hash=$(inputs_hash)
  if [[ -x $aot_dir/$name && -f $stamp && "$(cat "$stamp")" == "$hash" ]]; then
    say "the Native AOT build in $aot_dir is up to date"
    return 0
  fi
  say "publishing the Native AOT build into $aot_dir (about two minutes on two cores; skipped later while nothing changes)"
  local started=$SECONDS
  rm -f "$stamp"
  if "$dotnet" publish "$project" -c "$configuration" --use-current-runtime -o "$aot_dir" -nologo -clp:NoSummary >"$log" 2>&1; then
    grep -E "warning IL[0-9]+" "$log" | sed -E 's/ \[[^]]*\]$//' | sort -u >&2 || true
    echo "$hash" >"$stamp"
    say "native build ready ($((SECONDS - started)) s)"
    return 0
  fi
  grep -E "error|warning IL" "$log" | sed -E 's/ \[[^]]*\]$//' | sort -u | tail -20 >&2 || true
  say "the Native AOT publish failed after $((SECONDS - started)) s (full output: $log)"
  return 1
}

publish_jit() {
  say "publishing the ReadyToRun JIT build into $jit_dir ($1)"
  "$dotnet" publish "$project" -c "$configuration" --use-current-runtime --self-contained false \
    -p:PublishAot=false -p:PublishReadyToRun=true -o "$jit_dir" -nologo -v quiet -clp:ErrorsOnly >&2
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
