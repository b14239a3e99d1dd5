# Our Ftp service in Release, with a throwaway PostgreSQL of its own (initdb into the work directory, pg_ctl on a free
# port, as CommuniGateFtp.Tests/Infrastructure/PostgresServer.cs does), and the bench account made through the API.
start_postgres() {
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  mkdir -p "$work/pg" && chown postgres "$work/pg"
  as_pg "$pgbin/initdb" -D "$work/pg/data" -U postgres --auth=trust --no-sync >/dev/null
  as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work/pg -c fsync=off -c max_connections=300" start >/dev/null
}

start_ours() {
  ConnectionStrings__ftpdb="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres" \
  Ftp__Port=$ours_port Ftp__ListenAddress=127.0.0.1 Ftp__AdminPassword="$admin_password" Ftp__MainDomain=bench.local \
  Ftp__StorageRoot="$work/files/ours" Ftp__Tls__CertificatePath="$work/cert.pem" Ftp__Tls__KeyPath="$work/key.pem" \
  ASPNETCORE_URLS="http://127.0.0.1:$http_port" Logging__LogLevel__Default=Warning \
    env ${ours_env:-} dotnet CommuniGateFtp.Ftp/bin/Release/net10.0/CommuniGateFtp.Ftp.dll >"$work/ours.log" 2>&1 &
  ours_pid=$!
  local i
  for ((i = 0; i < 120; i++)); do curl -sf "http://127.0.0.1:$http_port/health" >/dev/null && break; sleep 0.5; done
  wait_for_port "$ours_port" 5
  local settings
  ours_api="http://127.0.0.1:$http_port/api"
  local api=$ours_api token
  token=$(curl -sf "$api/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"postmaster@bench.local\",\"password\":\"$admin_password\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
  curl -sf "$api/accounts" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$bench_user\",\"domain\":\"bench.local\",\"password\":\"$bench_password\"}" >/dev/null
  ours_token=$token
  # Limits raised as for the peers: channels (20 by default) and a passive range as wide as theirs; loopback, where every
  # benchmark client comes from, a White Hole, as the peers have no per-address limits or temporary blacklist here
  # (64 logins in flight from one address would otherwise meet maxUnauthenticatedPerAddress). The document is read,
  # changed and written back whole, so this holds whether PUT replaces the document or demands all of it.
  settings=$(curl -sf "$api/settings/ftp" -H "Authorization: Bearer $token" | python3 -c '
import json, sys
s = json.load(sys.stdin)
s.update(channels=20000, passivePortMin=10000, passivePortMax=12999, idleTimeout="00:15:00", unblacklistableIps="127.0.0.0/8\n::1")
print(json.dumps(s))')
  curl -sf -X PUT "$api/settings/ftp" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$settings" >/dev/null
}

# create_ours_accounts PREFIX N: accounts PREFIX1..PREFIXN with the bench password, through the API (each one hashed by
# the server, so this takes a while; it is not timed). For the distinct-accounts logins: each is new to the server's memory.
create_ours_accounts() {
  local i
  for ((i = 1; i <= $2; i++)); do
    curl -sf "$ours_api/accounts" -H "Authorization: Bearer $ours_token" -H 'Content-Type: application/json' \
      -d "{\"name\":\"$1$i\",\"domain\":\"bench.local\",\"password\":\"$bench_password\"}" >/dev/null
  done
}
