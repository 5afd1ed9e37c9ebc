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
help: ## List the targets, by who uses them
	@awk 'BEGIN { FS = ":.*?## " } /^##@ / { printf "\n%s\n", substr($$0, 5) } /^[a-zA-Z_-]+:.*?## / { printf "  make %-18s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)
	@echo; echo "CI runs .ci/run (it installs what a clean machine lacks, then make test and make test-packages). INSTALL_SYSTEM_PACKAGES=0: no apt-get."

# The npm packages (Pact engine, pact CLI, OpenAPI validator, Redocly CLI, swagger-mock-validator, Ajv) are pinned in package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@test -f $(PACT_FFI) || { echo "libpact_ffi.so missing after npm ci" >&2; exit 1; }
	@touch $(NODE_STAMP)

##@ Everyone (a frontend developer starts here): the two commands
# The mock is published as one native program (Native AOT: it answers within ~30 ms of starting) when clang and zlib's
# headers are there (installed from Debian when missing and allowed), else ReadyToRun for this machine's runtime;
# tools/mock-publish.sh says which and why. MOCK_AOT=0 asks for the JIT build.
# PORT/HOST are passed only when set (here or in the environment), before ARGS, so no default here hides a
# CONTRACTHARNESS_* variable; which setting wins is in docs/options.md.
MOCK_PUBLISH ?= tools/mock-publish.sh
.PHONY: mock
mock: ## Build and start the mock on http://127.0.0.1:5080: PORT=, HOST=, ARGS="--seed 2 --entity-count 500" (MOCK_AOT=0: JIT build)
	@bin="$$(CONFIGURATION=$(CONFIGURATION) DOTNET=$(DOTNET) $(MOCK_PUBLISH))" && \
	  exec "$$bin" $(if $(HOST),--host '$(HOST)') $(if $(PORT),--port '$(PORT)') $(ARGS)

TEST_LOG := .stamps/test-output.log
# One JUnit XML file per test assembly (JunitXml.TestLogger); the native run's file ends in .aot.junit.xml.
TEST_RESULTS := .artifacts/test-results

.PHONY: test
test: tools ## Build and run every test (installs what it needs first), then the HTTP tests through the in-memory handler and against the Native AOT mock
	@mkdir -p .stamps; rm -rf $(TEST_RESULTS)
	@set -o pipefail; $(DOTNET) test ContractHarness.sln -c $(CONFIGURATION) \
	  --logger "junit;LogFilePath=$(CURDIR)/$(TEST_RESULTS)/{assembly}.junit.xml" 2>&1 | tee $(TEST_LOG); status=$$?; \
	  tools/test-summary.sh $(TEST_LOG); [ $$status -eq 0 ] || exit $$status
	@$(MAKE) --no-print-directory test-memory
	@$(MAKE) --no-print-directory test-aot

##@ Contributors: the parts of make test, the build, the docs
.PHONY: tools
tools: $(NODE_STAMP) ## Install the pinned npm tooling, and Java and Chromium for the tests when missing (tools/system-packages.sh says what, first)
	@tools/system-packages.sh java chromium || echo "make: the WireMock jar or browser tests fail without them (see above)" >&2

.PHONY: build
build: tools ## Build the solution
	$(DOTNET) build ContractHarness.sln -c $(CONFIGURATION)

# The HTTP behaviour tests whose class says [Hosts(... MockHosts.Native ...)], without the ones that move the in-process
# clock, run against the published native mock as a child process (CONTRACTHARNESS_MOCK_BINARY). The publish is
# incremental: minutes when the mock changed, seconds when it did not.
AOT_TEST_LOG := .stamps/test-aot-output.log
AOT_TEST_FILTER := Host=Native&Clock!=Manual
.PHONY: test-aot
test-aot: ## The HTTP behaviour tests again, against the Native AOT mock (publishes it; skipped, saying why, without clang)
	@mkdir -p .stamps
	@bin="$$(CONFIGURATION=$(CONFIGURATION) DOTNET=$(DOTNET) tools/mock-publish.sh --aot-only)"; status=$$?; \
	  if [ $$status -eq 2 ]; then echo "test-aot: skipped (no C toolchain for the native build)"; exit 0; fi; \
	  [ $$status -eq 0 ] || exit $$status; \
	  set -o pipefail; CONTRACTHARNESS_MOCK_BINARY="$(CURDIR)/$$bin" $(DOTNET) test tests/MockServer.Tests -c $(CONFIGURATION) --no-build \
	    --filter "$(AOT_TEST_FILTER)" --logger "junit;LogFilePath=$(CURDIR)/$(TEST_RESULTS)/{assembly}.aot.junit.xml" 2>&1 | tee $(AOT_TEST_LOG); status=$$?; \
	  echo "Native AOT mock ($$bin): $$(tools/test-summary.sh $(AOT_TEST_LOG))"; exit $$status

