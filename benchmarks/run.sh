#!/usr/bin/env bash
# The TpmPrep web benchmark, each figure beside an anchor measured the same way on the same machine.
# Usage: benchmarks/run.sh [--quick]        (docs/performance.md explains every row)
# Prints the machine, then one markdown table on stdout; progress goes to stderr. A missed goal is a FAIL
# in the table, never a failed run: the exit code is non-zero only when the benchmark itself could not run.
#
# Settings (environment):
#   BENCH_SECONDS        seconds per read run (10; --quick 1)
#   BENCH_PAIRS          back-to-back pairs per ratio (3; --quick 1)
#   BENCH_WRITE_SECONDS  seconds per write run (15; --quick 2)
#   BENCH_WRITE_WARM_SECONDS  seconds of unrecorded writes first (45; --quick 1): the JIT goes on compiling the write
#                        path for about 40 s of steady writes on 2 cores, and the runs measure the steady state after it
#   BENCH_USER_WARM_SECONDS  seconds of unrecorded per-user requests before the per-user runs, and again on the
#                        library (60; --quick 1): a new process's JIT goes on compiling those pages' path for about a
#                        minute at 8 connections on 2 cores (the anonymous pages, served from the output cache, warm
#                        none of it)
#   BENCH_STARTUP_RUNS   recorded start-ups of each app (5; --quick 1)
#   BENCH_LIBRARY_SIZE   questions in the generated library (10000; --quick 2000)
#   BENCH_DIR            scratch folder (a new one under /tmp); removed at the end unless BENCH_KEEP=1 or the run failed
#   BENCH_NO_PUBLISH=1   reuse the apps a kept BENCH_DIR already holds (the data is made afresh all the same)
set -uo pipefail

usage() { sed -n '2,/^[^#]/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

QUICK=0
for arg in "$@"; do
  case $arg in
    --quick) QUICK=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ $QUICK = 1 ]; then
  BENCH_SECONDS=${BENCH_SECONDS:-1}; BENCH_PAIRS=${BENCH_PAIRS:-1}; BENCH_WRITE_SECONDS=${BENCH_WRITE_SECONDS:-2}; BENCH_WRITE_WARM_SECONDS=${BENCH_WRITE_WARM_SECONDS:-1}
  BENCH_USER_WARM_SECONDS=${BENCH_USER_WARM_SECONDS:-1}
  BENCH_STARTUP_RUNS=${BENCH_STARTUP_RUNS:-1}; BENCH_LIBRARY_SIZE=${BENCH_LIBRARY_SIZE:-2000}; WARM_SECONDS=1
else
  BENCH_SECONDS=${BENCH_SECONDS:-10}; BENCH_PAIRS=${BENCH_PAIRS:-3}; BENCH_WRITE_SECONDS=${BENCH_WRITE_SECONDS:-15}; BENCH_WRITE_WARM_SECONDS=${BENCH_WRITE_WARM_SECONDS:-45}
  BENCH_USER_WARM_SECONDS=${BENCH_USER_WARM_SECONDS:-60}
  BENCH_STARTUP_RUNS=${BENCH_STARTUP_RUNS:-5}; BENCH_LIBRARY_SIZE=${BENCH_LIBRARY_SIZE:-10000}; WARM_SECONDS=3
fi

