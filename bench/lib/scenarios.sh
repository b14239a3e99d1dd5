# The files every server serves (the same bytes: hard links), and one scenario on one server.
prepare_files() {
  local ours_dir="$work/files/ours/bench.local/$bench_user"
  mkdir -p "$ours_dir/list20k"
  big_file="$ours_dir/big.bin"
  head -c $((big_mib * 1048576)) /dev/urandom > "$big_file"
  python3 -c 'import os, sys; [open(os.path.join(sys.argv[1], "entry%05d.txt" % i), "w").write("x") for i in range(20000)]' "$ours_dir/list20k"
  local peer
  for peer in vsftpd pure-ftpd; do
    ln "$big_file" "$work/files/$peer/big.bin"
    cp -al "$ours_dir/list20k" "$work/files/$peer/list20k"
    chown -R "$bench_user" "$work/files/$peer"
  done
  chmod -R a+rX "$work/files"
}

# run_scenario SCENARIO SERVER: the tool (and curl, for the big transfers) against one server; results to $results.
run_scenario() {
  local scenario=$1 server=$2 args port url
  args=$(server_args "$server")
  port=${args#*--port }; port=${port%% *}
  url="ftp://127.0.0.1:$port"
  # shellcheck disable=SC2086
  # Each case is one && chain so that run.sh, calling this in an || list (where errexit is off), sees any failure.
  case $scenario in
    retr) bench_tool retr --file big.bin $args &&
          curl_transfer "$server" retr-curl -o /dev/null "$url/big.bin" ;;
    retr-tls) bench_tool retr --tls --file big.bin $args &&
          curl_transfer "$server" retr-tls-curl --ssl-reqd -k -o /dev/null "$url/big.bin" ;;
    stor) bench_tool stor --size-mib "$big_mib" --warmup-runs 1 $args &&
          curl_transfer "$server" stor-curl -T "$big_file" "$url/curl-up.bin" &&
          curl -sS --user "$bench_user:$bench_password" -Q "DELE curl-up.bin" "$url/" >/dev/null ;;
    stor-tls) bench_tool stor --tls --size-mib "$big_mib" --warmup-runs 1 $args &&
          curl_transfer "$server" stor-tls-curl --ssl-reqd -k -T "$big_file" "$url/curl-up.bin" &&
          curl -sS --ssl-reqd -k --user "$bench_user:$bench_password" -Q "DELE curl-up.bin" "$url/" >/dev/null ;;
    small-files) bench_tool small-files --files "$small_files" --sessions 1 $args &&
          bench_tool small-files --files "$small_files" --sessions 8 $args ;;
    list) bench_tool list --dir list20k --entries 20000 $args ;;
    logins) bench_tool logins --logins "$logins" --in-flight 64 --rate-logins "$rate_logins" --rate-clients 16 $args &&
          distinct_logins "$server" "$args" ;;
    idle) bench_tool idle --sessions "$(idle_sessions_of "$server")" --in-flight 64 $args ;;
    *) echo "unknown scenario $scenario" >&2; return 2 ;;
  esac
}

# distinct_logins SERVER ARGS: first logins of $distinct_accounts accounts new to the server (each pays the password KDF),
# fresh ones every round. Ours only: the peers authenticate Unix users, and N system users are not made lightly.
distinct_logins() {
  [ "$1" = ours ] && [ "$distinct_accounts" -gt 0 ] || return 0
  local prefix="storm-r$round-"
  create_ours_accounts "$prefix" "$distinct_accounts"
  # shellcheck disable=SC2086
  bench_tool logins --accounts "$distinct_accounts" --in-flight 64 $2 --user "$prefix"
}

idle_sessions_of() { if [ "$1" = ours ] || [ -z "$peer_idle_sessions" ]; then echo "$idle_sessions"; else echo "$peer_idle_sessions"; fi; }
