#!/usr/bin/env bash
# Wall time of simulated hours per fat-tree k (always-on, synthetic mixed traffic, 5 s steps).
set -euo pipefail
here="$(cd "$(dirname "$0")/../../.." && pwd)"
jar="$here/benchmarks/target/benchmarks.jar"
[ -f "$jar" ] || { echo "build first: mvn -B -ntp -q -pl benchmarks -am install -DskipTests" >&2; exit 1; }
exec java -Xmx16g -cp "$jar" org.ebbflow.bench.sim.SimulatorScale "${1:-8,16,32,48}" "${2:-1}" \
    "${3:-synthetic:load=0.3,locality=mixed,diurnal=true,surges=1}"
