#!/usr/bin/env bash
# Runs every test: lint, typecheck, then unit, integration, driver end-to-end and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec npm test
