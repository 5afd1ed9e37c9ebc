# ContractHarness: the two everyday commands are `make mock` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

DOTNET ?= dotnet
CONFIGURATION ?= Release
NODE_STAMP := node_modules/.package-lock.json
PACT_FFI := node_modules/@pact-foundation/pact-core-linux-x64-glibc/prebuilds/linux-x64/libpact_ffi.so
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export PACT_DO_NOT_TRACK := true
export REDOCLY_TELEMETRY := off
export REDOCLY_SUPPRESS_UPDATE_NOTICE := true

.PHONY: help
help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-16s %s\n", $$1, $$2}'

# The npm packages (Pact engine, pact CLI, OpenAPI validator, Redocly CLI, swagger-mock-validator, Ajv) are pinned in package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@test -f $(PACT_FFI) || { echo "libpact_ffi.so missing after npm ci" >&2; exit 1; }
	@touch $(NODE_STAMP)

.PHONY: tools
tools: $(NODE_STAMP) ## Install the pinned npm tooling, Java for the WireMock jar and Chromium for the browser tests when missing (idempotent)
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing openjdk-17-jre-headless (the WireMock standalone jar in make test runs on it)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless; \
	  else echo "java is missing: install a Java 17 runtime (apt-get install openjdk-17-jre-headless) for the WireMock jar tests" >&2; exit 1; fi; }
	@test -x "$${CONTRACTHARNESS_CHROMIUM:-/usr/bin/chromium}" || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing chromium (the browser tests in tests/Browser.Tests drive it; Playwright downloads no browser)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "chromium is missing: install it (apt-get install chromium) or set CONTRACTHARNESS_CHROMIUM; the browser tests fail without it" >&2; fi; }

.PHONY: build
build: tools ## Build the solution
	$(DOTNET) build ContractHarness.sln -c $(CONFIGURATION)

TEST_LOG := .stamps/test-output.log

.PHONY: test
test: tools ## Build and run every test (installs what it needs first), then the HTTP tests against the Native AOT mock
	@mkdir -p .stamps
	@set -o pipefail; $(DOTNET) test ContractHarness.sln -c $(CONFIGURATION) 2>&1 | tee $(TEST_LOG); status=$$?; \
	  tools/test-summary.sh $(TEST_LOG); [ $$status -eq 0 ] || exit $$status
	@$(MAKE) --no-print-directory test-aot

# The HTTP tests that need neither the in-process clock nor the mock's internals, run against the published native
# mock as a child process (CONTRACTHARNESS_MOCK_BINARY): seeding, GET, JSON and merge PATCH, PUT, $$select, the admin
# API, --data with kill -9. The publish is incremental: minutes when the mock changed, seconds when it did not.
AOT_TEST_LOG := .stamps/test-aot-output.log
AOT_TEST_FILTER := $(shell cat tests/MockServer.Tests/aot-tests.filter)
.PHONY: test-aot
test-aot: ## The representative HTTP tests against the Native AOT mock (publishes it; skipped, saying why, without clang)
	@mkdir -p .stamps
	@bin="$$(CONFIGURATION=$(CONFIGURATION) DOTNET=$(DOTNET) tools/mock-publish.sh --aot-only)"; status=$$?; \
	  if [ $$status -eq 2 ]; then echo "test-aot: skipped (no C toolchain for the native build)"; exit 0; fi; \
	  [ $$status -eq 0 ] || exit $$status; \
	  set -o pipefail; CONTRACTHARNESS_MOCK_BINARY="$(CURDIR)/$$bin" $(DOTNET) test tests/MockServer.Tests -c $(CONFIGURATION) --no-build \
	    --filter "$(AOT_TEST_FILTER)" 2>&1 | tee $(AOT_TEST_LOG); status=$$?; \
	  echo "Native AOT mock ($$bin): $$(tools/test-summary.sh $(AOT_TEST_LOG))"; exit $$status

