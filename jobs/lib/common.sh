# Shared by the jobs/* launchers: find the project, build it when needed, and start a JVM or
# spark-submit with the options Spark 4.1 needs on Java 17.
# shellcheck shell=bash

NF_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NF_JAR_GLOB="$NF_HOME/target/newsframe-*.jar"

# The --add-opens of org.apache.spark.launcher.JavaModuleOptions (Spark 4.1), from the one list in
# pom.xml (the property spark.module.options, which the tests' JVMs get too).
read -r -a NF_MODULE_OPTS <<< "$(sed -n 's|.*<spark.module.options>\(.*\)</spark.module.options>.*|\1|p' "$NF_HOME/pom.xml")"
[[ ${#NF_MODULE_OPTS[@]} -gt 0 ]] || { echo "$(basename "$0"): error: no spark.module.options in $NF_HOME/pom.xml" >&2; exit 1; }
NF_JVM_OPTS=(
  -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8
  "-Dlog4j.configurationFile=file:$NF_HOME/conf/log4j2.properties"
  -Dlog4j2.disable.jmx=true
  # A driver out of heap ends with exit status 3 (the next run marks its attempt abandoned): Spark
  # catches an OutOfMemoryError in its scheduler's message loop and would wait for ever with no
  # task running, as a million-article ingest did (docs/benchmarks/history.md).
  -XX:+ExitOnOutOfMemoryError
  # The throughput collector: a batch job wants throughput, not G1's short pauses, and G1's
  # write barriers and concurrent threads cost two busy cores about 3 s of CPU in a 28 s nightly
  # run (docs/benchmarks.md, "The JVM and session settings"). Spark's memory pages are off the
  # heap (conf/).
  -XX:+UseParallelGC
  # The optimizing compiler (C2) takes a method after ten times the calls and loop turns it waits
  # for by default. A run compiles Spark's planner and a fresh set of generated classes; most of
  # that code runs a few thousand times and is done, and C2 spent about 19 s of CPU on it in a
  # 28 s nightly run on two cores. Hot loops reach these counts within moments of a long run.
  # Measured side by side (docs/benchmarks.md, "The JVM and session settings"): a nightly run
  # about 2 s faster (26.6 s against 28.5 s, three runs each), a 100k run unchanged (233.7 and
  # 235.6 s against 235.4 and 233.5 s); twenty times cost the 100k run 6 s.
  -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000
  -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000
  # And C2 inlines less into what it compiles: hot callees up to 80 bytes of bytecode (325 by
  # default), none whose own compiled code passes 700 bytes (2,500). C2 spent 14.8 s of CPU on a
  # 24 s nightly run, most of it on Spark's and Iceberg's large methods with their callees inlined.
  # Measured side by side (docs/benchmarks.md, "The JVM and session settings"): the nightly run
  # 22.1 and 22.5 s against 24.3 and 23.7 s (CPU 35.6 and 36.2 s against 42.3 and 41.0 s), the
  # full 100k day 234.0 s against 230.9 s (each stage within 2 s).
  -XX:FreqInlineSize=80 -XX:InlineSmallCode=700
  # A nightly run loads some 30,000 classes, and the default 21 MB of class metadata before the first
  # collection for it made two full collections (0.2 s) in every run.
  -XX:MetaspaceSize=256m
  # Java 17's collectors give up on an allocation, with an OutOfMemoryError, after two waits for threads
  # inside JNI critical regions (native compression), whatever the heap holds ("Retried waiting for
  # GCLocker too often", JDK-8192647, reworked in Java 22); a million-article clean stage ended so.
  -XX:+UnlockDiagnosticVMOptions -XX:GCLockerRetryAllocationCount=100
  # The JVM's own warnings on stderr, not mixed into what a job prints on stdout (query results).
  -Xlog:disable -Xlog:all=warning:stderr
  # The defaults are read from conf/local.conf at run time (the jar's copy serves cluster-mode drivers).
  "-Dnewsframe.defaults=$NF_HOME/conf/local.conf"
  "-Dnewsframe.job=$(basename "$0")"
  # One log file per process (a pipeline run renames it after its run id): runs never share one.
  "-Dnewsframe.log.file=${NEWSFRAME_LOG_DIR:-${TMPDIR:-/tmp}}/newsframe-$(basename "$0")-$(date -u +%Y%m%dT%H%M%SZ)-$$.log"
)
# NEWSFRAME_JAVA_OPTS: more options, split at spaces, for every JVM a launcher starts (the driver,
# and jobs/local-cluster's daemons), e.g. "-Xlog:gc:file=gc.log" or the tests' JIT setting.
read -r -a NF_EXTRA_JAVA_OPTS <<< "${NEWSFRAME_JAVA_OPTS:-}"
NF_JVM_OPTS+=("${NF_EXTRA_JAVA_OPTS[@]}")
for arg in "$@"; do
  # --verbose: Spark's own warnings and errors, with stack traces, on stderr as well.
  [[ "$arg" == "--verbose" ]] && NF_JVM_OPTS+=(-Dnewsframe.console.level=warn)
done

# The Java version line's number ("17.0.15"), whatever JAVA_TOOL_OPTIONS prints before it.
nf_java_version() {
  java -version 2>&1 | grep -m1 ' version ' | sed 's/.*"\(.*\)".*/\1/'
}

nf_die() {
  echo "$(basename "$0"): error: $*" >&2
  exit 1
}

nf_jar() {
  local jar
  for jar in $NF_JAR_GLOB; do
    [[ -f "$jar" && "$jar" != *-sources.jar && "$jar" != *original-* ]] && { echo "$jar"; return 0; }
  done
  return 1
}

# The corpus folder of the generated sample of N articles (seed 42) that the bench scripts share,
# in data/bench/sample-N: generated when missing or older than the jar (whose generator made it).
nf_bench_sample() {
  local articles="$1" sample="$NF_HOME/data/bench/sample-$1"
  if ! grep -qx "articles=$articles" "$sample/.newsframe-sample" 2>/dev/null ||
     [[ "$(nf_jar)" -nt "$sample/.newsframe-sample" ]]; then
    "$NF_HOME/jobs/generate-sample" --articles "$articles" --out "$sample" --seed 42 >&2 || return 1
  fi
  echo "$sample/corpus"
}

# Builds the application jar and target/spark-jars when either is missing, and only then: a
# scheduler host runs what is installed, and the files in conf/ are read at run time, so editing
# them never starts a build. After changing the code, run jobs/build. Lays out target/spark-home too.
nf_build_if_needed() {
  local jar
  jar="$(nf_jar || true)"
  if [[ -z "$jar" || ! -d "$NF_HOME/target/spark-jars" ]]; then
    nf_require_toolchain
    echo "$(basename "$0"): building newsframe (mvn package, first time only)..." >&2
    (cd "$NF_HOME" && mvn -q -B -Dstyle.color=never -DskipTests package >&2) || nf_die "the build failed (run 'mvn package' in $NF_HOME to see why)"
    nf_write_class_archive
  fi
  # Best effort: a read-only install without it still runs; the Spark home is for clusters.
  (nf_spark_home > /dev/null 2>&1) || true
}

# Class-data sharing: target/cds/newsframe.jsa holds the classes a pipeline run loaded from the JDK
# and target/spark-jars (Spark, Iceberg, Hadoop, Scala), parsed and verified, and a driver that
# maps it starts about 5 s sooner (docs/benchmarks.md, "The JVM and session settings").
# jobs/build writes it; it is used while it is newer than the jar, and NEWSFRAME_CLASS_ARCHIVE=off
# leaves it out.
NF_CLASS_ARCHIVE="$NF_HOME/target/cds/newsframe.jsa"

nf_class_archive_current() {
  local jar
  jar="$(nf_jar)" || return 1
  [[ "${NEWSFRAME_CLASS_ARCHIVE:-on}" != off && -s "$NF_CLASS_ARCHIVE" && "$NF_CLASS_ARCHIVE" -nt "$jar" ]]
}

# Writes the archive: a pipeline run over 200 generated articles, in a scratch folder, whose JVM
# dumps the classes it loaded when it exits (Java's dynamic archive). About a minute. A run that
# fails leaves no archive, and the launchers run without one.
nf_write_class_archive() {
  [[ "${NEWSFRAME_CLASS_ARCHIVE:-on}" == off ]] && return 0
  local scratch
  scratch="$(mktemp -d)"
  echo "$(basename "$0"): writing the class-data archive (one pipeline run on a generated sample)..." >&2
  if "$NF_HOME/jobs/generate-sample" --articles 200 --out "$scratch/sample" --seed 42 > "$scratch/log" 2>&1 &&
     NEWSFRAME_CLASS_ARCHIVE=off NEWSFRAME_LOG_DIR="$scratch" \
       NEWSFRAME_JAVA_OPTS="${NEWSFRAME_JAVA_OPTS:-} -XX:ArchiveClassesAtExit=$scratch/newsframe.jsa" \
       "$NF_HOME/jobs/pipeline" --input "$scratch/sample/corpus" --warehouse "$scratch/warehouse" >> "$scratch/log" 2>&1 &&
     [[ -s "$scratch/newsframe.jsa" ]]; then
    # Copied next to its place, then renamed: a launcher starting meanwhile sees the old archive or the new one.
    mkdir -p "$(dirname "$NF_CLASS_ARCHIVE")"
    cp "$scratch/newsframe.jsa" "$NF_CLASS_ARCHIVE.$$" && mv -f "$NF_CLASS_ARCHIVE.$$" "$NF_CLASS_ARCHIVE"
  else
    echo "$(basename "$0"): could not write the class-data archive; runs start without it:" >&2
    tail -n 5 "$scratch/log" >&2
  fi
  rm -rf "$scratch"
}

# Runs CLASS without Spark's launcher (help texts, the sample generator).
nf_java() {
  local class="$1"; shift
  exec java "${NF_JVM_OPTS[@]}" -cp "$(nf_jar):$NF_HOME/target/spark-jars/*" "$class" "$@"
}

# Submits CLASS with spark-submit: SPARK_HOME's when set, else Spark's SparkSubmit from Maven's jars.
# --master in the job's arguments goes to spark-submit too; NEWSFRAME_SUBMIT_ARGS adds more
# (e.g. "--deploy-mode cluster --executor-memory 8g").
nf_submit() {
  local class="$1"; shift
  local master="" prev="" arg conf_given=0
  for arg in "$@"; do
    [[ "$prev" == "--master" ]] && master="$arg"
    [[ "$arg" == --master=* ]] && master="${arg#--master=}"
    [[ "$arg" == "--conf" || "$arg" == --conf=* ]] && conf_given=1
    prev="$arg"
  done
  if nf_master_on_this_host "$master" "$conf_given"; then
    # This host's name may resolve to an address nobody listens on; local runs stay on loopback.
    # Not for other masters: executors elsewhere must be able to reach the driver.
    export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
  fi
  # A pipeline run's work is bounded by its input; a query's or a report's by the warehouse's tables.
  if [[ "$class" == io.newsframe.cli.PipelineMain ]] &&
     nf_quick_jit_wanted "$master" "$conf_given" "$(nf_named_input "$@")" "$@"; then
    # First, so that the same option in NEWSFRAME_JAVA_OPTS (e.g. -Xmn1g) wins: the JVM takes the last.
    NF_JVM_OPTS=("${NF_SMALL_RUN_OPTS[@]}" "${NF_JVM_OPTS[@]}")
  fi
  local submit_args=(--class "$class" --name "newsframe-$(basename "$0")")
  [[ -n "$master" ]] && submit_args+=(--master "$master")
  # shellcheck disable=SC2206
  [[ -n "${NEWSFRAME_SUBMIT_ARGS:-}" ]] && submit_args+=(${NEWSFRAME_SUBMIT_ARGS})
  local memory="${NEWSFRAME_DRIVER_MEMORY:-4g}"
  if [[ -n "${SPARK_HOME:-}" ]]; then
    [[ -x "$SPARK_HOME/bin/spark-submit" ]] || nf_die "SPARK_HOME=$SPARK_HOME has no bin/spark-submit"
    nf_require_scheduler "$master" "$SPARK_HOME/jars" "the Spark at SPARK_HOME=$SPARK_HOME"
    exec "$SPARK_HOME/bin/spark-submit" "${submit_args[@]}" --driver-memory "$memory" \
      --driver-java-options "$(nf_java_options_string "${NF_JVM_OPTS[@]}")" "$(nf_jar)" "$@"
  fi
  nf_require_scheduler "$master" "$NF_HOME/target/spark-jars" "the jars Maven resolved (target/spark-jars)"
  # The archive holds classes of this class path only: not for a SPARK_HOME's jars above. The
  # application jar is on it too (SparkSubmit still ships it to executors): classes that Spark's
  # own loader defines from the jar cannot be archived, and a nightly run loads some 1,300 of
  # them (Iceberg's shaded runtime mostly), about 0.3 s (docs/benchmarks.md, "The JVM and
  # session settings").
  local class_data=()
  nf_class_archive_current && class_data=("-XX:SharedArchiveFile=$NF_CLASS_ARCHIVE")
  exec java "-Xmx$memory" "${NF_MODULE_OPTS[@]}" "${NF_JVM_OPTS[@]}" "${class_data[@]}" \
    -cp "$NF_HOME/target/spark-jars/*:$(nf_jar)" org.apache.spark.deploy.SparkSubmit \
    "${submit_args[@]}" "$(nf_jar)" "$@"
}

# Dies with one line when MASTER needs Spark's YARN or Kubernetes scheduler (spark-yarn,
# spark-kubernetes) and JARS, the jars folder of WHAT, lacks it: the jars Maven resolves for
# newsframe hold the local and standalone schedulers only.
nf_require_scheduler() {
  local master="$1" jars="$2" what="$3" module="" name=""
  case "$master" in
    yarn*) module=spark-yarn name=YARN ;;
    k8s://*) module=spark-kubernetes name=Kubernetes ;;
    *) return 0 ;;
  esac
  compgen -G "$jars/${module}_*.jar" >/dev/null && return 0
  nf_die "--master $master needs Spark's $name support ($module), not in $what: set SPARK_HOME to a Spark distribution built with it (e.g. spark-4.1.0-bin-hadoop3)$([[ "$name" == YARN ]] && echo ", and HADOOP_CONF_DIR to the cluster's configuration")"
}

# The JVM options as one string for --driver-java-options, which Spark's launcher splits the way a
# shell does: each option in double quotes, so paths with spaces or quotes stay one option.
nf_java_options_string() {
  local option quoted=()
  for option in "$@"; do
    option="${option//\\/\\\\}"
    quoted+=("\"${option//\"/\\\"}\"")
  done
  echo "${quoted[*]}"
}

# Lays out target/spark-home, a Spark home made of Maven's jars (target/spark-jars) and this
# project's bin/spark-submit and bin/spark-class, which hand over to Spark's own launcher as a
# distribution's do; prints its path. jobs/local-cluster's workers run executors from it, and
# SPARK_HOME=target/spark-home runs the launchers through it.
nf_spark_home() {
  local home="$NF_HOME/target/spark-home" core
  if [[ -f "$home/RELEASE" && -d "$home/jars/" && -x "$home/bin/spark-class" ]]; then
    echo "$home"
    return 0
  fi
  core="$(compgen -G "$NF_HOME/target/spark-jars/spark-core_*.jar" | head -n 1)" ||
    nf_die "no Spark jars in $NF_HOME/target/spark-jars (run jobs/build)"
  mkdir -p "$home"
  ln -sfn "$NF_HOME/target/spark-jars" "$home/jars"
  ln -sfn "$NF_HOME/jobs/lib/spark-home/bin" "$home/bin"
  # Spark's scripts and launcher take a RELEASE file as the mark of a distribution (no build folder).
  core="$(basename "$core" .jar)" # spark-core_<scala>-<version>
  local scala="${core#spark-core_}"
  echo "Spark ${core##*-} (Scala ${scala%%-*}), jars from Maven Central laid out by newsframe" > "$home/RELEASE"
  echo "$home"
}

# The JIT's first tier alone (C1, no profiling), for a local run whose whole input is small. Such
# a run is over before C2's code would pay for itself: its cost is compiling Spark's and Iceberg's
# code on first use, and the profiled first-tier code that tiered compilation runs until C2 takes
# over is slower than plain C1 code and slower to compile. Measured side by side on one build
# (docs/benchmarks.md, "The fixed cost of a run"): five articles 2 to 6 s faster, 10k generated
# articles (11.5 MB) 4 to 7 s faster, 25k (28.7 MB) 15 s slower, 100k 60 s slower. The input's size
# bounds the batch from above (the ledger may skip most of it), so a small input is a small batch;
# a large input, or one the launcher cannot measure (hdfs://, a --conf file's), keeps both tiers.
# A run of a later date over the tree the last published run listed counts only the files added or
# changed since that listing began (nf_new_input_bytes): a nightly day in a growing tree.
# NEWSFRAME_JIT=quick or full decides instead of the input's size (auto).
NF_QUICK_JIT_BELOW=$((8 * 1024 * 1024))
# C1 alone reserves 48 MB for compiled code, which a whole run fills ("Out of space in CodeCache"):
# the tiered default's 240 MB.
# The same small run gets a young generation of 256 MB, not one the collector sizes. The parallel
# collector grows it while collections take more than 1% of the time, and in a run of a few seconds
# it grew past 1 GB: every page of it was new to the process, and the kernel's page faults and
# zeroing (system time) cost more than the collections the larger generation saved. Measured side
# by side (docs/benchmarks.md, "The fixed cost of a run"): five articles 2.4 s faster (three rounds
# of four settings), peak RSS 1.0 GB against 1.9 GB; the built-in sample and 6,000 articles 2 and
# 4 s faster; the night no slower. At 10,000 articles (both tiers) no gain: a long run's heap is
# grown once and used for minutes.
NF_SMALL_RUN_OPTS=(-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m -Xmn256m)

nf_quick_jit_wanted() {
  local master="$1" conf_given="$2" input="$3" new_bytes
  shift 3
  case "${NEWSFRAME_JIT:-auto}" in
    quick) return 0 ;;
    full) return 1 ;;
    auto) ;;
    *) nf_die "NEWSFRAME_JIT must be auto, quick or full, not '$NEWSFRAME_JIT'" ;;
  esac
  # Executors in JVMs of their own do the run's work: the driver's JIT is not what decides its time.
  [[ -z "$master" && "$conf_given" == 0 || "$master" == local* ]] || return 1
  # No input named: conf/local.conf's (the built-in sample), unless a --conf file may name another.
  [[ -z "$input" && "$conf_given" == 0 ]] && input="$(nf_default_input)"
  [[ -n "$input" ]] || return 1
  if [[ "$conf_given" == 0 ]] && new_bytes="$(nf_new_input_bytes "$input" "$@")"; then
    (( new_bytes < NF_QUICK_JIT_BELOW ))
    return
  fi
  nf_local_input_below "$input" "$NF_QUICK_JIT_BELOW"
}

