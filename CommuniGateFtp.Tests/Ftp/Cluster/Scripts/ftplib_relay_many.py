"""Many sessions at once, each from an address of its own (127.0.0.10 and up), on a few shared passive ports: control
on one node, data dialled on the other, each session uploading and downloading one file byte-exact. Prints OK or raises."""
import ftplib, hashlib, io, os, sys, threading

node_a, node_b, port, user, password, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], int(sys.argv[6])
errors = []


def session(i):
    control, data_host = (node_a, node_b) if i % 2 == 0 else (node_b, node_a)

    class Balanced(ftplib.FTP):
        def makepasv(self):
            _, dport = super().makepasv()
            return data_host, dport

    try:
        ftp = Balanced(source_address=(f"127.0.0.{10 + i}", 0))
        ftp.connect(control, port, timeout=60)
        ftp.login(user, password)
        payload = os.urandom(256 * 1024 + i)
        name = f"many-{i}.bin"
        ftp.storbinary(f"STOR {name}", io.BytesIO(payload))
        back = bytearray()
        ftp.retrbinary(f"RETR {name}", back.extend)
        assert hashlib.sha256(back).digest() == hashlib.sha256(payload).digest(), f"session {i}: bytes differ"
        ftp.quit()
    except Exception as e:  # noqa: BLE001 - every failure is reported
        errors.append(f"session {i}: {e!r}")


threads = [threading.Thread(target=session, args=(i,)) for i in range(count)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert not errors, "\n".join(errors)
print("OK")
