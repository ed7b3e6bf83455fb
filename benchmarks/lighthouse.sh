#!/usr/bin/env bash
# Lighthouse (mobile and desktop) and the W3C Nu Html Checker over the 13 pages of the Lighthouse audit
# (six anonymous, seven as the demo candidate), on a Release build seeded with seed-demo and served on a
# free 127.0.0.1 port. Prints the four category scores per page and vnu's error, warning and info counts.
#
#   benchmarks/lighthouse.sh [--no-build]
#
# Needs Node 20+, Java 11+ and Chromium (CHROME_PATH, default /usr/bin/chromium). Installs lighthouse and
# vnu-jar with npm into LIGHTHOUSE_TOOLS (default .tools/lighthouse, git-ignored) when missing. Reports go
# to LIGHTHOUSE_OUT (default a new temporary folder, printed at the end). Takes 10 to 20 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

lighthouse_version=12.8.2
vnu_version=26.9.27
tools=${LIGHTHOUSE_TOOLS:-$repo/.tools/lighthouse}
out=${LIGHTHOUSE_OUT:-$(mktemp -d -t tpmprep-lighthouse-XXXXXX)}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
chrome_flags="--headless=new --no-sandbox --disable-gpu"
mkdir -p "$out/lighthouse" "$out/html"

installed=$(node -p "require('$tools/node_modules/lighthouse/package.json').version" 2>/dev/null || true)
if [ "$installed" != "$lighthouse_version" ] || [ ! -f "$tools/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
  echo "Installing lighthouse@$lighthouse_version and vnu-jar@$vnu_version into $tools"
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-save --no-audit --no-fund "lighthouse@$lighthouse_version" "vnu-jar@$vnu_version" >/dev/null
fi
lighthouse=$tools/node_modules/.bin/lighthouse
vnu_jar=$tools/node_modules/vnu-jar/build/dist/vnu.jar

if [ "${1:-}" != "--no-build" ]; then
  dotnet build src/TpmPrep.Web -c Release -nologo -v quiet
fi
app_dll=$repo/src/TpmPrep.Web/bin/Release/net10.0/TpmPrep.Web.dll

# A fresh data folder with the demo candidate's four months of history.
data=$(mktemp -d -t tpmprep-lighthouse-data-XXXXXX)
TpmPrep__DataPath=$data dotnet "$app_dll" seed-demo >/dev/null

# Port 0: Kestrel takes a free port and the app prints the address it got.
app_log=$out/app.log
TpmPrep__DataPath=$data ASPNETCORE_ENVIRONMENT=Production setsid dotnet "$app_dll" --urls http://127.0.0.1:0 >"$app_log" 2>&1 &
app_pid=$!
stop_app() { kill -- "-$app_pid" 2>/dev/null || true; rm -rf "$data"; }
trap stop_app EXIT
base=""
for _ in $(seq 1 120); do
  base=$(sed -n 's/^TpmPrep is running at \(http:[^ ]*\)$/\1/p;T;q' "$app_log")
  if [ -n "$base" ] && curl -sf -o /dev/null "$base/healthz"; then break; fi
  base=""
  sleep 0.5
done
[ -n "$base" ] || { echo "The app did not start; see $app_log" >&2; exit 1; }
echo "App at $base (log $app_log)"

# Log in as the demo candidate with the log-in form, keeping the antiforgery and authentication cookies.
jar=$out/cookies.txt
# (Pages are read whole and matched in bash: "curl | grep | head" fails under pipefail when head stops early.)
first_match() { [[ $1 =~ $2 ]] && echo "${BASH_REMATCH[1]}"; }
token=$(first_match "$(curl -s -c "$jar" -b "$jar" "$base/account/login")" 'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')
login=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
  --data-urlencode "Input.Email=demo@tpmprep.local" --data-urlencode "Input.Password=practise-the-loop-26" \
  --data-urlencode "__RequestVerificationToken=$token" "$base/account/login")
