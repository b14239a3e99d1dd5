#!/usr/bin/env bash
# Side-by-side benchmark: our Ftp service (Release, own PostgreSQL), vsftpd and pure-ftpd (Debian's packages) on
# loopback with the same user, password and files, every scenario of the load tool (bench/CommuniGateFtp.Bench) run on
# the three alternately (per scenario, the order rotating every round: A B C, B C A, C A B), the machine's ceilings
# measured in the same run, and a markdown table of medians with ours ÷ best peer. Optionally a soak of our service. Runs as root (apt-get, a local user).
# Everything it starts is stopped and its files removed at exit, Ctrl+C included.
#
# Usage: bench/run.sh [--quick] [--rounds K] [--only "retr stor ..."] [--big-mib N] [--idle-sessions N] [--peer-idle-sessions N] [--distinct-accounts N]
#                     [--soak-sessions S --soak-minutes T --soak-sample-seconds N] [--peer-crypt YESCRYPT|SHA512]
#                     [--ours-env "NAME=VALUE ..."] [--idle-settle-seconds N] [--out FILE]   (--only "" with --soak-* runs the soak alone)
# --ours-env: environment for our service only, e.g. the GC settings of a container: "DOTNET_gcServer=0"
# --peer-idle-sessions: idle sessions for vsftpd and pure-ftpd (default: --idle-sessions); they fork one or two
#   processes per session, so 10,000 of them nearly exhaust a default pid_max (32,768) on a shared machine
# --distinct-accounts: the logins scenario also times first logins of N new accounts on ours (0: not)
# --idle-settle-seconds: after the footprint right at the end of the load (pss-after-run), the footprint again once
#   every server has been idle this long (pss-idle-after-run; 0: not measured)
set -euo pipefail
cd "$(dirname "$0")/.."
here=bench
source "$here/lib/common.sh"; source "$here/lib/ours.sh"; source "$here/lib/peers.sh"
source "$here/lib/ceilings.sh"; source "$here/lib/scenarios.sh"

rounds=3; big_mib=1024; small_files=2000; logins=1000; rate_logins=500; idle_sessions=1000; peer_idle_sessions=""; distinct_accounts=200
only="ceilings retr stor retr-tls stor-tls small-files list logins idle"
soak_sessions=0; soak_minutes=0; soak_sample=60; peer_crypt=YESCRYPT; out=""; ours_env=""; idle_settle=30
while [ $# -gt 0 ]; do
  case $1 in
    --quick) rounds=1; big_mib=256; small_files=500; logins=300; rate_logins=200; idle_sessions=200; distinct_accounts=50 ;;
    --rounds) rounds=$2; shift ;;
    --only) only=$2; shift ;;
    --big-mib) big_mib=$2; shift ;;
    --idle-sessions) idle_sessions=$2; shift ;;
    --distinct-accounts) distinct_accounts=$2; shift ;;
    --peer-idle-sessions) peer_idle_sessions=$2; shift ;;
    --soak-sessions) soak_sessions=$2; shift ;;
    --soak-minutes) soak_minutes=$2; shift ;;
    --soak-sample-seconds) soak_sample=$2; shift ;;
    --peer-crypt) peer_crypt=$2; shift ;;
    --out) out=$2; shift ;;
    --ours-env) ours_env=$2; shift ;;
    --idle-settle-seconds) idle_settle=$2; shift ;;
    *) echo "unknown option $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
  shift
done
[ "$(id -u)" = 0 ] || { echo "run as root: it installs Debian packages and creates a local user" >&2; exit 2; }
[ "$rounds" -ge 1 ] && [ "$rounds" -le 20 ] || { echo "--rounds 1..20" >&2; exit 2; }

