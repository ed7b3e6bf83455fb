#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests: `source scripts/postgres.sh` installs Debian's postgresql package
# when it is missing, starts a temporary cluster on a free loopback port, exports TPMPREP_TEST_POSTGRES for
# the tests and stops (and deletes) the cluster when the calling shell exits. It fails loudly, never skips.

tpmprep_pg_fail() { echo "PostgreSQL for the tests could not be started: $1" >&2; exit 1; }

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  echo "PostgreSQL not found: installing Debian's postgresql package for the integration tests."
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq || tpmprep_pg_fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null || tpmprep_pg_fail "apt-get install postgresql failed"
fi
tpmprep_pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

# initdb refuses to run as root: then the cluster belongs to the postgres user the package created.
tpmprep_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

tpmprep_pg_root=$(mktemp -d /tmp/tpmprep-pg.XXXXXX)
chmod 755 "$tpmprep_pg_root"
if [ "$(id -u)" -eq 0 ]; then chown postgres "$tpmprep_pg_root"; fi

tpmprep_pg_port=""
for candidate in $(shuf -i 20000-60000 -n 50); do
  if ! (echo > "/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then tpmprep_pg_port=$candidate; break; fi
done
[ -n "$tpmprep_pg_port" ] || tpmprep_pg_fail "no free port found"

tpmprep_pg "$tpmprep_pg_bin/initdb" -D "$tpmprep_pg_root/data" -U postgres --auth=trust -E UTF8 >"$tpmprep_pg_root/initdb.log" 2>&1 \
  || { cat "$tpmprep_pg_root/initdb.log" >&2; tpmprep_pg_fail "initdb failed"; }
# A throwaway cluster: no fsync; enough connections for tests that run in parallel, each with a database of its own.
tpmprep_pg "$tpmprep_pg_bin/pg_ctl" -D "$tpmprep_pg_root/data" -l "$tpmprep_pg_root/server.log" -w -t 120 \
  -o "-p $tpmprep_pg_port -k $tpmprep_pg_root -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
  || { cat "$tpmprep_pg_root/server.log" >&2; tpmprep_pg_fail "the server did not start"; }

tpmprep_pg_stop() {
  tpmprep_pg "$tpmprep_pg_bin/pg_ctl" -D "$tpmprep_pg_root/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$tpmprep_pg_root"
}

export TPMPREP_TEST_POSTGRES="Host=127.0.0.1;Port=$tpmprep_pg_port;Username=postgres;Maximum Pool Size=20"
echo "PostgreSQL $(basename "$(dirname "$tpmprep_pg_bin")") for the tests on 127.0.0.1:$tpmprep_pg_port"