W=${BENCH_DIR:-$(mktemp -d /tmp/tpmprep-bench.XXXXXX)}
mkdir -p "$W"
W=$(cd "$W" && pwd)
case "$W/" in "$REPO"/*) echo "BENCH_DIR must be outside the repository ($REPO)" >&2; exit 2 ;; esac
RAW=$W/raw; APP=$W/app; BARE=$W/bare; DATA=$W/data; CONTENT=$W/content; LIB=$W/library
mkdir -p "$RAW"
PASSWORD=load-test-password-26
DEMO_EMAIL=demo@tpmprep.local; DEMO_PASSWORD=practise-the-loop-26
WRITERS=8
GOAL_ANON_RATIO=0.8; GOAL_ANON_P99=10; GOAL_USER_P99=50; GOAL_SCALING=0.5; GOAL_WRITE_P99=50; GOAL_STARTUP=1.5; GOAL_RSS=300

PIDS=()
ROWS=()
LOADS=()
RUN_ID=0

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$W/run.log" >&2; }
die() { log "ERROR: $*"; exit 1; }
load1() { cut -d' ' -f1 /proc/loadavg; }
# alive PID: running (an exited child stays a zombie until waited for, and kill -0 still reaches it)
alive() { ps -o stat= -p "$1" 2>/dev/null | grep -qv '^Z'; }

# stop_pid PID: stops a process this script started, and forgets it (so a reused PID is never signalled later)
stop_pid() {
  local pid=$1 i kept=()
  for i in "${PIDS[@]}"; do [ "$i" = "$pid" ] || kept+=("$i"); done
  PIDS=("${kept[@]}")
  alive "$pid" || { wait "$pid" 2>/dev/null; return 0; }
  kill -TERM "$pid" 2>/dev/null
  for i in $(seq 1 50); do alive "$pid" || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  return 0
}

cleanup() {
  local code=$? pid
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
  trap - EXIT
  if [ $code -ne 0 ]; then
    echo "The benchmark stopped early (exit $code); its scratch folder is kept: $W (log: $W/run.log)" >&2
  elif [ "${BENCH_KEEP:-0}" = 1 ]; then
    echo "Scratch folder kept: $W" >&2
  else
    rm -rf "$W"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- numbers ---------------------------------------------------------------------------------------------------------

median() { printf '%s\n' "$@" | grep -E '^[0-9.]+$' | sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
divide() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "nan" || b == "nan" || b + 0 == 0) print "nan"; else printf "%.4f", a / b}'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a != "nan" && a + 0 >= b + 0)}'; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a != "nan" && a + 0 < b + 0)}'; }
# 12345.6 -> 12,346; 45.67 -> 45.7
fmt_n() {
  awk -v v="$1" 'BEGIN {
    if (v == "nan" || v == "") { print "n/a"; exit }
    if (v + 0 >= 100) { s = sprintf("%.0f", v); r = ""; while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) } print s r }
    else if (v + 0 >= 10) printf "%.1f\n", v; else printf "%.2f\n", v }'
}
fmt_ms() { local v; v=$(fmt_n "$1"); if [ "$v" = n/a ]; then echo "n/a (no request finished)"; else echo "$v ms"; fi; }
fmt_count() { printf '%s' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
fmt_x() { awk -v v="$1" 'BEGIN {if (v == "nan") print "n/a"; else printf "%.2fx\n", v}'; }
# verdict: PASS when the goal's test just before it succeeded, FAIL otherwise
verdict() { if [ $? = 0 ]; then echo PASS; else echo FAIL; fi; }
row() { ROWS+=("| $1 | $2 | $3 | $4 | $5 | $6 |"); }

# --- processes -------------------------------------------------------------------------------------------------------

free_port() {
  local port
  while :; do
    port=$((40000 + RANDOM % 20000))
    ss -ltn 2>/dev/null | awk '{print $4}' | grep -q ":$port\$" || { echo $port; return; }
  done
}
rss_mb() { ps -o rss= -p "$1" 2>/dev/null | awk '{printf "%.1f", $1 / 1024}'; }
owns_port() { ! command -v ss >/dev/null || ss -ltnp 2>/dev/null | grep ":$2 " | grep -q "pid=$1,"; }

# launch NAME DIR EXE PORT [VAR=value...]: starts EXE in DIR listening on 127.0.0.1:PORT; sets LAUNCHED
launch() {
  local name=$1 dir=$2 exe=$3 port=$4; shift 4
  (cd "$dir" && exec env "$@" "$exe" --urls "http://127.0.0.1:$port") >>"$RAW/$name.log" 2>&1 &
  LAUNCHED=$!
  PIDS+=("$LAUNCHED")
}

# wait_ok PID PORT [TIMEOUT_S]: polls / every 10 ms until it answers 200 from PID; sets READY_NS (the moment of the 200)
wait_ok() {
  local pid=$1 port=$2 limit=$((${3:-120} * 1000)) t0 code
  t0=$(date +%s%N)
  while :; do
    alive "$pid" || return 1
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/" 2>/dev/null)
    if [ "$code" = 200 ]; then READY_NS=$(date +%s%N); owns_port "$pid" "$port" || die "port $port answers, but not from our process $pid"; return 0; fi
    [ $((($(date +%s%N) - t0) / 1000000)) -gt $limit ] && return 1
    sleep 0.01
  done
}

APP_ENV=(ASPNETCORE_ENVIRONMENT=Production DOTNET_CLI_TELEMETRY_OPTOUT=1 "TpmPrep__DataPath=$DATA" TpmPrep__LoginPermitsPerMinute=1000000)

# start_app NAME CONTENT_DIR: the published app, serving; sets APP_PID and BASE
start_app() {
  local port; port=$(free_port)
  launch "$1" "$APP" "$APP/TpmPrep.Web" "$port" "${APP_ENV[@]}" "TpmPrep__ContentPath=$2"
  APP_PID=$LAUNCHED
  wait_ok "$APP_PID" "$port" || die "the app did not start (log: $RAW/$1.log)"
  BASE=http://127.0.0.1:$port
  log "$1 is up at $BASE (pid $APP_PID, RSS $(rss_mb "$APP_PID") MB)"
}

# startup_once NAME DIR EXE [VAR=value...]: exec -> first 200 on /; sets S_MS and S_RSS, then stops it
startup_once() {
  local name=$1 dir=$2 exe=$3 port t0; shift 3
  port=$(free_port)
  t0=$(date +%s%N)
  launch "$name" "$dir" "$exe" "$port" "$@"
  if wait_ok "$LAUNCHED" "$port"; then
    S_MS=$(((READY_NS - t0) / 1000000)); S_RSS=$(rss_mb "$LAUNCHED")
  else
    S_MS=nan; S_RSS=nan
  fi
  stop_pid "$LAUNCHED"
  log "start-up $name: ${S_MS} ms, RSS ${S_RSS} MB, load $(load1)"
}

# --- HTTP ------------------------------------------------------------------------------------------------------------

token_of() { grep -o '<input[^>]*name="__RequestVerificationToken"[^>]*>' | head -1 | sed -n 's/.*value="\([^"]*\)".*/\1/p'; }
cookie_header() { awk -F'\t' 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) {printf "%s%s=%s", sep, $6, $7; sep = "; "}' "$1"; }

