#!/usr/bin/env bash
# Builds the benchmarks, runs them through JMH's Runner API (dev.wengert.benchmarks.Suite),
# writes JMH's JSON to benchmarks/results/latest.json and the ratio table into
# benchmarks/README.md between <!-- results:start --> and <!-- results:end -->.
#
#   benchmarks/run.sh                      # --quick, every benchmark
#   benchmarks/run.sh --full               # 3 forks, 5+10 iterations of 2 s
#   benchmarks/run.sh --include 'Rosenbrock' --param n=10,100
#   WENGERT_BENCH_ARGS='--include Gmm' benchmarks/run.sh
#   SKIP_BUILD=1 benchmarks/run.sh ...     # reuse benchmarks/target/benchmarks.jar
#
# Every argument (and $WENGERT_BENCH_ARGS) goes to Suite: --quick | --full, --include REGEX,
# --param NAME=V1,V2, --json FILE, --readme FILE | --no-readme. JAVA_OPTS go to the host JVM;
# the data folder can be given with JAVA_OPTS=-Dwengert.data=/path/to/shared/data (it is
# passed on to the forked benchmark JVMs).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -q -B -DskipTests -pl benchmarks -am package
fi
mkdir -p benchmarks/results
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp benchmarks/target/benchmarks.jar dev.wengert.benchmarks.Suite \
  ${WENGERT_BENCH_ARGS:-} "$@"
