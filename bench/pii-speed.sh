#!/usr/bin/env bash
# PII scan speed: builds a >= 200 MB mixed JSONL corpus from ../shared/data (NSMC reviews, news comments, KoBEST,
# CLIcK, data.go.kr CSV rows, and the labelled PII evaluation set), then times, over the same file in the same run,
#   1. `moa pii scan --threads 1` (every recogniser on; JSON parsing, validation, overlap resolution, output included),
#   2. `moa pii scan` on every core,
#   3. ripgrep (`rg -c -f bench/pii-patterns.txt`) with regexes for the same types (no checksums, no context rules),
#   4. `moa pii scan --threads 1` with the structured types only (every type but PERSON), and
#   5. `moa pii scan --threads 1 --types PERSON` (the person tagger and context rules alone): its cost, reported separately.
# With OLD_MOA=/path/to/moa.dll (older code built elsewhere, e.g. from `git archive` in /tmp), the structured-types run is
# repeated ROUNDS times (default 3) alternating old and new code, and the medians and the old/new CPU ratio are printed;
# the findings of both must be identical (printed as "same findings"). STRUCTURED_ONLY=1 runs only ripgrep and the
# structured-types contenders (not the runs with the person tagger, which take most of the time on a loaded machine).
# Usage: bench/pii-speed.sh [corpus-MB (default 200)] [work-dir (default artifacts/pii-speed)]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
size_mb="${1:-200}"
work="${2:-$here/artifacts/pii-speed}"
shared="${MOA_SHARED_DATA:-$(cd "$here/.." && pwd)/shared/data}"
[ -d "$shared" ] || shared="$(cd "$here/../.." && pwd)/shared/data"
[ -d "$shared" ] || { echo "shared data not found; set MOA_SHARED_DATA" >&2; exit 1; }
command -v rg >/dev/null || scripts/ensure-deps.sh ripgrep
mkdir -p "$work"
corpus="$work/corpus.jsonl"

if [ ! -f "$corpus" ] || [ "$(stat -c %s "$corpus")" -lt $((size_mb * 1000000)) ]; then
  echo "building a ${size_mb} MB corpus in $corpus ..."
  python3 - "$shared" "$here/tests/Moa.Privacy.Tests/EvalSet/pii-eval.jsonl" "$corpus" "$size_mb" <<'PY'
import csv, glob, io, json, os, random, sys
shared, evalset, out, size_mb = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
texts = []
for line in open(os.path.join(shared, "text", "nsmc_reviews_sample.jsonl"), encoding="utf-8"):
    texts.append(json.loads(line)["text"])
with open(os.path.join(shared, "providers", "csv", "news_comment_utf8.csv"), encoding="utf-8") as f:
    texts += [row[1] for row in list(csv.reader(f))[1:] if len(row) > 1]
for name in ("전국도시공원정보표준데이터.csv", "전국관광지정보표준데이터.csv", "도시가스충전소현황.csv"):
    with open(os.path.join(shared, "providers", "csv", name), encoding="cp949", errors="replace") as f:
        texts += [", ".join(row) for row in list(csv.reader(f))[1:]]
for task in ("BoolQ", "COPA", "HellaSwag", "SentiNeg", "WiC"):
    for split in ("train", "dev", "test"):
        p = os.path.join(shared, "benchmarks", "kobest", task, split + ".tsv")
        if os.path.exists(p):
            for line in list(open(p, encoding="utf-8"))[1:]:
                cols = line.rstrip("\n").split("\t")
                texts.append(" ".join(cols[1:-1]))
for p in sorted(glob.glob(os.path.join(shared, "benchmarks", "click", "**", "*.json"), recursive=True)):
    for item in json.load(open(p, encoding="utf-8")):
        texts.append((item.get("paragraph") or "") + " " + item["question"] + " " + " ".join(item["choices"]))
for line in open(evalset, encoding="utf-8"):
    texts.append(json.loads(line)["text"])