# The last value the pipeline's arguments give an option: --FLAG VALUE, --FLAG=VALUE, or
# --set KEY=VALUE (either may be empty, for an option without the other form).
nf_named_option() {
  local flag="$1" key="$2" value="" prev="" arg
  shift 2
  for arg in "$@"; do
    if [[ -n "$flag" ]]; then
      [[ "$prev" == "--$flag" ]] && value="$arg"
      [[ "$arg" == "--$flag="* ]] && value="${arg#"--$flag="}"
    fi
    if [[ -n "$key" ]]; then
      [[ "$prev" == "--set" && "$arg" == "$key="* ]] && value="${arg#"$key="}"
      [[ "$arg" == "--set=$key="* ]] && value="${arg#"--set=$key="}"
    fi
    prev="$arg"
  done
  echo "$value"
}

# The input a pipeline's arguments name (--input, or --set input.uri=...; the last one given), if any.
nf_named_input() {
  nf_named_option input input.uri "$@"
}

# conf/local.conf's input.uri (the built-in sample's folder), or nothing if the file has it elsewhere.
nf_default_input() {
  sed -n '/^  input {/,/^  }/{s/^    uri = "\(.*\)"$/\1/p}' "$NF_HOME/conf/local.conf" | head -n 1
}

# conf/local.conf's top-level KEY (a quoted string), e.g. warehouse or namespace.
nf_default_setting() {
  sed -n "s/^  $1 = \"\\(.*\\)\"\$/\\1/p" "$NF_HOME/conf/local.conf" | head -n 1
}

