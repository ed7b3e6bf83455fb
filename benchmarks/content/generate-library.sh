#!/usr/bin/env bash
# Builds a content library of COUNT questions from the shipped content/ folder, for measuring load times.
# Skills and levels are copied as they are; the banks are copied as many times as needed, each copy with
# its bank id, bank title, question ids and question titles suffixed (-c01, " (copy 01)"), so every id
# stays unique and the library loads without errors. The last copy stops at COUNT questions.
#
# usage: benchmarks/content/generate-library.sh DEST COUNT
#   DEST is emptied first. Prints the number of .md files, the number of questions and the size.
set -euo pipefail

if [ $# -ne 2 ] || ! [[ $2 =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 DEST COUNT   (COUNT a whole number of questions, at least 1)" >&2
  exit 2
fi

dest=$1
count=$2
src=$(cd "$(dirname "$0")/../../content" && pwd)

case "$(cd "$(dirname "$dest")" 2>/dev/null && pwd)/$(basename "$dest")" in
  "$src"|"$src"/*) echo "DEST must not be inside $src" >&2; exit 2 ;;
esac

rm -rf "$dest"
mkdir -p "$dest/banks"
cp -r "$src/skills" "$dest/"
[ -f "$src/README.md" ] && cp "$src/README.md" "$dest/"

banks=$(cd "$src/banks" && ls -d -- */ | tr -d /)
per_copy=0
for b in $banks; do
  per_copy=$((per_copy + $(find "$src/banks/$b" -maxdepth 1 -name '*.md' ! -name _bank.md | wc -l)))
done
copies=$(( (count + per_copy - 1) / per_copy ))
width=$(( ${#copies} < 2 ? 2 : ${#copies} ))

left=$count
for ((n = 1; n <= copies; n++)); do
  c=$(printf "%0${width}d" "$n")
  for b in $banks; do
    [ "$left" -le 0 ] && break
    out="$dest/banks/$b-c$c"
    mkdir -p "$out"
    mapfile -t questions < <(find "$src/banks/$b" -maxdepth 1 -name '*.md' ! -name _bank.md | sort)
    [ "${#questions[@]}" -gt "$left" ] && questions=("${questions[@]:0:$left}")
    left=$((left - ${#questions[@]}))
    # One awk per bank copy: suffix the first 'id:' and 'title:' lines of each file's front matter.
    awk -v c="$c" -v out="$out" '
      FNR == 1 {
        if (target != "") close(target)
        name = FILENAME; sub(/.*\//, "", name)
        if (name != "_bank.md") sub(/\.md$/, "-c" c ".md", name)
        target = out "/" name
        fence = 0; id = 0; title = 0
      }
      /^---[ \t]*$/ && fence < 2 { fence++ }
      fence == 1 && !id && /^id: / { sub(/[ \t]*$/, ""); $0 = $0 "-c" c; id = 1 }
      fence == 1 && !title && /^title: / { sub(/[ \t]*$/, ""); $0 = $0 " (copy " c ")"; title = 1 }
      { print > target }
    ' "$src/banks/$b/_bank.md" "${questions[@]}"
  done
done

files=$(find "$dest" -name '*.md' | wc -l)
made=$(find "$dest/banks" -name '*.md' ! -name _bank.md | wc -l)
echo "$dest: $files .md files, $made questions in $(find "$dest/banks" -mindepth 1 -maxdepth 1 -type d | wc -l) banks, $(du -sh "$dest" | cut -f1)"
