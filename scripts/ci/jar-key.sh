#!/usr/bin/env bash
# Names the cache entry of the perfgate jar built from this action's source: a hash of every file that goes into
# the jar, so each version of the action is built once and later runs restore the jar from the Actions cache.
# Outputs: key, dir (where jar.sh looks for and puts perfgate.jar).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/lib.sh"
source_dir="$(cd "$here/../.." && pwd)"
ci_need sha256sum "the jar's cache key is a sha256sum of perfgate's sources"
hash=$(cd "$source_dir" && find pom.xml src/main -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum \
  | sha256sum | cut -c1-16)
ci_output key "perfgate-jar-$hash"
ci_output dir "${PERFGATE_JAR_CACHE:-$HOME/.cache/perfgate-jar}/$hash"
