# Shared helpers for bench/sweep and bench/inbox (sourced, not run).
#
#   SENSE_PROBE_DIR  the sense-probe checkout to measure (default: the folder above bench/)
#   BENCH_WORK       kept work folder: certificates, definitions, logs, results (default: bench/.work)
#
# Everything listens on and talks to 127.0.0.1 only. Every process started through bench_start is stopped on exit.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
SENSE_PROBE_DIR="$(cd "${SENSE_PROBE_DIR:-$BENCH_DIR/..}" && pwd -P)"
BENCH_WORK="${BENCH_WORK:-$BENCH_DIR/.work}"
mkdir -p "$BENCH_WORK"
BENCH_WORK="$(cd "$BENCH_WORK" && pwd -P)"
# the work folder ignores itself, so it never shows up in git status
[ -f "$BENCH_WORK/.gitignore" ] || printf '*\n' > "$BENCH_WORK/.gitignore"
SENSE_PROBE="$SENSE_PROBE_DIR/sense-probe"

BENCH_PIDS=()
BENCH_LOAD="$(cut -d ' ' -f 1-3 /proc/loadavg)"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# float arithmetic: calc '1.5 * 2'  (awk, 3 significant decimals unless a format is given)
calc() { awk "BEGIN { printf \"${2:-%.3f}\", ($1) }"; }
now() { printf '%s' "$EPOCHREALTIME"; }