work=$(mktemp -d /tmp/cgftp-bench.XXXXXX); chmod 755 "$work"
results="$work/results.jsonl"
bench_user=cgbench; bench_password="bench-$RANDOM-pass"; admin_password="admin-$RANDOM-pass"; created_user=0
ours_pid=""; vsftpd_pid=""; pure_pid=""; pgbin=""; failures=()
cleanup() {
  trap - EXIT INT TERM
  local pid
  for pid in $ours_pid $vsftpd_pid $pure_pid; do kill "$pid" 2>/dev/null || true; done
  for pid in $ours_pid $vsftpd_pid $pure_pid; do wait "$pid" 2>/dev/null || true; done
  [ -n "$pgbin" ] && as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  # The servers' logs outlive a failed run: the work directory does not.
  if [ "${#failures[@]}" -gt 0 ] 2>/dev/null; then
    mkdir -p "${out:-/tmp/cgftp-bench}.logs" && cp "$work"/*.log "$work/pg/server.log" "${out:-/tmp/cgftp-bench}.logs/" 2>/dev/null || true
    echo "server logs kept in ${out:-/tmp/cgftp-bench}.logs/" >&2
  fi
  rm -f /etc/pam.d/cgftp-bench
  [ "$created_user" = 1 ] && userdel "$bench_user" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
ulimit -n "$(ulimit -Hn)"  # many sessions: as many descriptors as allowed

say "building the Ftp service and the load tool (Release)"
dotnet build CommuniGateFtp.Ftp -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/CommuniGateFtp.Bench -c Release -nologo -clp:ErrorsOnly >/dev/null
tool_dll=bench/CommuniGateFtp.Bench/bin/Release/net10.0/CommuniGateFtp.Bench.dll

say "installing and unpacking vsftpd and pure-ftpd"
install_peers
pg_port=$(free_port); ours_port=$(free_port); http_port=$(free_port); vsftpd_port=$(free_port); pure_port=$(free_port)
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 2 -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
mkdir -p "$work/files/vsftpd" "$work/files/pure-ftpd"
create_peer_user

say "starting PostgreSQL, our service, vsftpd, pure-ftpd"
start_postgres
start_ours
start_vsftpd
start_pure_ftpd
prepare_files
say "servers: ours pid $ours_pid port $ours_port, vsftpd pid $vsftpd_pid port $vsftpd_port, pure-ftpd pid $pure_pid port $pure_port"

servers=(ours vsftpd pure-ftpd)
for ((round = 1; round <= rounds && ${#only} > 0; round++)); do
  say "round $round of $rounds"
  for scenario in $only; do
    if [ "$scenario" = ceilings ]; then measure_ceilings || failures+=("ceilings, round $round"); continue; fi
    # A failure is a finding, not a reason to lose the other results: noted, shown under the table, exit code 1.
    # The order rotates every round (A B C, B C A, C A B): no server is always the first or the last to meet the
    # machine's state after the previous scenario.
    for ((i = 0; i < ${#servers[@]}; i++)); do
      server=${servers[$(( (i + round - 1) % ${#servers[@]} ))]}
      run_scenario "$scenario" "$server" || failures+=("$scenario on $server, round $round")
    done
  done
done

if [ "$soak_sessions" -gt 0 ] && [ "$soak_minutes" != 0 ]; then
  say "soak: $soak_sessions sessions for $soak_minutes minutes on our service"
  # shellcheck disable=SC2046
  bench_tool soak --sessions "$soak_sessions" --minutes "$soak_minutes" --sample-seconds "$soak_sample" $(server_args ours) || failures+=("soak")
fi

# The footprint each server keeps once the load is gone (issue 16: our idle process after the run).
for server in "${servers[@]}"; do
  bench_tool probe --name "pss-after-run" --label "$server" --server-pid "$(server_pid "$server")" >/dev/null
done
# "The idle process after the run": the same footprint once the load has been gone a while, for every server alike
# (ours gives memory back after a quiet period: Hosting/IdleMemoryTrimmer, every 10 s).
if [ "$idle_settle" -gt 0 ] && [ ${#only} -gt 0 ]; then
  say "waiting ${idle_settle}s with every server idle"
  sleep "$idle_settle"
  for server in "${servers[@]}"; do
    bench_tool probe --name "pss-idle-after-run" --label "$server" --server-pid "$(server_pid "$server")" >/dev/null
  done
fi

table=$(dotnet "$tool_dll" report --in "$results" --servers vsftpd,pure-ftpd,ours --ours ours)
if [ ${#failures[@]} -gt 0 ]; then table+=$'\n\nFailed (see the log above): '"$(IFS=';'; echo "${failures[*]}")"; fi
printf '\n%s\n' "$table"
if [ -n "$out" ]; then cp "$results" "$out.jsonl"; printf '%s\n' "$table" > "$out"; fi
[ ${#failures[@]} -eq 0 ]
