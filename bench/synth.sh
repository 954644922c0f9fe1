#!/usr/bin/env bash
# Synthetic data (issue 16, docs/privacy/synthetic.md), every figure of bench/RESULTS.md "moa synth":
#  1. Adult-like data from ../shared/tools/gen_adult.py (36,000 rows, seed 42) split by a fixed hash of the row number into
#     training (~30,000) and holdout (~6,000) rows; MST and PrivBayes (degree 2, Moa's implementation of the algorithm of
#     DataSynthesizer's correlated mode) at epsilon 1 and the copula fitted on training rows only, 5,000
#     rows sampled, evaluated against the holdout (fidelity, TSTR vs TRTR on salary-class, privacy attacks, deid risk).
#  2. Copula fit + sample of ROWS x 20 columns; 3. privacy figures (DCR, membership, attacks) on ROWS x 50 columns.
# Usage: bench/synth.sh [ROWS=1000000] [SHARED_ROOT=../shared]   (MOA=path/to/moa to use a built CLI)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-1000000}"
shared="${2:-$here/../shared}"
moa="${MOA:-$here/moa}"
out="$here/bench/out/synth"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$out"
python3 "$shared/tools/gen_adult.py" 36000 "$out/adult" --seed 42 >/dev/null
$moa synth split --input "$out/adult/adult.csv" --train "$out/train.csv" --holdout "$out/holdout.csv" --fraction 0.1667
cat > "$out/mst.yaml" <<'YAML'
synthesizer: mst
epsilon: 1
delta: 1.0e-6
seed: 42
columns:
  age: { min: 17, max: 90 }
YAML
cat > "$out/gate.yaml" <<'YAML'
min_column_fidelity: 0.9
min_pair_fidelity: 0.85
min_utility_ratio: 0.9
min_utility_lift: 0.5
max_exact_match_excess: 0.05
max_dcr_memorisation: 0.2
max_membership_auc: 0.6
max_singling_out_risk: 0.1
max_linkability_risk: 0.1
YAML
cat > "$out/privbayes.yaml" <<'YAML'
synthesizer: privbayes
epsilon: 1
degree: 2
seed: 42
columns:
  age: { min: 17, max: 90 }
YAML
for s in mst privbayes copula; do
  spec="$out/$s.yaml"; [ "$s" = copula ] && spec=""
  start=$(date +%s.%N)
  $moa synth fit --input "$out/train.csv" ${spec:+--spec "$spec"} --synthesizer "$s" --model "$out/$s.json"
  $moa synth sample --model "$out/$s.json" --rows 5000 --out "$out/$s.csv"
  end=$(date +%s.%N)
  echo "== $s fit + sample (two CLI processes, incl. start-up and CSV I/O): $(echo "$end - $start" | bc) s"
  $moa synth evaluate --real "$out/train.csv" --holdout "$out/holdout.csv" --synthetic "$out/$s.csv" --model "$out/$s.json" \
    --target salary-class --quasi-identifiers age,sex,race,marital-status,education,native-country,workclass \
    --gate "$out/gate.yaml" --out "$out/report-$s" || echo "(release gate failed for $s: see above)"
  python3 - "$out/report-$s/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
tv = [1 - c["score"] for c in r["columns"]]
pairs = [p["score"] for p in r["pairs"]]
print(f"mean per-column TV distance {sum(tv)/len(tv):.4f}; mean pairwise (contingency) similarity {sum(pairs)/len(pairs):.4f}; "
      f"TSTR {r['utility']['train_synthetic_accuracy']:.4f} vs TRTR {r['utility']['train_real_accuracy']:.4f}")
PY
done
dotnet build "$here/bench/Moa.Bench" -c Release -v:q -nologo >/dev/null
bench="dotnet $here/bench/Moa.Bench/bin/Release/net10.0/Moa.Bench.dll"
$bench synth-speed copula "$rows" 20
$bench synth-speed privacy "$rows" 50 2000
