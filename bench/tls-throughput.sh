#!/usr/bin/env bash
# Measures single-stream RETR and STOR throughput of the Ftp service (Release build) over loopback, clear and with
# TLS (AUTH TLS + PROT P), with curl as the client. Starts its own throwaway PostgreSQL; cleans up after itself.
# Usage: bench/tls-throughput.sh [size-MiB=1024] [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${1:-1024}; runs=${2:-3}
work=$(mktemp -d /tmp/cgftp-bench.XXXXXX); chmod 755 "$work"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() { [ -n "${ftp_pid:-}" ] && kill "$ftp_pid" 2>/dev/null; as_pg "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

pg_port=$(free_port); ftp_port=$(free_port); http_port=$(free_port)
[ "$(id -u)" = 0 ] && chown postgres "$work"
as_pg "$pgbin/initdb" -D "$work/pg" -U postgres --auth=trust --no-sync >/dev/null
as_pg "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work -c fsync=off" start >/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 2 -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

dotnet build CommuniGateFtp.Ftp -c Release -nologo -clp:ErrorsOnly >/dev/null
ConnectionStrings__ftpdb="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres" \
Ftp__Port=$ftp_port Ftp__AdminPassword=bench-pass-1 Ftp__MainDomain=bench.local Ftp__StorageRoot="$work/storage" \
Ftp__Tls__CertificatePath="$work/cert.pem" Ftp__Tls__KeyPath="$work/key.pem" Logging__LogLevel__Default=Warning \
  dotnet CommuniGateFtp.Ftp/bin/Release/net10.0/CommuniGateFtp.Ftp.dll --urls "http://127.0.0.1:$http_port" >"$work/ftp.log" 2>&1 &
ftp_pid=$!
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$http_port/health" >/dev/null && break; sleep 0.5; done

mkdir -p "$work/storage/bench.local/postmaster"
head -c $((size_mib * 1048576)) /dev/urandom > "$work/storage/bench.local/postmaster/big.bin"
cp "$work/storage/bench.local/postmaster/big.bin" "$work/upload.bin"
url="ftp://127.0.0.1:$ftp_port"
user=(--user postmaster:bench-pass-1)
mbps() { awk '{ printf "%.0f", $1 / 1000000 }'; }
run() { # label, curl args...
  local label=$1; shift; local all=()
  for _ in $(seq "$runs"); do all+=("$(curl -sS "${user[@]}" "$@" -w '%{speed_download} %{speed_upload}\n' | awk '{ print ($1 > $2 ? $1 : $2) }' | mbps)"); done
  printf '| %s | %s |\n' "$label" "$(printf '%s\n' "${all[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")"
}
echo "| scenario ($size_mib MiB, median of $runs) | MB/s |"
echo "|---|---|"
run "RETR clear (sendfile)" -o /dev/null "$url/big.bin"
run "RETR TLS (PROT P)" --ssl-reqd -k -o /dev/null "$url/big.bin"
run "STOR clear" -T "$work/upload.bin" "$url/up-clear.bin"
run "STOR TLS (PROT P)" --ssl-reqd -k -T "$work/upload.bin" "$url/up-tls.bin"
