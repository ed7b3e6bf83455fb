#!/usr/bin/env bash
# Times `check-content DIR --json` against the bare Markdig peer (benchmarks/content/MarkdigAnchor), on a
# generated library of 10,000 questions and on the shipped content. Both are published (Release; the app
# ReadyToRun, as the README says to publish it) into a scratch folder outside the repository. After one unrecorded warm-up each, the two alternate RUNS times;
# each run is measured with /usr/bin/time (wall seconds and peak RSS). Prints Markdown table rows with the
# medians, the median of the pair ratios and PASS/FAIL against the goals. A missed goal is reported, not
# an error: the script fails only when it cannot measure.
#
# usage: benchmarks/content/run.sh
#   env: RUNS (default 5), COUNT (default 10000), SCRATCH (default ${TMPDIR:-/tmp}/tpmprep-content-bench),
#        NO_PUBLISH=1 to reuse the previous publish in SCRATCH.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
runs=${RUNS:-5}
count=${COUNT:-10000}
scratch=${SCRATCH:-${TMPDIR:-/tmp}/tpmprep-content-bench}
goal_ratio=1.5
goal_rss_mb=300

if [ ! -x /usr/bin/time ]; then
  echo "/usr/bin/time is missing: install the Debian package 'time' (apt-get install -y time)" >&2
  exit 1
fi

mkdir -p "$scratch"
if [ "${NO_PUBLISH:-}" != 1 ]; then
  # The app as the README says to publish it for production (ReadyToRun); the anchor as a bare console app is.
  rid=$(dotnet --info 2>/dev/null | sed -n 's/^ *RID: *//p' | head -1)
  echo "publishing into $scratch (the app ReadyToRun for ${rid:=linux-x64}) ..." >&2
  dotnet publish "$repo/src/TpmPrep.Web" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$scratch/app" -v quiet -nologo >&2
  dotnet publish "$repo/benchmarks/content/MarkdigAnchor" -c Release -o "$scratch/anchor" -v quiet -nologo >&2
fi

echo "generating $count questions ..." >&2
"$repo/benchmarks/content/generate-library.sh" "$scratch/library-$count" "$count" >&2

# One run; prints "wall_seconds peak_rss_kib". Fails when the command does, except check-content's exit 1
# (content errors), which the caller checks through the output instead.
measure() {
  local out=$scratch/out.txt times=$scratch/time.txt status=0
  /usr/bin/time -o "$times" -f '%e %M' "$@" > "$out" 2>"$scratch/err.txt" || status=$?
  if [ "$status" -gt 1 ]; then
    echo "failed ($status): $*" >&2
    cat "$scratch/err.txt" >&2
    exit 1
  fi
  tail -1 "$times"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# compare LABEL DIR EXPECTED_QUESTIONS
compare() {
  local label=$1 dir=$2 expected=$3 app_walls=() anchor_walls=() ratios=() app_rss=0 anchor_rss=0
  local app=(dotnet "$scratch/app/TpmPrep.Web.dll" check-content "$dir" --json)
  local anchor=(dotnet "$scratch/anchor/MarkdigAnchor.dll" "$dir")
  measure "${app[@]}" > /dev/null
  local questions errors
  questions=$(grep -o '"questions": [0-9]*' "$scratch/out.txt" | grep -o '[0-9]*$')
  errors=$(grep -c '"path":' "$scratch/out.txt" || true)
  if [ "$questions" != "$expected" ] || [ "$errors" != 0 ]; then
    echo "check-content on $dir loaded $questions questions (expected $expected) with $errors errors" >&2
    exit 1
  fi

  measure "${anchor[@]}" > /dev/null
  for ((i = 1; i <= runs; i++)); do
    local a_wall a_rss b_wall b_rss
    read -r a_wall a_rss < <(measure "${app[@]}")
    read -r b_wall b_rss < <(measure "${anchor[@]}")
    app_walls+=("$a_wall"); anchor_walls+=("$b_wall")
    ratios+=("$(awk -v a="$a_wall" -v b="$b_wall" 'BEGIN { printf "%.3f", a / b }')")
    [ "$a_rss" -gt "$app_rss" ] && app_rss=$a_rss
    [ "$b_rss" -gt "$anchor_rss" ] && anchor_rss=$b_rss
    echo "  $label run $i: check-content ${a_wall}s ${a_rss}KiB, anchor ${b_wall}s ${b_rss}KiB, load $(cut -d' ' -f1 /proc/loadavg)" >&2
  done

  local app_median anchor_median ratio app_mb anchor_mb wall_verdict rss_verdict
  app_median=$(printf '%s\n' "${app_walls[@]}" | median)
  anchor_median=$(printf '%s\n' "${anchor_walls[@]}" | median)
  ratio=$(printf '%s\n' "${ratios[@]}" | median)
  app_mb=$(awk -v k="$app_rss" 'BEGIN { printf "%.0f", k * 1024 / 1e6 }')
  anchor_mb=$(awk -v k="$anchor_rss" 'BEGIN { printf "%.0f", k * 1024 / 1e6 }')
  wall_verdict=$(awk -v r="$ratio" -v g="$goal_ratio" 'BEGIN { print (r <= g) ? "PASS" : "FAIL" }')
  rss_verdict=$(awk -v m="$app_mb" -v g="$goal_rss_mb" 'BEGIN { print (m < g) ? "PASS" : "FAIL" }')
  echo "| $label | $app_median s | $anchor_median s | ${ratio}x ($(IFS=/; echo "${ratios[*]}")) | $app_mb MB | $anchor_mb MB | $wall_verdict | $rss_verdict |"
}

shipped=$(find "$repo/content/banks" -name '*.md' ! -name _bank.md | wc -l)
echo "load before: $(cut -d' ' -f1 /proc/loadavg); $(nproc) cores; $runs pairs; commit $(git -C "$repo" rev-parse --short HEAD)"
echo
echo "| library | check-content wall (median) | anchor wall (median) | ratio (median of pairs) | check-content peak RSS (max) | anchor peak RSS | wall <= ${goal_ratio}x | RSS < ${goal_rss_mb} MB |"
echo "|---|---|---|---|---|---|---|---|"
compare "$count questions" "$scratch/library-$count" "$count"
compare "shipped, $shipped questions" "$repo/content" "$shipped"
echo
echo "load after: $(cut -d' ' -f1 /proc/loadavg)"