cores() { nproc; }
jvm_version() {
  local out ver
  out="$(java -version 2>&1)"
  ver="$(sed -n 's/.*version "\([^"]*\)".*/\1/p' <<<"$out" | head -n 1)"
  printf '%s, %s' "$ver" "$(sed -n 3p <<<"$out")"
}
code_version() {
  git -C "$SENSE_PROBE_DIR" rev-parse --short HEAD 2>/dev/null || echo "?"
  if [ -n "$(git -C "$SENSE_PROBE_DIR" status --porcelain --untracked-files=no 2>/dev/null)" ]; then echo "+uncommitted"; fi
}
header() { # header TITLE
  printf '%s\n' "== $1"
  printf '   code:  %s (git %s; jar built %s)\n' "$SENSE_PROBE_DIR" "$(code_version | tr -d '\n')" \
    "$(date -r "$SENSE_PROBE_DIR/target/sense-probe.jar" '+%Y-%m-%d %H:%M' 2>/dev/null || echo '?')"
  printf '   cores: %s   RAM: %s GB   JVM: %s%s\n' "$(cores)" "$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)" \
    "$(jvm_version)" "${JAVA_OPTS:+   JAVA_OPTS=$JAVA_OPTS}"
  printf '   load average at start: %s (other work on the machine skews the figures)\n' "$BENCH_LOAD"
}

need_cmd() { command -v "$1" >/dev/null 2>&1 || die "$1 is needed (${2:-apt-get install -y $1})"; }
# apt_install CMD PACKAGE: installs PACKAGE with apt-get when CMD is missing (needs root)
APT_UPDATED=0
apt_install() {
  command -v "$1" >/dev/null 2>&1 && return 0
  [ "$(id -u)" = 0 ] || die "$1 is missing; install the package $2 (apt-get install -y $2)"
  log "installing $2 ..."
  if [ "$APT_UPDATED" = 0 ]; then apt-get update -qq >/dev/null; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || die "installing $2 did not provide $1"
}

# free TCP port on 127.0.0.1 (nothing answers a connect there)
free_port() {
  local p i
  for i in $(seq 1 200); do
    p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  die "no free port found"
}
wait_port() { # wait_port PORT SECONDS: until something listens on 127.0.0.1:PORT
  local deadline=$(( SECONDS + $2 ))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

# the jar is built (outside any measurement) when missing, as the launcher would do on its first run
ensure_jar() {
  [ -x "$SENSE_PROBE" ] || die "no launcher at $SENSE_PROBE (set SENSE_PROBE_DIR to a sense-probe checkout)"
  if [ ! -f "$SENSE_PROBE_DIR/target/sense-probe.jar" ]; then
    log "building $SENSE_PROBE_DIR/target/sense-probe.jar ..."
    (cd "$SENSE_PROBE_DIR" && mvn -q -B -DskipTests package) >&2
  fi
}

# bench_start LOGFILE CMD...: starts CMD in the background (stdout+stderr to LOGFILE), remembers its pid in BENCH_PID.
# The sense-probe launcher execs java, so the pid is the JVM's.
bench_start() {
  local out="$1"; shift
  "$@" >"$out" 2>&1 &
  BENCH_PID=$!
  BENCH_PIDS+=("$BENCH_PID")
}
# bench_start2 STDOUT STDERR CMD...: the same with stdout and stderr apart
bench_start2() {
  local out="$1" err="$2"; shift 2
  "$@" >"$out" 2>"$err" &
  BENCH_PID=$!
  BENCH_PIDS+=("$BENCH_PID")
}
# alive PID: running and not a zombie
alive() {
  local _p _c state
  [ -r "/proc/$1/stat" ] || return 1
  read -r _p _c state _ < "/proc/$1/stat" 2>/dev/null || return 1
  [ "$state" != Z ]
}
# stop_pid PID [SECONDS]: SIGTERM, wait at most SECONDS (default 30), then SIGKILL.
# Sets STOPPED_IN to the seconds it took (or "killed") and STOPPED_RC to its exit status. Call it directly, not in $(...): the shell must reap the pid.
STOPPED_IN="-" STOPPED_RC="-"
stop_pid() {
  local pid="$1" limit="${2:-30}" t0 i
  t0="$(now)"
  STOPPED_IN="-" STOPPED_RC="-"
  alive "$pid" || { STOPPED_RC=0; wait "$pid" 2>/dev/null || STOPPED_RC=$?; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < limit * 10; i++)); do
    alive "$pid" || break
    sleep 0.1
  done
  if alive "$pid"; then
    log "pid $pid did not stop within ${limit}s of SIGTERM; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    STOPPED_RC=0; wait "$pid" 2>/dev/null || STOPPED_RC=$?
    STOPPED_IN="killed"
    return 0
  fi
  STOPPED_RC=0; wait "$pid" 2>/dev/null || STOPPED_RC=$?
  STOPPED_IN="$(calc "$(now) - $t0" '%.1f')"
}
bench_cleanup() {
  local pid
  for pid in "${BENCH_PIDS[@]}"; do
    if alive "$pid"; then stop_pid "$pid" 30; fi
  done
}
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# jvm_options PID: the -X/-XX options a running java was started with ("none" when only defaults)
jvm_options() {
  local opts
  opts="$(tr '\0' '\n' < "/proc/$1/cmdline" 2>/dev/null | grep -E '^-X' | tr '\n' ' ' | sed 's/ $//' || true)"
  printf '%s' "${opts:-none}"
}
# proc_mb PID FIELD: a memory figure of /proc/PID/status in MB (VmRSS: resident now, VmHWM: resident peak)
proc_mb() {
  awk -v f="$2:" '$1 == f { printf "%.0f", $2 / 1024; found = 1 } END { if (!found) printf "?" }' "/proc/$1/status" 2>/dev/null || echo "?"
}

# percentile P < numbers (one a line): nearest rank
percentile() {
  sort -n | awk -v p="$1" '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit } i = int(p / 100 * NR); if (i < p / 100 * NR) i++; if (i < 1) i = 1; printf "%.3f", v[i] }'
}

# jq filter helpers: seconds since the epoch of an ISO-8601 instant with a fraction ("2026-01-01T00:00:00.123456789Z")
JQ_DEFS='def ts: (sub("\\.[0-9]*Z$"; "Z") | fromdateiso8601) + ((capture("\\.(?<f>[0-9]+)Z$").f // "0") | ("0." + .) | tonumber);'

# sense-probe environment for a service run with everything in one folder: service_env DIR
# (connections/, inbox/, out/ under DIR; the management and status servers off unless BENCH_OBSERVE=true, and on free
# loopback ports)
service_env() {
  local dir="$1"
  mkdir -p "$dir/connections" "$dir/inbox" "$dir/out"
  export SENSE_CONNECTIONS_DIR="$dir/connections" SENSE_INBOX_DIR="$dir/inbox" SENSE_RESULTS_DIR="$dir/out"
  export CAMEL_MANAGEMENT_ENABLED="${BENCH_OBSERVE:-false}" CAMEL_MANAGEMENT_HOST=127.0.0.1 CAMEL_MANAGEMENT_PORT
  CAMEL_MANAGEMENT_PORT="$(free_port)"
  # the status page's server likewise
  export CAMEL_SERVER_ENABLED="${BENCH_OBSERVE:-false}" CAMEL_SERVER_HOST=127.0.0.1 CAMEL_SERVER_PORT
  CAMEL_SERVER_PORT="$(free_port)"
}
