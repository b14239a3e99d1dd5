"""The test plays the load balancer: the control connection goes to one node, every passive data connection to the
other (same port numbers, another address), so each transfer is relayed between the nodes. Uploads and downloads
files of the given sizes byte-exact, in clear or under TLS PROT P; with 'theft', first checks that a data connection
from another address is refused by both nodes. Prints OK or raises."""
import ftplib, hashlib, io, os, socket, ssl, sys

control, data_host, port, user, password, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
sizes = [int(s) for s in sys.argv[7].split(",")]
source = sys.argv[8] if len(sys.argv) > 8 else None


class Balanced(ftplib.FTP_TLS):
    """PASV/EPSV answers name a port; this client dials it on the other node, as a balancer without affinity may."""

    def makepasv(self):
        _, dport = super().makepasv()
        return data_host, dport


context = ssl.create_default_context()
context.check_hostname = False
context.verify_mode = ssl.CERT_NONE
ftp = Balanced(context=context, source_address=(source, 0) if source else None)
ftp.connect(control, port, timeout=60)
if mode == "tls":
    ftp.auth()
    ftp.login(user, password)
    ftp.prot_p()
else:
    ftplib.FTP.login(ftp, user, password)

if "theft" in sys.argv[9:]:
    _, dport = ftp.makepasv()
    for node in (control, data_host):
        thief = socket.create_connection((node, dport), source_address=("127.0.0.7", 0), timeout=10)
        try:
            assert thief.recv(1) == b"", f"{node} served a data connection from another address"
        except ConnectionResetError:
            pass
        thief.close()
    ftp.voidcmd("NOOP")

for size in sizes:
    payload = os.urandom(size)
    name = f"relay-{mode}-{size}-{os.getpid()}.bin"
    assert ftp.storbinary(f"STOR {name}", io.BytesIO(payload)).startswith("226")
    digest = hashlib.sha256()
    got = [0]

    def take(chunk):
        digest.update(chunk)
        got[0] += len(chunk)

    assert ftp.retrbinary(f"RETR {name}", take, blocksize=1 << 20).startswith("226")
    assert got[0] == size and digest.digest() == hashlib.sha256(payload).digest(), f"{name}: bytes differ"
    ftp.delete(name)
ftp.quit()
print("OK")
