#!/usr/bin/env bash
# Runs the demo hall: the hall-server with its SQLite demo hall (seeded on first start) on PORT (8080),
# serving every terminal in browser mode, with a device agent of simulated devices; prints one address.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node scripts/demo-hall.mjs
