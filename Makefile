# Participation — see README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help run run-cluster test build lint format bench openapi contracts contracts-check contracts-compat contracts-release sdk samples publish clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

run: ## install what is missing, start PostgreSQL, migrate, seed the demo city, run the API (:5080) and the web app (:5173)
	@.ci/run-local.sh

run-cluster: ## as `make run`, but two API instances (:5081, :5082) behind nginx serving the built web app (:8080); `make test` checks it in the browser (--check)
	@.ci/run-cluster.sh

test: ## run every test (.NET, contract and compatibility gate, web unit, browser end-to-end, run-cluster in the browser, sample integrations) against a throwaway PostgreSQL
	@.ci/test.sh

bench: ## benchmark the hot endpoints next to bare baselines on a large seeded data set (BENCH_QUICK=1: small and short); not part of `make test`
	@.ci/bench.sh

build: ## build the solution and the web client
	dotnet build Participation.sln
	cd web-client && npm run build

lint: ## lint the web client (ESLint, no warning allowed) and check the C# style (dotnet format); `make test` runs both
	@source .ci/lib.sh && ensure_dotnet_deps && dotnet format style Participation.sln --verify-no-changes --severity warn && .ci/line-length.sh
	@source .ci/lib.sh && ensure_node_deps && cd web-client && npm run --silent lint

format: ## format everything: C# (CSharpier, then dotnet format style fixes), web client (Prettier); `make test` fails on unformatted files
	@source .ci/lib.sh && ensure_dotnet_deps && dotnet csharpier format . && dotnet format style Participation.sln --severity warn
	@source .ci/lib.sh && ensure_node_deps && cd web-client && npm run --silent format

openapi: ## rewrite openapi.json from the running API (needs PostgreSQL: uses a throwaway cluster)
	@source .ci/lib.sh && dotnet build tests/Participation.Api.Tests -v q -nologo -clp:ErrorsOnly && \
	  server=$$(.ci/pg.sh start test) && trap '.ci/pg.sh stop test' EXIT && \
	  TEST_DATABASE_URL="$$server" UPDATE_OPENAPI=1 dotnet test tests/Participation.Api.Tests --no-build \
	    --filter "FullyQualifiedName~OpenApiTests.The_committed_openapi_json" -v q -nologo

contracts: ## regenerate the TypeScript and .NET clients in contracts/ from openapi.json (and the npm package's version from info.version)
	@.ci/contracts.sh

contracts-check: ## fail when the generated clients differ from what openapi.json gives, or openapi.json breaks the released contract
	@.ci/contracts.sh check && .ci/contracts.sh compat

contracts-compat: ## fail when openapi.json breaks the released contract (contracts/released/openapi.json) without a new major
	@.ci/contracts.sh compat

contracts-release: ## make openapi.json the released contract (after raising OpenApiSetup.ContractVersion, make openapi, make contracts)
	@.ci/contracts.sh release

sdk: ## build the SDK packages, versioned like the contract, into .local/sdk/: npm @participation/client (.tgz), NuGet Participation.Client (.nupkg)
	@.ci/sdk.sh

publish: ## build what a server runs into .local/publish/: the API (Release, self-contained linux-x64), the web app, deploy/, a versioned tarball
	@.ci/publish.sh

samples: ## build the SDK, start the API on its own database, run the Node and .NET sample integrations against it; `make test` runs them
	@.ci/samples.sh

clean: ## stop and remove the local databases, remove build output
	@.ci/pg.sh clean
	rm -rf .local api/*/bin api/*/obj tests/*/bin tests/*/obj bench/*/bin bench/*/obj contracts/dotnet/*/bin contracts/dotnet/*/obj \
	  contracts/samples/dotnet/bin contracts/samples/dotnet/obj contracts/typescript/dist web-client/dist