# The HTTP behaviour tests whose class says [Hosts(... MockHosts.Memory ...)], against the engine's in-memory handler.
MEMORY_TEST_LOG := .stamps/test-memory-output.log
.PHONY: test-memory
test-memory: ## The HTTP behaviour tests again, through the in-memory handler (SuperOfficeMockEngine.CreateClient, no socket)
	@mkdir -p .stamps
	@set -o pipefail; CONTRACTHARNESS_MOCK_HOST=memory $(DOTNET) test tests/MockServer.Tests -c $(CONFIGURATION) --no-build \
	  --filter "Host=Memory" --logger "junit;LogFilePath=$(CURDIR)/$(TEST_RESULTS)/{assembly}.memory.junit.xml" 2>&1 | tee $(MEMORY_TEST_LOG); status=$$?; \
	  echo "In-memory handler: $$(tools/test-summary.sh $(MEMORY_TEST_LOG))"; exit $$status

.PHONY: docs
docs: ## Write the generated docs again (docs/options.md from the option table)
	CONTRACTHARNESS_WRITE_DOCS=1 $(DOTNET) test tests/MockServer.Tests -c $(CONFIGURATION) --filter "FullyQualifiedName~OptionsPageTests"

##@ .NET teams: the packages and the superoffice-mock tool
# Every package into .artifacts/packages (.nupkg and .snupkg): ContractHarness.Contracts, .MockServer, .WireMock,
# .Pact (with libpact_ffi for every platform) and the tool ContractHarness.MockServer.Tool, whose linux-x64 package is
# the Native AOT program (it needs clang; without it only the framework-dependent package is written, saying so).
PACKAGES := .artifacts/packages
PACT_ENGINES_STAMP := src/Pact/engines/node_modules/.package-lock.json
$(PACT_ENGINES_STAMP): src/Pact/engines/package.json src/Pact/engines/package-lock.json
	@echo "pack: installing libpact_ffi for every platform (npm ci --force: the packages are for other platforms too)"
	npm ci --force --no-audit --no-fund --prefix src/Pact/engines
	@touch $@

.PHONY: pack
pack: $(PACT_ENGINES_STAMP) ## Write every NuGet package and the superoffice-mock tool to .artifacts/packages
	@rm -rf $(PACKAGES) && mkdir -p $(PACKAGES)
	$(DOTNET) pack ContractHarness.sln -c $(CONFIGURATION) -o $(PACKAGES) -nologo
	$(DOTNET) pack src/MockServer.Tool -c $(CONFIGURATION) -r any -o $(PACKAGES) -nologo
	@if tools/system-packages.sh clang; then \
	  $(DOTNET) pack src/MockServer.Tool -c $(CONFIGURATION) -r linux-x64 -o $(PACKAGES) -nologo; \
	else echo "pack: no linux-x64 Native AOT tool package (no clang here); the framework-dependent one serves every platform" >&2; fi
	@ls -l $(PACKAGES) | awk 'NR > 1 { printf "  %8.1f KB  %s\n", $$5 / 1024, $$9 }'

.PHONY: test-packages
test-packages: pack ## Prove the packages and the tool from a folder outside the repository (tools/package-proof.sh)
	tools/package-proof.sh

##@ CI pipelines and contract owners: regenerate, compare, check
.PHONY: contracts
contracts: ## Regenerate contracts/ (schemas, catalog, OpenAPI, fixtures, WireMock mappings) from contracts/source
	$(DOTNET) run --project src/Contracts.Generator -c $(CONFIGURATION) -- generate --source contracts/source --out contracts

