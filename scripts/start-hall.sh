#!/usr/bin/env bash
# Runs the hall: the hall-server with its SQLite demo hall (seeded on first start) on PORT (8080).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec npm start