# login EMAIL PASSWORD NAME: logs in with curl; the jar is $W/NAME.jar, the Cookie header $W/NAME.cookie
login() {
  local jar=$W/$3.jar tok code
  rm -f "$jar"
  tok=$(curl -s -c "$jar" -b "$jar" "$BASE/account/login" | token_of)
  [ -n "$tok" ] || die "no antiforgery token on $BASE/account/login"
  code=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" -X POST "$BASE/account/login" \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=$2" --data-urlencode "Input.RememberMe=true" \
    --data-urlencode "__RequestVerificationToken=$tok")
  [ "$code" = 302 ] || die "log-in of $1 answered $code, not 302"
  cookie_header "$jar" >"$W/$3.cookie"
}
cookie_of() { cat "$W/$1.cookie"; }

# save_static NAME PATH [USER]: the page's bytes (as USER) become /bench/NAME.html in the app's wwwroot; checks they match
save_static() {
  local file=$APP/wwwroot/bench/$1.html code headers=()
  mkdir -p "$APP/wwwroot/bench"
  [ -n "${3:-}" ] && headers=(-H "Cookie: $(cookie_of "$3")")
  code=$(curl -s -o "$file" -w '%{http_code}' "${headers[@]}" "$BASE$2")
  [ "$code" = 200 ] || die "$2${3:+ as $3} answered $code, not 200"
  curl -s -o "$RAW/static-check.html" "$BASE/bench/$1.html"
  cmp -s "$file" "$RAW/static-check.html" || die "/bench/$1.html is not served as the same bytes as $2"
  log "static anchor /bench/$1.html: $(stat -c %s "$file") bytes, the same as $2${3:+ for $3}"
}

# --- wrk -------------------------------------------------------------------------------------------------------------

to_ms() { awk '{v = $1; if (v ~ /us$/) {sub(/us$/, "", v); v = v / 1000} else if (v ~ /ms$/) sub(/ms$/, "", v); else if (v ~ /m$/) {sub(/m$/, "", v); v = v * 60000} else if (v ~ /s$/) {sub(/s$/, "", v); v = v * 1000}; printf "%.3f", v}'; }

# run_wrk LABEL CONNS THREADS SECONDS URL [USER]: sets R_RPS R_P50 R_P99 R_BAD (non-2xx/3xx responses + socket errors)
run_wrk() {
  local label=$1 conns=$2 threads=$3 secs=$4 url=$5 user=${6:-} file script=()
  RUN_ID=$((RUN_ID + 1))
  file=$RAW/$(printf '%03d' $RUN_ID)-$(echo "$label" | tr -c 'A-Za-z0-9\n' '_').txt
  # A user's runs go through session.lua, which takes renewed cookies as a browser does (see benchmarks/cookies.lua)
  [ -n "$user" ] && script=(-s "$REPO/benchmarks/session.lua")
  LOADS+=("$(load1)")
  BENCH_COOKIE=$([ -n "$user" ] && cookie_of "$user") wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 10s --latency "${script[@]}" "$url" >"$file" 2>&1
  echo "load1 $(load1)" >>"$file"
  R_RPS=$(awk '/^Requests\/sec/ {print $2}' "$file"); R_RPS=${R_RPS:-0}
  R_P50=$(awk '$1 == "50%" {print $2}' "$file" | to_ms); R_P50=${R_P50:-nan}
  R_P99=$(awk '$1 == "99%" {print $2}' "$file" | to_ms); R_P99=${R_P99:-nan}
  # no request finished in the time: no latency to speak of (wrk prints 0)
  grep -qE '^ *0 requests in' "$file" && { R_P50=nan; R_P99=nan; }
  local non sock
  non=$(awk '/Non-2xx or 3xx/ {print $NF}' "$file"); sock=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$file")
  R_BAD=$((${non:-0} + ${sock:-0}))
  log "$label: $(fmt_n "$R_RPS") rps, p50 $(fmt_ms "$R_P50"), p99 $(fmt_ms "$R_P99"), bad $R_BAD, load $(load1)"
}

