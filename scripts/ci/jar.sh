#!/usr/bin/env bash
# Finds the perfgate jar the next steps run: the jar given ($INPUT_JAR), else the one restored from the cache
# ($JAR_DIR, see jar-key.sh), else builds it from this action's own source with Maven and keeps it there.
# Output: jar (an absolute path). Fails, saying what to do, when Java, Maven or the jar is missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/lib.sh"
source_dir="$(cd "$here/../.." && pwd)"

ci_need java "perfgate needs Java 17 or later: keep the action's setup-java input at true, or install Java first"
if [ -n "${INPUT_JAR:-}" ]; then
  if [ ! -f "$INPUT_JAR" ]; then
    ci_error "perfgate jar not found" "jar: $INPUT_JAR does not exist; build it in an earlier step, or leave the jar \
input empty to build perfgate from the action's source"
    exit 1
  fi
  jar="$INPUT_JAR"
else
  : "${JAR_DIR:?JAR_DIR is not set: the jar-key step of the action names it}"
  jar="$JAR_DIR/perfgate.jar"
  if [ -f "$jar" ]; then
    echo "perfgate: using $jar from the cache"
  else
    ci_need mvn "building perfgate from the action's source needs Maven (mvn), which GitHub's hosted runners have: \
install it on this runner, or give the action a jar"
    echo "perfgate: building the jar from $source_dir (once per version of the action; later runs restore it)"
    mvn -B -q -f "$source_dir/pom.xml" -DskipTests package
    mkdir -p "$JAR_DIR"
    cp "$source_dir/target/perfgate.jar" "$jar"
  fi
fi
if ! version=$(java -jar "$jar" --version 2>&1); then
  ci_error "perfgate does not start" "java -jar $jar --version failed ($version): perfgate needs Java 17 or later"
  exit 1
fi
echo "$version ($jar)"
ci_output jar "$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