# The value of KEY in the mark file MARK (key=value lines).
nf_mark_value() {
  sed -n "s/^$2=//p" "$1" | head -n 1
}

# INPUT (a path, or a file: URI) as an absolute local path, symbolic links kept, as Hadoop
# qualifies it; fails for another file system or a path that does not exist.
nf_local_path() {
  local path="${1#file://}"
  path="${path#file:}"
  [[ "$path" != *://* && -e "$path" ]] || return 1
  realpath -s -- "$path"
}

# Prints the bytes of INPUT's files that a pipeline run with ARGS may find new: those whose status
# changed (ctime: created, written, renamed, or given other times) after the last published run
# began listing the same input (the mark it wrote in its namespace's folder: InputWatermark),
# compressed files counted five times their size. Copying with times kept or editing in place
# cannot set a ctime back, so such files count too. Fails when it cannot tell: no mark, a mark of
# another input or of this run's date or a later one (a re-run reads its date's files again),
# --reprocess, or more files than the mark's count and the changed ones account for (a folder
# moved in whole keeps its files' times).
nf_new_input_bytes() {
  local input="$1" root warehouse namespace run_date mark listed_at files arg
  shift
  root="$(nf_local_path "$input")" || return 1
  for arg in "$@"; do
    [[ "$arg" != --reprocess ]] || return 1
  done
  [[ "$(nf_named_option "" ingest.mode "$@")" != all ]] || return 1
  warehouse="$(nf_named_option warehouse warehouse "$@")"
  namespace="$(nf_named_option "" namespace "$@")"
  run_date="$(nf_named_option run-date "" "$@")"
  warehouse="$(nf_local_path "${warehouse:-$(nf_default_setting warehouse)}")" || return 1
  mark="$warehouse/${namespace:-$(nf_default_setting namespace)}/_input-watermark"
  [[ -f "$mark" ]] || return 1
  [[ "$(nf_mark_value "$mark" input)" == "file:$root" ]] || return 1
  [[ "${run_date:-$(date -u +%F)}" > "$(nf_mark_value "$mark" run_date)" ]] || return 1
  listed_at="$(nf_mark_value "$mark" listed_at_ms)"
  files="$(nf_mark_value "$mark" files)"
  [[ "$listed_at" =~ ^[0-9]+$ && "$files" =~ ^[0-9]+$ ]] || return 1
  # Hidden names are left out at any depth, as the listing leaves them out (InputFiles).
  { if [[ -d "$root" ]]; then
      find -L "$root" -mindepth 1 \( -name '.*' -o -name '_*' \) -prune -o -type f -printf '%C@ %s %f\n'
    else
      find -L "$root" -maxdepth 0 -printf '%C@ %s %f\n'
    fi; } 2>/dev/null |
    awk -v listed_at="$listed_at" -v files="$files" '
      { split($1, t, "."); ms = t[1] * 1000 + substr(t[2] "000", 1, 3); listed++ }
      ms >= listed_at { size = $2; if ($NF ~ /\.(gz|parquet)$/) size *= 5; bytes += size; changed++ }
      END { if (listed - files > changed) exit 1; printf "%d\n", bytes }'
}

# True when INPUT, a local file or folder (a path or a file: URI), holds fewer than LIMIT bytes of
# text, compressed files (.gz, .parquet) counted five times their size. Stops reading the listing
# at the limit, so a tree of a million files costs no more than one of a few thousand.
nf_local_input_below() {
  local input="$1" limit="$2"
  input="${input#file://}"
  input="${input#file:}"
  [[ "$input" != *://* && -e "$input" ]] || return 1
  find -L "$input" -type f -printf '%s %f\n' 2>/dev/null |
    awk -v limit="$limit" '{ size = $1; if ($NF ~ /\.(gz|parquet)$/) size *= 5; total += size; if (total >= limit) exit 1 }'
}

# True when the executors run on this machine: a local master, a standalone master on loopback, or
# no --master and no --conf (conf/local.conf's local[2]; a --conf file may name a cluster's master).
nf_master_on_this_host() {
  local master="$1" conf_given="$2"
  if [[ -z "$master" ]]; then
    [[ "$conf_given" == 0 ]]
    return
  fi
  [[ "$master" == local* || "$master" =~ ^spark://(127\.[0-9.]+|localhost)(:[0-9]+)?$ ]]
}

# True when the arguments ask for help.
nf_wants_help() {
  local arg
  for arg in "$@"; do
    [[ "$arg" == "-h" || "$arg" == "--help" || "$arg" == "-V" || "$arg" == "--version" ]] && return 0
  done
  return 1
}

# Java 17 and Maven are all newsframe needs to build and run locally. On a fresh Debian machine
# (as root) they are installed; elsewhere the message says what to install.
nf_require_toolchain() {
  local missing=()
  command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null || missing+=(maven)
  nf_apt_install "${missing[@]}"
}

# What the tests need beyond the build: headless Chromium for the report's browser test, and
# Debian's Jupyter, pandas and matplotlib (for /usr/bin/python3) to execute the notebooks.
nf_require_test_tools() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  /usr/bin/python3 -c 'import nbconvert, nbclient, ipykernel, pandas, matplotlib' 2>/dev/null ||
    missing+=(jupyter-nbconvert python3-nbclient python3-ipykernel python3-pandas python3-matplotlib)
  nf_apt_install "${missing[@]}"
}

# Installs Debian packages (as root, with apt); nothing when given none.
nf_apt_install() {
  [[ $# -eq 0 ]] && return 0
  if command -v apt-get >/dev/null && [[ "$(id -u)" == 0 ]]; then
    echo "$(basename "$0"): installing $*..." >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2 ||
      nf_die "could not install $*"
  else
    nf_die "newsframe needs these Debian packages: $*; install them, or run this as root with apt"
  fi
}
