#!/usr/bin/env bash
# Runs every test: unit, integration (real SQLite files) and end-to-end (Playwright driving Chromium).
# Installs Debian's Chromium first when no browser is configured or installed.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${TPMPREP_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "Chromium not found: installing Debian's chromium package for the browser tests."
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test TpmPrep.sln "$@" 2>&1 | tee "$log" || status=$?

# One closing line for CI; a crashed test host counts as a failure.
summary_status=0
./scripts/summarise-test-log.sh "$log" || summary_status=$?
if [ "$status" -eq 0 ]; then status=$summary_status; fi
exit "$status"
