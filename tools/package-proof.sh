#!/usr/bin/env bash
# make test-packages: the packages of .artifacts/packages (make pack) used as a team would, from a folder outside this
# repository: a test project (tests/PackageConsumer) that references them by id and version, with a nuget.config whose
# only source for ContractHarness.* is that folder and a NuGet cache of its own; then the superoffice-mock tool,
# installed with `dotnet tool install --tool-path`, started and asked. Prints the time from install to first answer
# (a cold cache, then a warm one) and the tool's RSS at idle.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
packages=$repo/.artifacts/packages
dotnet=${DOTNET:-dotnet}
say() { echo "test-packages: $*" >&2; }

nupkg=$(ls "$packages"/ContractHarness.MockServer.[0-9]*.nupkg 2>/dev/null | head -1 || true)
[[ -n $nupkg ]] || { say "no packages in $packages: run make pack first"; exit 1; }
version=$(basename "$nupkg" .nupkg)
version=${version#ContractHarness.MockServer.}

work=$(mktemp -d "${TMPDIR:-/tmp}/contractharness-consumer-XXXXXX")
tool_pid=
cleanup() { [[ -n $tool_pid ]] && kill "$tool_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
case "$work" in "$repo"/*) say "the consumer folder $work is inside the repository"; exit 1 ;; esac
# The project and its NuGet cache side by side: a cache inside the project folder would be compiled by its globs.
project=$work/consumer
mkdir -p "$project"
cp tests/PackageConsumer/PackageConsumer.Tests.csproj tests/PackageConsumer/*.cs "$project/"

# The machine's own sources keep serving everything else (xunit, WireMock.Net); ContractHarness.* may come from the
# packages folder only.
mapping=""
while IFS= read -r name; do
  mapping+="    <packageSource key=\"$name\"><package pattern=\"*\" /></packageSource>"$'\n'
done < <("$dotnet" nuget list source | sed -nE 's/^ *[0-9]+\. +(.+) \[Enabled\]$/\1/p')
cat >"$work/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="contractharness-local" value="$packages" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="contractharness-local"><package pattern="ContractHarness.*" /></packageSource>
$mapping  </packageSourceMapping>
</configuration>
CONFIG
export NUGET_PACKAGES=$work/nuget-packages
export CONTRACTHARNESS_REPOSITORY=$repo
unset PACT_FFI_LIB

say "a test project in $work referencing ContractHarness.* $version"
set +e
(cd "$project" && "$dotnet" test -p:ContractHarnessVersion="$version" -nologo --logger "console;verbosity=normal" 2>&1) >"$work/test.log"
tested=$?
set -e
grep -E "^\s+(Passed|Failed) |error|Total tests|^\s+(Passed|Failed):" "$work/test.log" >&2 || true
((tested == 0)) || { say "the consumer's tests did not pass (exit $tested)"; exit 1; }

# The tool: install, start, first answer; cold (the NuGet cache above has none of the tool's packages), then warm.
first_answer() { # tool folder [package id]; sets elapsed (seconds from install to the first 200 of GET Contact/66), url, tool_pid
  local folder=$1 id=${2:-ContractHarness.MockServer.Tool} started log
  started=$(date +%s.%N)
  "$dotnet" tool install --tool-path "$folder" --configfile "$work/nuget.config" --version "$version" "$id" >"$work/install.log" 2>&1 \
    || { cat "$work/install.log" >&2; say "dotnet tool install failed"; exit 1; }
  log=$work/tool-$(basename "$folder").log
  "$folder/superoffice-mock" --port 0 >"$log" 2>&1 &
  tool_pid=$!
  url=
  for _ in $(seq 1 400); do
    url=$(sed -nE 's#.*listening on (http://[^ ]+).*#\1#p' "$log" | head -1)
    [[ -n $url ]] && curl -sf -o /dev/null "$url/api/v1/Contact/66" && break
    sleep 0.05
  done
  [[ -n $url ]] || { cat "$log" >&2; say "the tool printed no address"; exit 1; }
  elapsed=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
}

first_answer "$work/tool-cold"
cold=$elapsed
status() { curl -s -o /dev/null -w '%{http_code}' "$1"; }
[[ $(status "$url/api/v1/Contact/66") == 200 ]] || { say "GET Contact/66 is not 200"; exit 1; }
[[ $(status "$url/__admin/docs") == 200 ]] || { say "/__admin/docs is not 200"; exit 1; }
curl -s "$url/__admin/docs" | grep -qi "swagger" || { say "/__admin/docs does not serve Swagger UI"; exit 1; }
[[ $(status "$url/__admin/") == 200 ]] || { say "/__admin/ is not 200"; exit 1; }
sleep 1
rss=$(awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$tool_pid/status")
kind=framework-dependent
[[ -f $(ls -d "$work"/tool-cold/.store/*/*/*/tools/net10.0/*/ContractHarness.MockServer.Tool.dll 2>/dev/null | head -1) ]] || kind="Native AOT"
kill "$tool_pid"; wait "$tool_pid" 2>/dev/null || true; tool_pid=
"$work/tool-cold/superoffice-mock" --help | grep -q -- "--port N" || { say "--help lists no options"; exit 1; }
if "$work/tool-cold/superoffice-mock" --port notaport 2>"$work/bad.log"; then say "a bad option did not fail"; exit 1; fi
grep -q "error: --port" "$work/bad.log" || { cat "$work/bad.log" >&2; say "a bad option did not say which"; exit 1; }

first_answer "$work/tool-warm"
warm=$elapsed
kill "$tool_pid"; wait "$tool_pid" 2>/dev/null || true; tool_pid=

# The framework-dependent package, which every platform without a native one gets: installed by its own id here.
first_answer "$work/tool-any" ContractHarness.MockServer.Tool.any
any=$elapsed
[[ $(status "$url/__admin/docs") == 200 ]] || { say "/__admin/docs of the framework-dependent tool is not 200"; exit 1; }
sleep 1
any_rss=$(awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$tool_pid/status")
kill "$tool_pid"; wait "$tool_pid" 2>/dev/null || true; tool_pid=

say "packages: $(ls "$packages" | grep -c '\.nupkg$') .nupkg, $(ls "$packages" | grep -c '\.snupkg$') .snupkg, version $version"
say "tool ($kind): install to first answer ${cold} s cold, ${warm} s warm; RSS at idle ${rss} MB"
say "tool (framework-dependent, .any): install to first answer ${any} s; RSS at idle ${any_rss} MB"
say "passed: the consumer's tests, the tool's answers, /__admin/docs, --help, a bad option"