.PHONY: wiremock-mappings
wiremock-mappings: contracts ## Regenerate contracts/wiremock/ (static mappings for WireMock 3.x and WireMock.Net); part of make contracts

.PHONY: check-contracts
check-contracts: ## Fail when contracts/ is stale: it differs from what contracts/source generates
	$(DOTNET) run --project src/Contracts.Generator -c $(CONFIGURATION) -- check --source contracts/source --out contracts

VENDOR ?= contracts/vendor/superoffice-webapi-v1.swagger.json
.PHONY: drift
drift: ## Compare contracts/ with a vendor API description (VENDOR=swagger-or-openapi.json); fails on a type disagreement
	$(DOTNET) run --project src/Contracts.Generator -c $(CONFIGURATION) -- drift --vendor "$(VENDOR)" --out contracts $(if $(JUNIT),--junit '$(JUNIT)')

OPENAPI := contracts/openapi.json

# JUNIT=FILE: verify-provider, check-pact, drift and compat also write a JUnit XML report there (docs/ci.md).
# compat takes the document at git ref BASE out of git into a temporary file and compares the working tree's with it.
.PHONY: compat
compat: ## Fail when contracts/openapi.json breaks consumers of the one at git ref BASE (BASE=origin/main)
	@if [ -z "$(BASE)" ]; then echo "BASE is not set: name the git ref to compare with, e.g. make compat BASE=origin/main" >&2; exit 2; fi
	@base="$$(mktemp)"; trap 'rm -f "$$base"' EXIT; \
	  git show '$(BASE):./$(OPENAPI)' > "$$base" || { echo "compat: no $(OPENAPI) at git ref '$(BASE)'" >&2; exit 2; }; \
	  $(DOTNET) run --project src/Contracts.Generator -c $(CONFIGURATION) -- compat --base "$$base" --base-name '$(OPENAPI) at $(BASE)' \
	    --head $(OPENAPI) --head-name '$(OPENAPI) in the working tree' $(if $(JUNIT),--junit '$(JUNIT)')
PACT ?= contracts/pacts/SuperOfficeWebClient-SuperOfficeWebApi.json

.PHONY: lint-openapi
lint-openapi: tools ## Lint contracts/openapi.json with Redocly CLI (recommended rules, as tools/redocly.yaml decides)
	node_modules/.bin/redocly lint --config tools/redocly.yaml $(OPENAPI)

.PHONY: check-pact
check-pact: tools ## Bi-directional check: the pact (PACT) against contracts/openapi.json, with swagger-mock-validator
	@node tools/check-pact.mjs $(OPENAPI) $(PACT) $(if $(JUNIT),--junit '$(JUNIT)')

# The coverage of the contract by a running mock (GET /__admin/coverage) as a table; Node only, no package.
BASE_URL ?= http://127.0.0.1:5080
.PHONY: coverage
coverage: ## Print which operations and documented statuses a running mock answered (BASE_URL, default the local mock; SESSION= for one session)
	@node tools/coverage.mjs '$(BASE_URL)' $(if $(SESSION),--session '$(SESSION)')

##@ Pact users and tenant owners: verify a provider, the broker
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

##@ Performance and robustness: benchmarks, long runs
.PHONY: bench
bench: tools ## Load-benchmark the mock against a bare Kestrel baseline (wrk, 127.0.0.1 only); table in bench/results/
	bench/run.sh

FUZZ_REQUESTS ?= 100000
FUZZ_KILL_ROUNDS ?= 20
.PHONY: fuzz
fuzz: ## Long fuzz run: FUZZ_REQUESTS hostile requests, FUZZ_KILL_ROUNDS kill -9 rounds, one round per storage fault (FUZZ_SEED replays); one table; fails on a 5xx or a lost update
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

.PHONY: bench-proxy
bench-proxy: ## The cost of --proxy: added latency (p50, p99) and req/s against calling the tenant (a second mock) directly, GET and PATCH
	bench/proxy.sh

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