# paired LABEL CONNS URL_A USER_A URL_B USER_B: warm-up, then BENCH_PAIRS back-to-back A, B runs.
# Sets A_RPS A_P99 B_RPS B_P99 (medians), RATIO (median of the pair ratios A/B), BAD (A's bad responses, summed)
paired() {
  local label=$1 conns=$2 url_a=$3 user_a=$4 url_b=$5 user_b=$6 i
  local ra=() pa=() rb=() pb=() ratios=()
  BAD=0
  run_wrk "warm-up $label" "$conns" 2 "$WARM_SECONDS" "$url_a" "$user_a"
  run_wrk "warm-up $label anchor" "$conns" 2 "$WARM_SECONDS" "$url_b" "$user_b"
  for i in $(seq 1 "$BENCH_PAIRS"); do
    run_wrk "$label #$i" "$conns" 2 "$BENCH_SECONDS" "$url_a" "$user_a"; ra+=("$R_RPS"); pa+=("$R_P99"); BAD=$((BAD + R_BAD))
    run_wrk "$label anchor #$i" "$conns" 2 "$BENCH_SECONDS" "$url_b" "$user_b"; rb+=("$R_RPS"); pb+=("$R_P99")
    ratios+=("$(divide "${ra[-1]}" "${rb[-1]}")")
  done
  A_RPS=$(median "${ra[@]}"); A_P99=$(median "${pa[@]}"); B_RPS=$(median "${rb[@]}"); B_P99=$(median "${pb[@]}")
  RATIO=$(median "${ratios[@]}")
}
bad_note() { [ "$1" -gt 0 ] && echo "; **$1 bad responses**"; }

# --- set-up ----------------------------------------------------------------------------------------------------------

need() {
  command -v "$1" >/dev/null && return 0
  log "installing $2 from Debian"
  local sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get install -y "$2" >>"$W/run.log" 2>&1 || { $sudo apt-get update >>"$W/run.log" 2>&1 && $sudo apt-get install -y "$2" >>"$W/run.log" 2>&1; } || die "could not install $2"
}
need wrk wrk
need sqlite3 sqlite3
need curl curl
for tool in dotnet ss awk cmp; do command -v $tool >/dev/null || die "$tool is needed"; done

commit=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$REPO" diff --quiet HEAD 2>/dev/null || commit="$commit (with uncommitted changes)"
cat <<EOF
# TpmPrep web benchmark

- Run: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit$([ $QUICK = 1 ] && echo ", **--quick** (checks the script; the figures mean little)")
- Machine: $(nproc) cores, $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) RAM, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start
- .NET SDK $(dotnet --version), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), sqlite3 $(sqlite3 --version | cut -d' ' -f1)
- Settings: BENCH_SECONDS=$BENCH_SECONDS, BENCH_PAIRS=$BENCH_PAIRS, BENCH_WRITE_SECONDS=$BENCH_WRITE_SECONDS, BENCH_WRITE_WARM_SECONDS=$BENCH_WRITE_WARM_SECONDS, BENCH_USER_WARM_SECONDS=$BENCH_USER_WARM_SECONDS, BENCH_STARTUP_RUNS=$BENCH_STARTUP_RUNS, BENCH_LIBRARY_SIZE=$BENCH_LIBRARY_SIZE

EOF

log "scratch folder $W"
if [ "${BENCH_NO_PUBLISH:-0}" = 1 ] && [ -x "$APP/TpmPrep.Web" ] && [ -x "$BARE/BareWeb" ]; then
  log "BENCH_NO_PUBLISH=1: reusing the apps published in $W"
else
  log "publishing the app (Release, ReadyToRun: the way the README says to publish it for production)"
  dotnet publish "$REPO/src/TpmPrep.Web" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$APP" -nologo -v quiet >"$RAW/publish-app.log" 2>&1 || die "publish failed (log: $RAW/publish-app.log)"
  log "publishing the bare 'dotnet new webapp' anchor (Release)"
  { dotnet new webapp -n BareWeb -o "$W/bare-src" --force && dotnet publish "$W/bare-src" -c Release -o "$BARE" -nologo -v quiet; } >"$RAW/publish-bare.log" 2>&1 || die "the bare template did not publish (log: $RAW/publish-bare.log)"
fi

rm -rf "$DATA" "$CONTENT" "$LIB" "$APP/wwwroot/bench"
cp -r "$REPO/content" "$CONTENT"
log "seeding the data folder: seed-demo, seed-load-test"
(cd "$W" && env "${APP_ENV[@]}" "TpmPrep__ContentPath=$CONTENT" "$APP/TpmPrep.Web" seed-demo) >"$RAW/seed.log" 2>&1 || die "seed-demo failed (log: $RAW/seed.log)"
(cd "$W" && env "${APP_ENV[@]}" "TpmPrep__ContentPath=$CONTENT" "$APP/TpmPrep.Web" seed-load-test --password "$PASSWORD" --writers $WRITERS --questions "$W/questions.tsv") >>"$RAW/seed.log" 2>&1 || die "seed-load-test failed (log: $RAW/seed.log)"
grep -E 'created|exists' "$RAW/seed.log" | while read -r line; do log "  $line"; done

# --- the app under load ----------------------------------------------------------------------------------------------