.PHONY: contracts
contracts: ## Regenerate contracts/ (schemas, catalog, OpenAPI, fixtures, WireMock mappings) from contracts/source
	$(DOTNET) run --project src/Contracts.Generator -c $(CONFIGURATION) -- generate --source contracts/source --out contracts

.PHONY: wiremock-mappings
wiremock-mappings: contracts ## Regenerate contracts/wiremock/ (static mappings for WireMock 3.x and WireMock.Net); part of make contracts

.PHONY: check-contracts
check-contracts: ## Fail when contracts/ differs from what contracts/source generates
	$(DOTNET) run --project src/Contracts.Generator -c $(CONFIGURATION) -- check --source contracts/source --out contracts

VENDOR ?= contracts/vendor/superoffice-webapi-v1.swagger.json
.PHONY: drift
drift: ## Compare contracts/ with a vendor API description (VENDOR=swagger-or-openapi.json); fails on a type disagreement
	$(DOTNET) run --project src/Contracts.Generator -c $(CONFIGURATION) -- drift --vendor "$(VENDOR)" --out contracts

OPENAPI := contracts/openapi.json
PACT ?= contracts/pacts/SuperOfficeWebClient-SuperOfficeWebApi.json

.PHONY: lint-openapi
lint-openapi: tools ## Lint contracts/openapi.json with Redocly CLI (recommended rules, as tools/redocly.yaml decides)
	node_modules/.bin/redocly lint --config tools/redocly.yaml $(OPENAPI)

.PHONY: check-pact
check-pact: tools ## Bi-directional check: the pact (PACT) against contracts/openapi.json, with swagger-mock-validator
	node_modules/.bin/swagger-mock-validator $(OPENAPI) $(PACT)

# The mock is published as one native program (Native AOT: it answers within ~30 ms of starting) when clang and zlib's
# headers are there (installed from Debian when missing and allowed), else ReadyToRun for this machine's runtime;
# tools/mock-publish.sh says which and why. MOCK_AOT=0 asks for the JIT build.
# Precedence: ARGS (the mock's own options, last) > PORT/HOST (passed only when set, here or in the environment) >
# the CONTRACTHARNESS_* variables the mock reads > its defaults (127.0.0.1:5080): no default here hides a variable.
MOCK_PUBLISH ?= tools/mock-publish.sh
.PHONY: mock
mock: ## Build and start the mock on http://127.0.0.1:5080: PORT=, HOST=, ARGS="--seed 2 --entity-count 500" (MOCK_AOT=0: JIT build)
	@bin="$$(CONFIGURATION=$(CONFIGURATION) DOTNET=$(DOTNET) $(MOCK_PUBLISH))" && \
	  exec "$$bin" $(if $(HOST),--host '$(HOST)') $(if $(PORT),--port '$(PORT)') $(ARGS)

# The coverage of the contract by a running mock (GET /__admin/coverage) as a table; Node only, no package.
BASE_URL ?= http://127.0.0.1:5080
.PHONY: coverage
coverage: ## Print which operations and documented statuses a running mock answered (BASE_URL, default the local mock; SESSION= for one session)
	@node tools/coverage.mjs '$(BASE_URL)' $(if $(SESSION),--session '$(SESSION)')

# --- Pact: provider verification and the broker -------------------------------------------------------------
PACT_CLI := node_modules/@pact-foundation/pact-cli-linux-x64/standalone/pact
PACT_VERSION ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo dev)
PACT_BRANCH ?= $(shell git rev-parse --abbrev-ref HEAD 2>/dev/null || echo main)
ENVIRONMENT ?= production

.PHONY: verify-provider
verify-provider: tools ## Verify contracts/pacts against PROVIDER_BASE_URL (PROVIDER_AUTH, PROVIDER_STATE_URL or PROVIDER_STATES)
	@if [ -z "$$PROVIDER_BASE_URL" ]; then \
	  echo "PROVIDER_BASE_URL is not set. Example: make verify-provider PROVIDER_BASE_URL=http://127.0.0.1:5080 PROVIDER_STATE_URL=http://127.0.0.1:5080/__admin/provider-states" >&2; exit 2; fi
	$(DOTNET) run --project src/ProviderVerifier -c $(CONFIGURATION)

