# The machine's own ceilings, measured in the same run as the servers: iperf3 (one loopback stream, C) and the load
# tool's .NET ceilings (TCP from memory, sendfile and read+send of the cached big file, TLS SslStream to SslStream).
measure_ceilings() {
  if command -v iperf3 >/dev/null 2>&1; then
    local port; port=$(free_port)
    iperf3 -s -1 -B 127.0.0.1 -p "$port" >/dev/null 2>&1 &
    local server=$!
    # Not wait_for_port: a probing connection would be the one test a one-off (-1) iperf3 server serves.
    for _ in $(seq 50); do ss -Hltn "sport = :$port" | grep -q . && break; sleep 0.1; done
    iperf3 -c 127.0.0.1 -p "$port" -t 3 -J 2>/dev/null | python3 -c '
import json, sys
bps = json.load(sys.stdin)["end"]["sum_received"]["bits_per_second"]
print(json.dumps({"scenario": "ceiling-tcp-iperf3", "server": "machine", "value": bps / 8e6, "unit": "MB/s"}))' | tee -a "$results"
    wait "$server" 2>/dev/null || true
  fi
  local what
  for what in tcp sendfile readsend tls; do
    bench_tool ceiling --what "$what" --file "$big_file" --size-mib "$big_mib" --label machine
  done
}