start_app app "$CONTENT"
login "$DEMO_EMAIL" "$DEMO_PASSWORD" demo
for n in 0 500 5000 50000; do login "load-$n@tpmprep.local" "$PASSWORD" "load-$n"; done
Q=$(cut -f1 "$W/questions.tsv" | grep -x agile-cross-team-dependencies || head -1 "$W/questions.tsv" | cut -f1)
: >"$W/writers.tsv"
for i in $(seq 1 $WRITERS); do
  login "writer-$i@tpmprep.local" "$PASSWORD" "writer-$i"
  tok=$(curl -s -b "$W/writer-$i.jar" "$BASE/questions/$Q" | token_of)
  [ -n "$tok" ] || die "no answer form for writer-$i on /questions/$Q"
  printf 'writer-%s@tpmprep.local\t%s\t%s\n' "$i" "$tok" "$(cookie_of "writer-$i")" >>"$W/writers.tsv"
done
log "logged in: demo, load-0/500/5000/50000, writer-1..$WRITERS"
# One request each, one at a time, before any load: one-time work (building a user's roll-ups, say) is timed here
# and kept out of the runs. The writers' too, untimed.
cold=()
for n in 0 500 5000 50000; do
  t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 120 -H "Cookie: $(cookie_of "load-$n")" "$BASE/progress")
  [ "${t%% *}" = 200 ] || die "/progress for load-$n answered ${t%% *}, not 200"
  cold+=("$(fmt_count $n): $(fmt_n "$(awk -v s="${t#* }" 'BEGIN {print s * 1000}')") ms")
done
for i in $(seq 1 $WRITERS); do curl -s -o /dev/null --max-time 120 -H "Cookie: $(cookie_of "writer-$i")" "$BASE/progress"; done
cold_text=$(printf '%s; ' "${cold[@]}")
log "first /progress per user: ${cold_text%; }"
RSS_START=$(rss_mb "$APP_PID")

ANON_PAGES=("/" "/banks" "/banks/agile-delivery" "/questions/$Q")
declare -A ANON_RPS
for i in "${!ANON_PAGES[@]}"; do save_static "anon-$i" "${ANON_PAGES[$i]}"; done
for who in demo load-5000; do
  for page in progress attempts review assessment; do save_static "$who-$page" "/$page" "$who"; done
done

log "== anonymous content pages: 32 connections, 2 threads, against the same bytes as a static file"
for i in "${!ANON_PAGES[@]}"; do
  page=${ANON_PAGES[$i]}
  paired "anonymous $page" 32 "$BASE$page" "" "$BASE/bench/anon-$i.html" ""
  ANON_RPS[$page]=$A_RPS
  row "Anonymous \`$page\`, 32 conns" "$(fmt_n "$A_RPS") rps; p99 $(fmt_ms "$A_P99")$(bad_note $BAD)" "static same bytes: $(fmt_n "$B_RPS") rps; p99 $(fmt_ms "$B_P99")" \
    "$(fmt_x "$RATIO")" "≥ ${GOAL_ANON_RATIO}x, p99 < ${GOAL_ANON_P99} ms" "$(ge "$RATIO" $GOAL_ANON_RATIO && lt "$A_P99" $GOAL_ANON_P99 && [ $BAD = 0 ]; verdict)"
done
RSS_ANON=$(rss_mb "$APP_PID")

# user_warm_up USER PATHS...: BENCH_USER_WARM_SECONDS of the user's pages in turn, 8 connections, not recorded
user_warm_up() {
  local user=$1; shift
  log "per-user warm-up: ${BENCH_USER_WARM_SECONDS} s of $* as $user, not recorded"
  BENCH_PATHS="$*" BENCH_COOKIE=$(cookie_of "$user") wrk -t2 -c8 -d"${BENCH_USER_WARM_SECONDS}s" --timeout 10s \
    -s "$REPO/benchmarks/session.lua" "$BASE/" >"$RAW/user-warm-up-$RUN_ID.txt" 2>&1
}

log "== per-user pages: 8 connections, logged in, against the same bytes as a static file"
user_warm_up demo /progress /attempts /review /assessment
for who in demo load-5000; do
  for page in progress attempts review assessment; do
    paired "$who /$page" 8 "$BASE/$page" "$who" "$BASE/bench/$who-$page.html" ""
    label=$([ $who = demo ] && echo "demo candidate (260 attempts)" || echo "load-5000 (5,000 attempts)")
    row "\`/$page\`, $label, 8 conns" "$(fmt_n "$A_RPS") rps; p99 $(fmt_ms "$A_P99")$(bad_note $BAD)" "static same bytes: $(fmt_n "$B_RPS") rps; p99 $(fmt_ms "$B_P99")" \
      "$(fmt_x "$RATIO")" "p99 < ${GOAL_USER_P99} ms" "$(lt "$A_P99" $GOAL_USER_P99 && [ $BAD = 0 ]; verdict)"
  done
done
RSS_USER=$(rss_mb "$APP_PID")

log "== /progress against the size of the history: 8 connections"
declare -A SR SP
for n in 500 5000 50000 0; do run_wrk "warm-up load-$n /progress" 8 2 "$WARM_SECONDS" "$BASE/progress" "load-$n"; done
scaling=(); scaling_bad=0
for i in $(seq 1 "$BENCH_PAIRS"); do
  # 50,000 and 0 back to back: they make the pair
  for n in 500 5000 50000 0; do
    run_wrk "load-$n /progress #$i" 8 2 "$BENCH_SECONDS" "$BASE/progress" "load-$n"
    SR[$n]="${SR[$n]:-} $R_RPS"; SP[$n]="${SP[$n]:-} $R_P99"; scaling_bad=$((scaling_bad + R_BAD))
    [ $n = 50000 ] && rps50k=$R_RPS
  done
  scaling+=("$(divide "$rps50k" "$R_RPS")")