.PHONY: publish-pacts
publish-pacts: tools ## Publish contracts/pacts to the Pact Broker at PACT_BROKER_BASE_URL (PACT_BROKER_TOKEN)
	@if [ -z "$$PACT_BROKER_BASE_URL" ]; then \
	  echo "PACT_BROKER_BASE_URL is not set: set it (and PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD) to publish." >&2; exit 2; fi
	PACT_DO_NOT_TRACK=true $(PACT_CLI) broker publish contracts/pacts --broker-base-url "$$PACT_BROKER_BASE_URL" \
	  --consumer-app-version $(PACT_VERSION) --branch $(PACT_BRANCH)

.PHONY: can-i-deploy
can-i-deploy: tools ## Ask the Pact Broker whether this consumer version can go to ENVIRONMENT
	@if [ -z "$$PACT_BROKER_BASE_URL" ]; then \
	  echo "PACT_BROKER_BASE_URL is not set: set it (and PACT_BROKER_TOKEN) to ask the broker." >&2; exit 2; fi
	PACT_DO_NOT_TRACK=true $(PACT_CLI) broker can-i-deploy --pacticipant SuperOfficeWebClient --version $(PACT_VERSION) \
	  --to-environment $(ENVIRONMENT) --broker-base-url "$$PACT_BROKER_BASE_URL"

# --- Benchmarks ------------------------------------------------------------------------------------------------
.PHONY: bench
bench: tools ## Load-benchmark the mock against a bare Kestrel baseline (wrk, 127.0.0.1 only); table in bench/results/
	bench/run.sh

FUZZ_REQUESTS ?= 100000
FUZZ_KILL_ROUNDS ?= 20
.PHONY: fuzz
fuzz: ## Long fuzz run: FUZZ_REQUESTS hostile requests, FUZZ_KILL_ROUNDS kill -9 rounds (FUZZ_SEED replays); one table; fails on a 5xx or a lost update
	@FUZZ_REQUESTS=$(FUZZ_REQUESTS) FUZZ_KILL_ROUNDS=$(FUZZ_KILL_ROUNDS) FUZZ_SEED=$(FUZZ_SEED) \
	  $(DOTNET) run --project tools/Fuzz/ContractHarness.Fuzz.csproj -c $(CONFIGURATION)

.PHONY: bench-smoke
bench-smoke: ## Run the bench harness once in its tiny mode (~1 s rounds): proves it works; CI runs it after the tests
	bench/run.sh --tiny

.PHONY: bench-sessions
bench-sessions: ## The cost of sessions: GET/PATCH req/s and CPU per request in 32 sessions against none, RSS per session (ARGS=--short: a minute)
	bench/sessions.sh $(ARGS)

.PHONY: bench-data
bench-data: ## The cost of --data (SQLite): PATCH/s with and without it, start-up with 100,000 stored updates
	bench/data.sh

.PHONY: bench-aot
bench-aot: ## The Native AOT mock against the ReadyToRun JIT one, interleaved: start-up, RSS idle and after load, GET/PATCH req/s
	bench/aot.sh

.PHONY: bench-wiremock
bench-wiremock: ## WireMock.Net carrying the contract against a static WireMock.Net mapping: GET req/s interleaved, RSS after load
	bench/wiremock.sh

.PHONY: bench-wiremock-java
bench-wiremock-java: tools ## Both builds of the mock (native, JIT) against the WireMock 3.x jar (Java) on its static mappings: GET and hot-entity PATCH of Contact/66, interleaved
	bench/wiremock-java.sh

.PHONY: bench-micro
bench-micro: ## BenchmarkDotNet micro-benchmarks of the mock's hot path (short job, allocations per operation)
	bench/micro.sh --quick
