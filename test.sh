#!/usr/bin/env bash
# The test command (README): installs what the tests need when it is missing, then builds and runs every test.
# Needs: PostgreSQL server binaries, Chromium, curl, lftp, Python 3, MIT Kerberos (KDC, admin, user tools, python3-gssapi)
# (Debian packages), the .NET 10 SDK.
set -euo pipefail
cd "$(dirname "$0")"

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v lftp >/dev/null 2>&1 || need+=(lftp)
command -v python3 >/dev/null 2>&1 || need+=(python3)
# GSSAPI tests: a throwaway KDC (krb5kdc, kadmin.local, kinit) and an independent client on MIT's GSSAPI bindings.
[ -x /usr/sbin/krb5kdc ] || need+=(krb5-kdc)
[ -x /usr/sbin/kadmin.local ] || need+=(krb5-admin-server)
[ -x /usr/bin/kinit ] || need+=(krb5-user)
/usr/bin/python3 -c 'import gssapi' >/dev/null 2>&1 || need+=(python3-gssapi)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo); else sudo=(); fi
  if [ "$(id -u)" = 0 ] || [ ${#sudo[@]} -gt 0 ]; then
    echo "Installing test prerequisites: ${need[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "Missing ${need[*]} and no way to install them: the tests that need them will be skipped." >&2
  fi
fi

dotnet tool restore >/dev/null
dotnet build CommuniGateFtp.sln -c Release -warnaserror -nologo -clp:ErrorsOnly
find . -path '*/TestResults/results.trx' -delete
rc=0
dotnet test CommuniGateFtp.sln -c Release --no-build --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" || rc=$?

passed=0; failed=0; skipped=0
for f in */TestResults/results.trx; do
  [ -f "$f" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$f")
  count() { sed -E "s/.* $1=\"([0-9]+)\".*/\\1/" <<<"$counters"; }
  passed=$((passed + $(count passed))); failed=$((failed + $(count failed)))
  skipped=$((skipped + $(count notExecuted)))
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$passed" -gt 0 ] || { echo "no test ran" >&2; exit 1; }
exit $rc