done
row "First \`/progress\` per load-test user (attempts: time), one request at a time, before any load" "${cold_text%; }" "" "" "" "info"
for n in 0 500 5000 50000; do
  # shellcheck disable=SC2086
  row "\`/progress\`, load-$n ($(fmt_count $n) attempts), 8 conns" "$(fmt_n "$(median ${SR[$n]})") rps; p99 $(fmt_ms "$(median ${SP[$n]})")" "" "" "" "info"
done
ratio=$(median "${scaling[@]}")
# shellcheck disable=SC2086 # the lists are space-separated numbers
rps0=$(median ${SR[0]}) rps50=$(median ${SR[50000]})
row "\`/progress\` with 50,000 attempts against 0" "$(fmt_n "$rps50") rps at 50,000$(bad_note $scaling_bad)" "$(fmt_n "$rps0") rps at 0 attempts" "$(fmt_x "$ratio")" "≥ ${GOAL_SCALING}x (within 2x)" \
  "$(ge "$ratio" $GOAL_SCALING && [ $scaling_bad = 0 ]; verdict)"
RSS_SCALING=$(rss_mb "$APP_PID")

log "== writes: $WRITERS writers, one connection each, answer then grade, ${BENCH_WRITE_SECONDS} s"
cycles=(); wreqs=(); wp99=(); anchors=(); wratios=(); werrors=0
log "writes warm-up: ${BENCH_WRITE_WARM_SECONDS} s, not recorded"
BENCH_WRITERS=$W/writers.tsv BENCH_QUESTIONS=$W/questions.tsv wrk -t$WRITERS -c$WRITERS -d"${BENCH_WRITE_WARM_SECONDS}s" --timeout 10s \
  -s "$REPO/benchmarks/writes.lua" "$BASE" >"$RAW/writes-warm-up.txt" 2>&1
for i in $(seq 1 "$BENCH_PAIRS"); do
  RUN_ID=$((RUN_ID + 1)); file=$RAW/$(printf '%03d' $RUN_ID)-writes.txt
  LOADS+=("$(load1)")
  BENCH_WRITERS=$W/writers.tsv BENCH_QUESTIONS=$W/questions.tsv wrk -t$WRITERS -c$WRITERS -d"${BENCH_WRITE_SECONDS}s" --timeout 10s --latency \
    -s "$REPO/benchmarks/writes.lua" "$BASE" >"$file" 2>&1
  line=$(grep '^WRITES' "$file")
  [ -n "$line" ] || die "the write run printed no WRITES line ($file)"
  field() { echo "$line" | grep -o "$1=[0-9.]*" | cut -d= -f2; }
  # bad = any answer or grade not answered by its 302; the socket errors are wrk's own (connect, read, write, timeout)
  errs=$(($(field bad) + $(field connect) + $(field read) + $(field write) + $(field timeout)))
  werrors=$((werrors + errs))
  cycles+=("$(field cycles_per_s)"); wreqs+=("$(awk '/^Requests\/sec/ {print $2}' "$file")"); wp99+=("$(awk '$1 == "99%" {print $2}' "$file" | to_ms)")
  log "writes #$i: $line; p99 $(fmt_ms "${wp99[-1]}"); load $(load1)"
  # anchor: 400 single-row commits by the sqlite3 command line, WAL and synchronous=FULL, on the same disk
  rm -f "$W/anchor.db"*
  sqlite3 "$W/anchor.db" "pragma journal_mode=wal; create table t(id integer primary key autoincrement, a text, s real, c text);" >/dev/null
  t0=$(date +%s%N)
  for k in $(seq 1 400); do echo "PRAGMA synchronous=FULL; BEGIN IMMEDIATE; INSERT INTO t(a,s,c) VALUES ('answer text $k', 3.0, strftime('%Y-%m-%d %H:%M:%f','now')); COMMIT;"; done | sqlite3 "$W/anchor.db"
  anchors+=("$(awk -v ns=$(($(date +%s%N) - t0)) 'BEGIN {printf "%.1f", 400 / (ns / 1e9)}')")
  wratios+=("$(divide "${wreqs[-1]}" "${anchors[-1]}")")
  log "writes anchor #$i: sqlite3 ${anchors[-1]} commits/s"
done
c=$(median "${cycles[@]}"); r=$(median "${wreqs[@]}"); p=$(median "${wp99[@]}")
row "Writes: $WRITERS users × 1 conn, POST answer → 302 → POST grade → 302, ${BENCH_WRITE_SECONDS} s" \
  "$(fmt_n "$c") answer+grade cycles/s ($(fmt_n "$r") req/s); p99 $(fmt_ms "$p"); $werrors errors" \
  "sqlite3 CLI, same disk, one-row commits: $(fmt_n "$(median "${anchors[@]}")") commits/s" "$(fmt_x "$(median "${wratios[@]}")") (req/s ÷ commits/s)" \
  "0 errors, p99 < ${GOAL_WRITE_P99} ms" "$([ $werrors = 0 ] && lt "$p" $GOAL_WRITE_P99; verdict)"
