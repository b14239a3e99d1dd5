"""N ftplib sessions at once, each uploading and downloading its own random file; prints the count when all match."""
import ftplib, io, os, sys, threading

port, user, password, count = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
errors = []

def session(i):
    try:
        data = os.urandom(512 * 1024 + i)
        ftp = ftplib.FTP()
        ftp.connect("127.0.0.1", port, timeout=60)
        ftp.login(user, password)
        ftp.storbinary(f"STOR parallel-{i}.bin", io.BytesIO(data))
        back = bytearray()
        ftp.retrbinary(f"RETR parallel-{i}.bin", back.extend)
        ftp.quit()
        if bytes(back) != data:
            errors.append(f"session {i}: {len(back)} bytes back, {len(data)} sent")
    except Exception as e:  # noqa: BLE001 - every failure is reported
        errors.append(f"session {i}: {e!r}")

threads = [threading.Thread(target=session, args=(i,)) for i in range(count)]
for t in threads: t.start()
for t in threads: t.join()
if errors:
    print("\n".join(errors)); sys.exit(1)
print(f"{count} sessions byte-exact")
