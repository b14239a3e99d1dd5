# Helpers shared by bench/run.sh: ports, waiting, running as the postgres user, logging.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
say() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

# wait_for_port PORT SECONDS: until something accepts on 127.0.0.1:PORT (bounded).
wait_for_port() {
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listens on port $1 after $2 s" >&2; return 1
}

# bench_tool SCENARIO ARGS...: the load tool (built in Release), results appended to $results.
bench_tool() { dotnet "$tool_dll" "$@" | tee -a "$results"; }

server_pid() { case $1 in ours) echo "$ours_pid" ;; vsftpd) echo "$vsftpd_pid" ;; pure-ftpd) echo "$pure_pid" ;; esac; }

# server_args NAME: --host/--port/--user/--password/--label/--server-pid for one of the three servers.
server_args() {
  local port
  case $1 in ours) port=$ours_port ;; vsftpd) port=$vsftpd_port ;; pure-ftpd) port=$pure_port ;; esac
  echo "--host 127.0.0.1 --port $port --user $bench_user --password $bench_password --label $1 --server-pid $(server_pid "$1")"
}

# curl_transfer NAME LABEL ARGS...: one curl transfer, its speed as a result line (the check that the tool is not the limit).
curl_transfer() {
  local name=$1 label=$2; shift 2
  local speed
  speed=$(curl -sS --user "$bench_user:$bench_password" -w '%{speed_download} %{speed_upload}\n' "$@" | awk '{ print ($1 > $2 ? $1 : $2) / 1000000 }')
  printf '{"scenario":"%s","server":"%s","value":%s,"unit":"MB/s"}\n' "$label" "$name" "$speed" | tee -a "$results"
}
