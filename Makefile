# ContractHarness: the two everyday commands are `make mock` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

DOTNET ?= dotnet
CONFIGURATION ?= Release
PORT ?= 5080
HOST ?= 127.0.0.1
NODE_STAMP := node_modules/.package-lock.json
PACT_FFI := node_modules/@pact-foundation/pact-core-linux-x64-glibc/prebuilds/linux-x64/libpact_ffi.so
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export PACT_DO_NOT_TRACK := true

.PHONY: help
help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-16s %s\n", $$1, $$2}'

# The npm packages (Pact engine, pact CLI, OpenAPI validator) are pinned in package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@test -f $(PACT_FFI) || { echo "libpact_ffi.so missing after npm ci" >&2; exit 1; }
	@touch $(NODE_STAMP)

.PHONY: tools
tools: $(NODE_STAMP) ## Install the pinned npm tooling (idempotent)

.PHONY: build
build: tools ## Build the solution
	$(DOTNET) build ContractHarness.sln -c $(CONFIGURATION)

TEST_LOG := .stamps/test-output.log

.PHONY: test
test: tools ## Build and run every test (installs what it needs first)
	@mkdir -p .stamps
	@set -o pipefail; $(DOTNET) test ContractHarness.sln -c $(CONFIGURATION) 2>&1 | tee $(TEST_LOG); status=$$?; \
	  tools/test-summary.sh $(TEST_LOG); exit $$status

.PHONY: contracts
contracts: ## Regenerate contracts/ (schemas, catalog, OpenAPI, fixtures) from contracts/source
	$(DOTNET) run --project src/Contracts -c $(CONFIGURATION) -- generate --source contracts/source --out contracts

.PHONY: check-contracts
check-contracts: ## Fail when contracts/ differs from what contracts/source generates
	$(DOTNET) run --project src/Contracts -c $(CONFIGURATION) -- check --source contracts/source --out contracts

.PHONY: mock
mock: ## Build and start the mock server on http://$(HOST):$(PORT)
	$(DOTNET) run --project src/MockServer -c $(CONFIGURATION) -- --host $(HOST) --port $(PORT)