rng = random.Random(20261121)
target = size_mb * 1000000
written = n = 0
with open(out, "w", encoding="utf-8") as f:
    while written < target:
        rng.shuffle(texts)
        for t in texts:
            line = json.dumps({"id": f"d{n}", "text": t}, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            n += 1
            if written >= target:
                break
print(f"{n} documents, {written / 1e6:.1f} MB")
PY
fi

bytes=$(stat -c %s "$corpus")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
./moa pii scan --help >/dev/null  # build once, outside the timings; then run the built CLI directly
moa=(dotnet "$here/.moa/bin/moa.dll")
cat "$corpus" >/dev/null           # warm the page cache for every contender

# Each contender runs under /usr/bin/time: wall seconds and user+system CPU seconds. On a shared machine the
# per-core rate is bytes per CPU-second; wall-clock rates are printed beside it.
timeit() { /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$@" >"$work/last.out" 2>&1; awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$work/time.txt"; }
rate() { awk -v b="$bytes" -v t="$1" 'BEGIN { printf "%.1f", b / 1e6 / t }'; }

if [ "${STRUCTURED_ONLY:-0}" != 1 ]; then
read -r w1 c1 < <(timeit "${moa[@]}" pii scan "$corpus" --out "$work/findings-1.jsonl" --threads 1)
findings=$(wc -l < "$work/findings-1.jsonl")
read -r wp cp < <(DOTNET_TieredPGO=1 timeit "${moa[@]}" pii scan "$corpus" --out "$work/findings-p.jsonl" --threads 1)
read -r wn cn < <(timeit "${moa[@]}" pii scan "$corpus" --out "$work/findings-n.jsonl")
cmp -s "$work/findings-1.jsonl" "$work/findings-n.jsonl" && same=yes || same=NO
fi
read -r wr cr < <(timeit rg -c -f bench/pii-patterns.txt "$corpus")
rglines=$(cat "$work/last.out")
structured=$("${moa[@]}" pii scan --help | tr -d ' \n' | grep -o 'default:all):[A-Z_,]*' | cut -d: -f3 | tr ',' '\n' | grep -vx PERSON | paste -sd,)
read -r ws cs < <(timeit "${moa[@]}" pii scan "$corpus" --out "$work/findings-s.jsonl" --threads 1 --types "$structured")
sfindings=$(wc -l < "$work/findings-s.jsonl")
if [ "${STRUCTURED_ONLY:-0}" != 1 ]; then
read -r wq cq < <(timeit "${moa[@]}" pii scan "$corpus" --out "$work/findings-person.jsonl" --threads 1 --types PERSON)
pfindings=$(wc -l < "$work/findings-person.jsonl")
fi

echo
echo "corpus: $corpus ($mb MB, $(wc -l < "$corpus") documents)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| contender | wall s | CPU s | MB/s per CPU-second | MB/s wall | result |\n|---|---:|---:|---:|---:|---|\n'
if [ "${STRUCTURED_ONLY:-0}" != 1 ]; then
printf '| moa pii scan --threads 1 (all 14 types) | %s | %s | %s | %s | %s findings |\n' "$w1" "$c1" "$(rate "$c1")" "$(rate "$w1")" "$findings"
printf '| same, DOTNET_TieredPGO=1 (the CLI turns it off) | %s | %s | %s | %s | |\n' "$wp" "$cp" "$(rate "$cp")" "$(rate "$wp")"
printf '| moa pii scan (%s threads) | %s | %s | %s | %s | output identical: %s |\n' "$(nproc)" "$wn" "$cn" "$(rate "$cn")" "$(rate "$wn")" "$same"
fi
printf '| rg -c -f bench/pii-patterns.txt | %s | %s | %s | %s | %s matching lines |\n' "$wr" "$cr" "$(rate "$cr")" "$(rate "$wr")" "$rglines"
printf '| moa pii scan --threads 1, structured types only (all but PERSON) | %s | %s | %s | %s | %s findings |\n' "$ws" "$cs" "$(rate "$cs")" "$(rate "$ws")" "$sfindings"
[ "${STRUCTURED_ONLY:-0}" = 1 ] ||
printf '| moa pii scan --threads 1 --types PERSON (tagger + rules) | %s | %s | %s | %s | %s findings |\n' "$wq" "$cq" "$(rate "$cq")" "$(rate "$wq")" "$pfindings"

if [ -n "${OLD_MOA:-}" ]; then
  olds=() news=()
  for ((r = 0; r < ${ROUNDS:-3}; r++)); do
    read -r _ co < <(timeit dotnet "$OLD_MOA" pii scan "$corpus" --out "$work/findings-old.jsonl" --threads 1 --types "$structured")
    read -r _ cn2 < <(timeit "${moa[@]}" pii scan "$corpus" --out "$work/findings-s.jsonl" --threads 1 --types "$structured")
    olds+=("$co"); news+=("$cn2")
  done
  median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
  mo=$(median "${olds[@]}"); mn=$(median "${news[@]}")
  cmp -s "$work/findings-old.jsonl" "$work/findings-s.jsonl" && samef=yes || samef=NO
  echo
  echo "structured types only, ${ROUNDS:-3} alternated rounds (old: $OLD_MOA), CPU s old: ${olds[*]}; new: ${news[*]}"
  printf '| old code, structured types (median) | | %s | %s | | |\n' "$mo" "$(rate "$mo")"
  printf '| new code, structured types (median) | | %s | %s | | same findings as old: %s |\n' "$mn" "$(rate "$mn")" "$samef"
  awk -v o="$mo" -v n="$mn" 'BEGIN { printf "old/new CPU ratio: %.2f\n", o / n }'
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
