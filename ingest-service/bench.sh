#!/usr/bin/env bash
# Compiles ingest with its tests and runs IngestStateBench (see its documentation) on the test classpath.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl ingest-service -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp=$(cat ingest-service/target/bench.classpath)
exec java -Xmx2g -cp "ingest-service/target/test-classes:ingest-service/target/classes:$cp" \
    org.newsroom.ingest.status.IngestStateBench "$@"
