# vsftpd and pure-ftpd from Debian's packages. Both packages provide and conflict on ftp-server, so they cannot be
# installed side by side: their .debs are fetched with apt-get and unpacked into the work directory instead, with
# their libraries installed normally. Neither is started as a system service.
install_peers() {
  local missing=() p
  for p in libwrap0 libcap2 libpam0g libpam-modules libssl3 libsodium23 libcrypt1 iperf3 openssl curl; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  mkdir -p "$work/debs" && (cd "$work/debs" && apt-get download vsftpd pure-ftpd >/dev/null 2>&1) \
    || { apt-get update -qq && (cd "$work/debs" && apt-get download vsftpd pure-ftpd >/dev/null); }
  local deb
  for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$work/peers"; done
}

# The same local user and password for both peers (a real Unix account: that is how they authenticate).
create_peer_user() {
  if ! id "$bench_user" >/dev/null 2>&1; then
    useradd --no-create-home --home-dir "$work/files/pure-ftpd" --shell /bin/bash "$bench_user"
    created_user=1
  fi
  # Debian's default hash (yescrypt) unless --peer-crypt says otherwise: it sets the peers' cost per login.
  echo "$bench_user:$bench_password" | chpasswd -c "$peer_crypt"
  usermod --home "$work/files/pure-ftpd" "$bench_user" >/dev/null 2>&1  # "no changes" is fine
  # vsftpd authenticates through PAM; this service file lets it check the Unix password and nothing else.
  printf 'auth required pam_unix.so\naccount required pam_unix.so\n' > /etc/pam.d/cgftp-bench
}

start_vsftpd() {
  mkdir -p "$work/vsftpd-empty"
  cat > "$work/vsftpd.conf" <<CONF
listen=YES
listen_ipv6=NO
listen_address=127.0.0.1
listen_port=$vsftpd_port
background=NO
anonymous_enable=NO
local_enable=YES
write_enable=YES
local_umask=022
local_root=$work/files/vsftpd
chroot_local_user=YES
allow_writeable_chroot=YES
pam_service_name=cgftp-bench
secure_chroot_dir=$work/vsftpd-empty
seccomp_sandbox=NO
max_clients=0
max_per_ip=0
pasv_min_port=13000
pasv_max_port=15999
connect_from_port_20=NO
ssl_enable=YES
rsa_cert_file=$work/cert.pem
rsa_private_key_file=$work/key.pem
allow_anon_ssl=NO
force_local_data_ssl=NO
force_local_logins_ssl=NO
require_ssl_reuse=NO
ssl_ciphers=HIGH
xferlog_enable=NO
dirmessage_enable=NO
idle_session_timeout=900
data_connection_timeout=300
delay_failed_login=1
CONF
  "$work/peers/usr/sbin/vsftpd" "$work/vsftpd.conf" >"$work/vsftpd.log" 2>&1 &
  vsftpd_pid=$!
  wait_for_port "$vsftpd_port" 20
}

start_pure_ftpd() {
  # -L raises the listing limit (10,000 entries by default, silently truncated) like every other limit here.
  "$work/peers/usr/sbin/pure-ftpd" -S "127.0.0.1,$pure_port" -l unix -E -A -H -c 20000 -C 20000 -L 100000:8 \
    -p 16000:18999 -Y 1 -2 "$work/cert.pem,$work/key.pem" -I 15 -U 133:022 >"$work/pure-ftpd.log" 2>&1 &
  pure_pid=$!
  wait_for_port "$pure_port" 20
}
