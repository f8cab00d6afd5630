#!/usr/bin/env bash
# Loads a directory of historical workbooks (.xlsx, .xls; tertial templates of any version and the hand-made
# layouts described in workbook-templates/legacy/) with a per-file report as CSV and .xlsx.
#
#   scripts/bulk-load.sh DIR                                  # straight into the database under ./data
#   scripts/bulk-load.sh DIR --url https://tertial.region.se --token "$TOKEN"   # to a running server (admin key)
#   scripts/bulk-load.sh DIR --dry-run --report rapport/historik                # check only, store nothing
#
# Every option of `java -jar target/tertial.jar bulk-load --help` can be passed. Builds the jar on first use.
# Exit code: 0 when every file was loaded (or already had been), 1 when some file was rejected.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="$here/target/tertial.jar"
if [ ! -f "$jar" ]; then
  (cd "$here" && mvn -B -ntp -q package -DskipTests)
fi
if [ $# -lt 1 ]; then
  echo "usage: scripts/bulk-load.sh DIR [--url URL --token TOKEN] [--dry-run] [--jobs N] [--allow-locked] [--report PATH]" >&2
  exit 2
fi
dir="$1"
shift
# The JVM options are in scripts/bulk-load.jvm (a java @argfile; `bench --only bulk` runs the load with the same):
# - the parallel collector: a batch job wants throughput, not G1's short pauses (31 vs 33 s for 10 000 files);
# - less work for the optimising compiler (-XX:MaxInlineLevel=6 -XX:FreqInlineSize=60 -XX:InlineSmallCode=600
#   -XX:-DoEscapeAnalysis): a load is over in seconds, and on two cores C2 compiling large inlined trees took a third
#   of the CPU (back to back on 10 000 files: the JVM's defaults 10.5-11.5 s -> 8.4-9.7 s with FreqInlineSize=100
#   InlineSmallCode=1000, 20-21 s of CPU -> 15-17 s; these limits, alternating with those, 13.3-14.8 s ->
#   11.5-13.9 s, 23-25 s of CPU -> 20-24 s). `serve` keeps the JVM's defaults;
# - no profiling of argument and return types in the quick compiler's code (-XX:TypeProfileLevel=0): a load runs
#   much of its time in that code before the optimising compiler takes over (alternating, 10 000 files, faster in
#   each of 9 pairs: tertial-made 8.1-8.5 s -> 7.9-8.4 s, openpyxl-made 7.9-8.9 s -> 7.8-8.1 s; the workers' CPU
#   5.5-5.7 s -> 5.2-5.7 s and 5.1-5.7 s -> 4.8-5.0 s);
# - Java thread priorities as nice values (-XX:ThreadPriorityPolicy=1): the workers that read and check files run
#   at the lowest priority (nice 4), below the one thread that stores them, which otherwise got only its fair share
#   of a core while everything queued waited for it (back to back: 11.9 -> 11.3 s, 10.7 -> 10.0 s). Lowering a
#   priority needs no privilege; -XX:-PrintWarnings silences the JVM's warning, for a user who is not root, that
#   raising one would.
# - for a load of fewer than $small_load_files workbooks, the quick compiler only (scripts/bulk-load-small.jvm:
#   -XX:TieredStopAtLevel=1). A load is over before the optimising compiler pays back its own CPU: back to back,
#   500 files 4.8-5.0 s -> 2.9-3.3 s, 2 000 files 8.2-9.9 s -> 5.8-6.3 s (13.3-13.8 -> 8.4-9.0 s of CPU), 5 000 files
#   18.3-19.8 -> 16.4-16.9 s of CPU; at 10 000 it costs more CPU (26-28 -> 30-31 s), so large loads keep both.
#   A .zip counts as large.
# - the build's class archive (target/tertial.jsa, made by `mvn package` beside the jar: the classes a load uses,
#   parsed and verified once, mapped at start-up; see se.tertial.bench.ClassArchive) when it is newer than the jar:
#   10 000 files, alternating, 8.7-9.9 s -> 8.2-8.5 s. CDS's messages are off: an archive this JVM cannot use
#   (another JDK, a jar of another size) is skipped without a word and the classes come from the jar as always.
small_load_files=7000
options=(@"$here/scripts/bulk-load.jvm")
archive="$here/target/tertial.jsa"
if [ -f "$archive" ] && [ "$archive" -nt "$jar" ]; then
  options+=("-XX:SharedArchiveFile=$archive" "-Xlog:cds=off,cds+dynamic=off")
fi
if [ -d "$dir" ]; then
  # (head stops find early: its broken pipe is not a failure here)
  n=$(set +o pipefail; find "$dir" -type f \( -iname '*.xlsx' -o -iname '*.xls' \) 2>/dev/null | head -n "$small_load_files" | wc -l)
  if [ "$n" -lt "$small_load_files" ]; then
    options+=(@"$here/scripts/bulk-load-small.jvm")
  fi
fi
exec java "${options[@]}" -jar "$jar" bulk-load --templates "${TERTIAL_TEMPLATES:-$here/workbook-templates}" "$dir" "$@"
