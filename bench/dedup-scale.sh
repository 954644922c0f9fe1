#!/usr/bin/env bash
# The scaled-out dedup (exact tasks by hash range, bucket tasks by band-key partition reading only their bands, near
# tasks by connected component, then the merge) on a synthetic
# corpus of short documents, with 1, 2 and 4 tasks, against the single-process dedup of the same shards. Every task
# is its own process, run one after the other: wall and CPU seconds and peak resident memory (VmHWM) per task, and a
# digest of every document's fate, which must equal the single-process one.
# Usage: bench/dedup-scale.sh [DOCS=10000000] [SHARDS=64] [WORK=/tmp/moa-dedup-scale] [TASK_MB=4096]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
docs="${1:-10000000}"
shards="${2:-64}"
work="${3:-${TMPDIR:-/tmp}/moa-dedup-scale}"
task_mb="${4:-4096}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_gcServer=0 DOTNET_GCgen0size=0x4000000
dotnet build "$here/bench/Moa.Bench" -c Release -v:q -nologo >/dev/null
bench="dotnet $here/bench/Moa.Bench/bin/Release/net10.0/Moa.Bench.dll dedup-scale"
corpus="$work/$docs"
if [ ! -f "$corpus/.work/shards/$(printf %05d $((shards - 1))).done" ]; then
  echo "building $docs synthetic documents in $shards shards under $corpus (untimed) ..."
  rm -rf "$corpus"
  $bench build "$corpus" "$docs" "$shards"
fi
echo "== $docs documents, $(du -sh "$corpus/.work/shards" | cut -f1) of shards; machine: $(nproc) cores, shared with other jobs (load $(cut -d' ' -f1 /proc/loadavg))"
# The single-process dedup and the 1-, 2- and 4-task runs go side by side (each task count in its own folder over
# the same shards), every task still its own process: peak memory per task is unaffected, wall times include the
# contention of a loaded machine, CPU seconds do not.
run_tasks() {
  local tasks="$1" dir="$work/$docs-tasks$1"
  mkdir -p "$dir/.work"; ln -sfn "$corpus/.work/shards" "$dir/.work/shards"; rm -rf "$dir/.work/dedup"
  {
    for ((r = 0; r < tasks; r++)); do $bench exact "$dir" "$r" "$tasks"; done
    for ((r = 0; r < tasks; r++)); do $bench buckets "$dir" "$r" "$tasks" "$task_mb"; done
    for ((r = 0; r < tasks; r++)); do $bench near "$dir" "$r" "$tasks"; done
    $bench merge "$dir" "$tasks"
  } | sed "s/^/[$tasks task(s)] /"
}
$bench single "$corpus" | sed "s/^/[single] /" &
for tasks in 1 2 4; do run_tasks "$tasks" & done
wait
