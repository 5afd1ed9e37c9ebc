#!/usr/bin/env bash
# The one place that installs system packages (as root, with apt-get), each only when missing, saying first what it
# installs and what for. INSTALL_SYSTEM_PACKAGES=0 installs nothing: it says what is missing and what will not work.
#   tools/system-packages.sh java chromium clang
# Exit status: 0 when everything asked for is there afterwards, 1 when something is still missing.
set -uo pipefail

declare -A why=(
  [java]="a Java 17 runtime: the WireMock standalone jar the static mappings are tested on (make test)"
  [chromium]="Chromium: the browser tests (make test; Playwright downloads no browser)"
  [clang]="clang and zlib's headers: the Native AOT build of the mock (make mock, make test-aot; without them the JIT build runs)"
  [node]="Node.js and npm: the pinned npm tools (Pact engine, OpenAPI checks, swagger-ui)"
  [make]="GNU make"
)
declare -A packages=(
  [java]="openjdk-17-jre-headless" [chromium]="chromium" [clang]="clang zlib1g-dev" [node]="nodejs npm" [make]="make"
)

present() {
  case "$1" in
    java) command -v java >/dev/null 2>&1 ;;
    chromium) [[ -x "${CONTRACTHARNESS_CHROMIUM:-/usr/bin/chromium}" ]] ;;
    clang)
      [[ -e /usr/include/zlib.h ]] || return 1
      command -v clang >/dev/null 2>&1 && return 0
      local c
      for c in $(compgen -c clang-); do [[ $c =~ ^clang-[0-9]+$ ]] && return 0; done
      return 1 ;;
    node) command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ;;
    make) command -v make >/dev/null 2>&1 ;;
    *) echo "system-packages: unknown component '$1'" >&2; return 1 ;;
  esac
}

missing=()
for component in "$@"; do
  present "$component" || missing+=("$component")
done
((${#missing[@]} == 0)) && exit 0

if [[ "${INSTALL_SYSTEM_PACKAGES:-1}" == "0" ]]; then
  for component in "${missing[@]}"; do
    echo "system-packages: missing ${why[$component]}; not installed (INSTALL_SYSTEM_PACKAGES=0): apt-get install ${packages[$component]}" >&2
  done
  exit 1
fi
if [[ "$(id -u)" != "0" ]] || ! command -v apt-get >/dev/null 2>&1; then
  for component in "${missing[@]}"; do
    echo "system-packages: missing ${why[$component]}; install it as root: apt-get install ${packages[$component]}" >&2
  done
  exit 1
fi

list=()
for component in "${missing[@]}"; do
  echo "system-packages: installing ${packages[$component]} (as root, apt-get) for ${why[$component]}; INSTALL_SYSTEM_PACKAGES=0 skips this" >&2
  # shellcheck disable=SC2206
  list+=(${packages[$component]})
done
{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${list[@]}"; } >&2 || true
status=0
for component in "${missing[@]}"; do
  present "$component" || { echo "system-packages: ${packages[$component]} is still missing after apt-get" >&2; status=1; }
done
exit "$status"