[ "$login" = 302 ] || { echo "Logging in as the demo candidate answered $login" >&2; exit 1; }
cookie=$(awk -F'\t' 'NF == 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
node -e 'require("fs").writeFileSync(process.argv[1], JSON.stringify({ Cookie: process.argv[2] }))' "$out/headers.json" "$cookie"

# The seed's newest attempt and latest self-assessment results, as the audit chose them.
newest_attempt=$(first_match "$(curl -s -b "$jar" "$base/attempts")" 'href="(/attempts/[0-9]+)"')
latest_results=$(first_match "$(curl -s -b "$jar" "$base/assessment")" 'href="(/assessment/[0-9]+)"')

# "anonymous|path" or "candidate|path"
pages=(
  "anonymous|/" "anonymous|/banks" "anonymous|/banks/system-design" "anonymous|/questions/sd-url-shortener-launch"
  "anonymous|/account/login" "anonymous|/account/register"
  "candidate|/progress" "candidate|/attempts" "candidate|/review" "candidate|/practice" "candidate|/assessment"
  "candidate|$latest_results" "candidate|$newest_attempt/grade"
)

slug() { local s=${1#/}; s=${s//\//-}; echo "${s:-home}"; }

for entry in "${pages[@]}"; do
  visitor=${entry%%|*}; path=${entry#*|}; name=$(slug "$path")
  if [ "$visitor" = candidate ]; then
    headers=(--extra-headers="$out/headers.json")
    curl -s -b "$jar" -o "$out/html/$name.html" "$base$path"
  else
    headers=()
    curl -s -o "$out/html/$name.html" "$base$path"
  fi
  for preset in mobile desktop; do
    preset_flag=()
    if [ "$preset" = desktop ]; then preset_flag=(--preset=desktop); fi
    echo "Lighthouse $preset $path"
    "$lighthouse" "$base$path" "${preset_flag[@]}" "${headers[@]}" --chrome-flags="$chrome_flags" \
      --output=json --output-path="$out/lighthouse/$name-$preset.json" --quiet || echo "  Lighthouse failed on $preset $path" >&2
  done
done

echo "vnu over the same pages"
java -jar "$vnu_jar" --format json --stdout --exit-zero-always "$out"/html/*.html >"$out/vnu.json"

node - "$out" "$lighthouse_version" "${pages[@]}" <<'JS'
const fs = require("fs");
const [out, version, ...pages] = process.argv.slice(2);
const slug = p => p.replace(/^\//, "").replace(/\//g, "-") || "home";
const vnu = JSON.parse(fs.readFileSync(`${out}/vnu.json`, "utf8")).messages;
const categories = ["performance", "accessibility", "best-practices", "seo"];
function scores(name, preset) {
  const file = `${out}/lighthouse/${name}-${preset}.json`;
  if (!fs.existsSync(file)) return "failed";
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  const landed = new URL(report.finalDisplayedUrl).pathname;
  const text = categories.map(c => report.categories[c].score === null ? "?" : Math.round(report.categories[c].score * 100)).join(" / ");
  indexes.push(report.environment.benchmarkIndex);
  return landed.startsWith("/account/login") && !name.startsWith("account-login") ? `${text} (ended on log-in!)` : text;
}
// Lighthouse's measure of the CPU while it ran: a busy machine lowers it, and the performance score with it.
const indexes = [];
console.log(`\nLighthouse ${version}; scores are performance / accessibility / best practices / SEO\n`);
console.log("| page | visitor | mobile | desktop | vnu errors / warnings (info) |");
console.log("|---|---|---|---|---|");
let errors = 0;
for (const entry of pages) {
  const [visitor, path] = entry.split("|");
  const name = slug(path);
  const mine = vnu.filter(m => m.url && m.url.endsWith(`/html/${name}.html`));
  const e = mine.filter(m => m.type === "error" || m.type === "non-document-error").length;
  const w = mine.filter(m => m.type === "info" && m.subType === "warning").length;
  const i = mine.filter(m => m.type === "info" && m.subType !== "warning").length;
  errors += e;
  console.log(`| \`${path}\` | ${visitor} | ${scores(name, "mobile")} | ${scores(name, "desktop")} | ${e} / ${w} (${i}) |`);
}
indexes.sort((a, b) => a - b);
console.log(`\nLighthouse CPU benchmark index: ${Math.round(indexes[0])} to ${Math.round(indexes[indexes.length - 1])}, median ${Math.round(indexes[indexes.length >> 1])} (lower is a busier machine)`);
console.log(`vnu errors in all: ${errors}`);
for (const m of vnu.filter(m => m.type === "error" || m.type === "non-document-error")) {
  console.log(`  ${m.url.replace(/^.*\/html\//, "")}:${m.lastLine}: ${m.message}`);
}
JS
echo
echo "Reports: $out"
