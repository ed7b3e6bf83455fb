#!/usr/bin/env bash
# Runs every test: unit, integration on SQLite files and on PostgreSQL, and end-to-end (Playwright driving
# Chromium). Installs Debian's Chromium, Java and PostgreSQL first when they are missing, and the W3C Nu Html
# Checker (npm package vnu-jar, into .tools/vnu), and starts a throwaway PostgreSQL cluster for the second
# integration pass (stopped and deleted at the end).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${TPMPREP_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "Chromium not found: installing Debian's chromium package for the browser tests."
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

if ! command -v java >/dev/null 2>&1; then
  echo "Java not found: installing Debian's openjdk-17-jre-headless for the W3C Nu Html Checker."
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi

# The HTML checker the Standards tests run (Standards/NuHtmlChecker.cs reads the same variable).
vnu_version=26.9.27
export TPMPREP_VNU_JAR="${TPMPREP_VNU_JAR:-$PWD/.tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar}"
if [ ! -f "$TPMPREP_VNU_JAR" ]; then
  echo "W3C Nu Html Checker not found: installing vnu-jar@$vnu_version with npm into .tools/vnu."
  npm install --prefix .tools/vnu --no-save --no-audit --no-fund "vnu-jar@$vnu_version" >/dev/null
fi

log=$(mktemp)
# shellcheck source=scripts/postgres.sh
source ./scripts/postgres.sh
trap 'tpmprep_pg_stop; rm -f "$log"' EXIT

status=0
echo "== Every test project, integration tests on SQLite =="
dotnet test TpmPrep.sln "$@" 2>&1 | tee "$log" || status=$?
echo "== Integration tests again, on PostgreSQL (the browser tests stay on SQLite) =="
TPMPREP_TEST_DATABASE=PostgreSQL dotnet test tests/TpmPrep.Web.Tests --no-build --filter "FullyQualifiedName!~EndToEnd" "$@" 2>&1 | tee -a "$log" || status=$?

# One closing line for CI; a crashed test host counts as a failure.
summary_status=0
./scripts/summarise-test-log.sh "$log" || summary_status=$?
if [ "$status" -eq 0 ]; then status=$summary_status; fi
exit "$status"