RSS_WRITES=$(rss_mb "$APP_PID")
stop_pid "$APP_PID"

# --- start-up, and a 10,000-question library ---------------------------------------------------------------------------

log "== generating a $BENCH_LIBRARY_SIZE-question library"
if [ -f "$REPO/benchmarks/content/generate-library.sh" ]; then
  bash "$REPO/benchmarks/content/generate-library.sh" "$LIB" "$BENCH_LIBRARY_SIZE" >"$RAW/library.log" 2>&1 || die "generate-library.sh failed (log: $RAW/library.log)"
else
  # Until benchmarks/content/generate-library.sh is there, the same library made here: the shipped skills and levels,
  # then the banks copied as often as needed, each copy's bank and question ids and titles suffixed (-c01, " (copy 01)").
  mkdir -p "$LIB/banks" && cp -r "$CONTENT/skills" "$LIB/" && cp "$CONTENT/README.md" "$LIB/"
  suffixed() { sed -e "0,/^id: /s/^id: \(.*\)$/id: \1-c$c/" -e "0,/^title: /s/^title: \(.*\)$/title: \1 (copy $c)/" "$1" >"$2"; }
  left=$BENCH_LIBRARY_SIZE; copy=1
  while [ "$left" -gt 0 ]; do
    c=$(printf '%02d' $copy)
    for bank in "$CONTENT"/banks/*/; do
      [ "$left" -le 0 ] && break
      d=$LIB/banks/$(basename "$bank")-c$c; mkdir -p "$d"
      suffixed "$bank/_bank.md" "$d/_bank.md"
      for f in "$bank"*.md; do
        [ "$(basename "$f")" = _bank.md ] && continue
        [ "$left" -le 0 ] && break
        suffixed "$f" "$d/$(basename "$f" .md)-c$c.md"; left=$((left - 1))
      done
    done
    copy=$((copy + 1))
  done
fi
log "library: $(find "$LIB" -name '*.md' | wc -l) Markdown files, $(du -sh "$LIB" | cut -f1)"

log "== start-up: exec to the first 200 on /, alternating the app, the bare template and the app on the library"
su_app=(); su_bare=(); su_lib=(); rss_app=(); rss_bare=(); rss_lib=(); su_ratio=(); lib_ratio=()
for i in $(seq 0 "$BENCH_STARTUP_RUNS"); do
  # round 0 warms the page cache and is not counted
  startup_once "startup-app-$i" "$APP" "$APP/TpmPrep.Web" "${APP_ENV[@]}" "TpmPrep__ContentPath=$CONTENT"; a=$S_MS; ar=$S_RSS
  startup_once "startup-bare-$i" "$BARE" "$BARE/BareWeb" ASPNETCORE_ENVIRONMENT=Production; b=$S_MS; br=$S_RSS
  startup_once "startup-library-$i" "$APP" "$APP/TpmPrep.Web" "${APP_ENV[@]}" "TpmPrep__ContentPath=$LIB"; l=$S_MS; lr=$S_RSS
  [ "$i" = 0 ] && continue
  su_app+=("$a"); su_bare+=("$b"); su_lib+=("$l"); rss_app+=("$ar"); rss_bare+=("$br"); rss_lib+=("$lr")
  su_ratio+=("$(divide "$a" "$b")"); lib_ratio+=("$(divide "$l" "$a")")
done
ratio=$(median "${su_ratio[@]}"); BARE_RSS=$(median "${rss_bare[@]}")
row "Start-up, shipped content, existing data: exec → first 200 on \`/\`" "$(fmt_n "$(median "${su_app[@]}")") ms; RSS at first 200: $(fmt_n "$(median "${rss_app[@]}")") MB" \
  "bare \`dotnet new webapp\`, published Release: $(fmt_n "$(median "${su_bare[@]}")") ms; $(fmt_n "$BARE_RSS") MB" "$(fmt_x "$ratio")" "≤ ${GOAL_STARTUP}x" "$(ge "$GOAL_STARTUP" "$ratio"; verdict)"
lib_rss=$(median "${rss_lib[@]}")
row "Start-up, $(fmt_n "$BENCH_LIBRARY_SIZE")-question library" "$(fmt_n "$(median "${su_lib[@]}")") ms; RSS at first 200: $(fmt_n "$lib_rss") MB" \
  "the same app on the shipped content: $(fmt_n "$(median "${su_app[@]}")") ms" "$(fmt_x "$(median "${lib_ratio[@]}")")" "RSS < ${GOAL_RSS} MB" "$(lt "$lib_rss" $GOAL_RSS; verdict)"

for phase in "after start-up and log-ins:$RSS_START" "after the anonymous pages:$RSS_ANON" "after the per-user pages:$RSS_USER" \
  "after the /progress scaling runs:$RSS_SCALING" "after the writes:$RSS_WRITES"; do
  v=${phase##*:}
  row "RSS of the app ${phase%%:*}" "$(fmt_n "$v") MB" "bare template at first 200: $(fmt_n "$BARE_RSS") MB" "$(fmt_x "$(divide "$v" "$BARE_RSS")")" "< ${GOAL_RSS} MB" "$(lt "$v" $GOAL_RSS; verdict)"
done

log "== the app on the $BENCH_LIBRARY_SIZE-question library"
start_app app-library "$LIB"
# the library's copy of the measured bank and question (the first copy, whatever its suffix)
id_in() { sed -n 's/^id: *//p' "$1" | head -1; }
lib_bank=$(id_in "$(find "$LIB/banks" -path '*/agile-delivery*/_bank.md' | sort | head -1)")
lib_q=$(id_in "$(find "$LIB/banks" \( -name "$Q.md" -o -name "$Q-c*.md" \) | sort | head -1)")
LIB_PAGES=("/" "/banks" "/banks/${lib_bank:-agile-delivery}" "/questions/${lib_q:-$Q}")
lib_questions=$(grep -o 'Loaded content from [^:]*: [^,]*, [0-9]* questions, [0-9]* errors' "$RAW/app-library.log" | tail -1 | sed 's/.*: //')
for page in "${LIB_PAGES[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$page")
  [ "$code" = 200 ] || die "$page answered $code on the library"
