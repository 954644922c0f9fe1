#!/usr/bin/env bash
# Starts a throw-away single-node Slurm (munged, slurmctld, slurmd as root) for tests and prints its settings.
# Installs Debian `slurm-wlm` and `munge` if missing. Works without systemd and cgroups: proctrack/linuxproc,
# task/none, jobacct_gather/none. Idempotent: a cluster that answers `sinfo` with an idle node is reused.
# Usage: eval "$(scripts/start-slurm.sh)"   -> exports SLURM_CONF and MOA_TEST_SLURM=1
# Env: MOA_SLURM_DIR (default ${TMPDIR:-/tmp}/moa-slurm-<uid>), MOA_SLURM_PORT (slurmctld; slurmd uses +1, default 56817).
# The daemons exit 0 even when they die, so this polls `sinfo` and fails loudly (with their logs) otherwise.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${MOA_SLURM_DIR:-${TMPDIR:-/tmp}/moa-slurm-$(id -u)}"
port="${MOA_SLURM_PORT:-56817}"
conf="$dir/slurm.conf"
fail() {
  echo "start-slurm: $1" >&2
  for log in "$dir/slurmctld.log" "$dir/slurmd.log" "$dir/munged.out" /var/log/munge/munged.log; do
    [ -f "$log" ] && { echo "--- $log (last 20 lines)" >&2; tail -20 "$log" >&2; }
  done
  exit 1
}
[ "$(id -u)" -eq 0 ] || { echo "start-slurm: slurmctld and slurmd must run as root here (no systemd); run as root." >&2; exit 1; }
"$here/ensure-deps.sh" slurm-wlm munge >&2
export SLURM_CONF="$conf"

node_state() { sinfo -h -N -o '%T' 2>/dev/null | head -1; }
if [ -f "$conf" ] && [[ "$(node_state)" =~ ^(idle|mixed|allocated)$ ]]; then
  echo "export SLURM_CONF='$conf' MOA_TEST_SLURM=1"
  exit 0
fi

mkdir -p "$dir/state" "$dir/spool"
host="$(hostname -s)"
cpus="$(nproc)"
mem_mb=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 1024 ))
cat >"$conf" <<EOF
# Written by scripts/start-slurm.sh: one node, no cgroups, no accounting database.
ClusterName=moa
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU_Memory
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
MinJobAge=3600
SlurmdTimeout=60
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=moa Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF

# munged: its socket directory and key, run as the munge user.
mkdir -p /run/munge && chown munge:munge /run/munge && chmod 755 /run/munge
[ -s /etc/munge/munge.key ] || { mungekey --create --keyfile=/etc/munge/munge.key >&2; chown munge:munge /etc/munge/munge.key; chmod 400 /etc/munge/munge.key; }
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  runuser -u munge -- munged 2>>"$dir/munged.out" || true
  for _ in $(seq 1 20); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.5; done
  munge -n 2>/dev/null | unmunge >/dev/null 2>&1 || fail "munged did not start"
fi

# slurmctld and slurmd: stale daemons from an earlier configuration would hold the ports.
for pidfile in "$dir/slurmd.pid" "$dir/slurmctld.pid"; do
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then kill "$(cat "$pidfile")" 2>/dev/null || true; sleep 1; fi
done
slurmctld -f "$conf" -c -i >>"$dir/slurmctld.out" 2>&1 || true
slurmd -f "$conf" -c >>"$dir/slurmd.out" 2>&1 || true
state=""
for _ in $(seq 1 60); do
  state="$(node_state)"
  [ "$state" = "idle" ] && break
  if [ "${state%\*}" = "down" ] || [ "${state%\*}" = "unknown" ]; then scontrol update nodename="$host" state=resume >/dev/null 2>&1 || true; fi
  sleep 1
done
[ "$state" = "idle" ] || fail "the node did not become idle within 60 s (sinfo says '${state:-no answer}')"
echo "export SLURM_CONF='$conf' MOA_TEST_SLURM=1"
