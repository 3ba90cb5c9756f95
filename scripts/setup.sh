#!/usr/bin/env bash
# Installs what the hall and its tests need on a fresh Debian machine: system packages
# (only those missing; apt-get update once) and the npm workspaces (when the lock changed).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v socat >/dev/null || need+=(socat)
command -v chromium >/dev/null || need+=(chromium)
[ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || need+=(fonts-wqy-zenhei)
command -v espeak-ng >/dev/null || need+=(espeak-ng)
command -v sox >/dev/null || need+=(sox)
# pdftotext and pdffonts: the tests read back the case notices' PDFs.
command -v pdftotext >/dev/null || need+=(poppler-utils)
if [ "${#need[@]}" -gt 0 ]; then
  echo "[setup] installing ${need[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Electron is installed for its typings only; its binary cannot be downloaded on our build machines.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] npm ci (builds better-sqlite3, serialport and node-hid from source: a minute or two)"
  # The committed lock lists every platform's optional packages (Biome's binaries), so `npm ci`
  # installs exactly what it says and leaves it unchanged.
  npm ci --no-audit --no-fund
fi

# The terminals' renderers and the speech clips, served by the hall-server in browser mode.
echo "[setup] building terminals"
npm run build --workspaces --if-present >/dev/null