done
sleep 2
v=$(rss_mb "$APP_PID")
row "RSS idle, $(fmt_n "$BENCH_LIBRARY_SIZE")-question library (${lib_questions:-count not logged})" "$(fmt_n "$v") MB" "bare template at first 200: $(fmt_n "$BARE_RSS") MB" "$(fmt_x "$(divide "$v" "$BARE_RSS")")" "< ${GOAL_RSS} MB" "$(lt "$v" $GOAL_RSS; verdict)"
# The data folder (and so the keys) is the same: the demo's cookie still works.
for i in "${!LIB_PAGES[@]}"; do
  page=${LIB_PAGES[$i]}; shipped=${ANON_RPS[${ANON_PAGES[$i]}]}
  run_wrk "library $page" 32 2 "$BENCH_SECONDS" "$BASE$page"
  row "Anonymous \`$page\`, library, 32 conns" "$(fmt_n "$R_RPS") rps; p99 $(fmt_ms "$R_P99")$(bad_note $R_BAD)" "\`${ANON_PAGES[$i]}\`, shipped content (earlier, not paired): $(fmt_n "$shipped") rps" \
    "$(fmt_x "$(divide "$R_RPS" "$shipped")")" "" "info"
done
user_warm_up demo /progress
run_wrk "library demo /progress" 8 2 "$BENCH_SECONDS" "$BASE/progress" demo
row "\`/progress\`, demo candidate, library, 8 conns" "$(fmt_n "$R_RPS") rps; p99 $(fmt_ms "$R_P99")$(bad_note $R_BAD)" "" "" "" "info"
v=$(rss_mb "$APP_PID")
row "RSS after that load, library" "$(fmt_n "$v") MB" "bare template at first 200: $(fmt_n "$BARE_RSS") MB" "$(fmt_x "$(divide "$v" "$BARE_RSS")")" "< ${GOAL_RSS} MB" "$(lt "$v" $GOAL_RSS; verdict)"
stop_pid "$APP_PID"

# --- content checking ------------------------------------------------------------------------------------------------

CONTENT_TABLE=
if [ -f "$REPO/benchmarks/content/run.sh" ]; then
  log "== benchmarks/content/run.sh (check-content against bare Markdig)"
  need /usr/bin/time time
  if RUNS=$([ $QUICK = 1 ] && echo 1 || echo 5) COUNT=$BENCH_LIBRARY_SIZE SCRATCH=$W/content-bench \
    bash "$REPO/benchmarks/content/run.sh" >"$RAW/content.txt" 2>>"$W/run.log"; then
    CONTENT_TABLE=$(cat "$RAW/content.txt")
  else
    CONTENT_TABLE="benchmarks/content/run.sh stopped with exit code $? (its log is in $W/run.log)."
  fi
else
  log "benchmarks/content/run.sh is not there: no check-content table"
fi

# --- the table -------------------------------------------------------------------------------------------------------

echo "| measurement | TpmPrep | anchor | ratio | goal | verdict |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
echo
echo "1-min load average during the wrk runs: $(fmt_n "$(median "${LOADS[@]}")") median ($(printf '%s\n' "${LOADS[@]}" | sort -g | head -1)–$(printf '%s\n' "${LOADS[@]}" | sort -g | tail -1)); at the end $(cut -d' ' -f1-3 /proc/loadavg)."
echo "Ratios are the median of the pair ratios (each pair run back to back); other figures are medians over the runs."
if [ -n "$CONTENT_TABLE" ]; then
  printf '\n## check-content (benchmarks/content/run.sh)\n\n%s\n' "$CONTENT_TABLE"
fi
