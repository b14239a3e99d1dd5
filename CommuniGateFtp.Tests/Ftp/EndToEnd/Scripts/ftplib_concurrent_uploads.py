"""N ftplib sessions upload at the same moment; prints one JSON object: the final reply (or error) of each session.

Modes: `appe NAME` (all append to NAME), `stor NAME` (all store NAME), `many PREFIX` (each stores PREFIX-i).
Session i sends SIZE bytes of the pattern "iiii" (its number, four digits, repeated), so a test can tell whose bytes
are where and whether each upload's bytes lie together.
"""
import ftplib, io, json, sys, threading

port, user, password, count, size, mode, name = (int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]),
                                                  int(sys.argv[5]), sys.argv[6], sys.argv[7])
start = threading.Barrier(count)
replies = {}

def pattern(i):
    return (f"{i:04d}" * (size // 4 + 1)).encode()[:size]

def session(i):
    try:
        ftp = ftplib.FTP()
        ftp.connect("127.0.0.1", port, timeout=120)
        ftp.login(user, password)
        verb, target = {"appe": ("APPE", name), "stor": ("STOR", name), "many": ("STOR", f"{name}-{i}")}[mode]
        start.wait()
        replies[i] = ftp.storbinary(f"{verb} {target}", io.BytesIO(pattern(i)))[:3]
        ftp.quit()
    except ftplib.Error as e:
        replies[i] = str(e)[:3]
    except Exception as e:  # noqa: BLE001 - a reset or timeout is an answer the test rejects
        replies[i] = f"error: {e!r}"

threads = [threading.Thread(target=session, args=(i,)) for i in range(count)]
for t in threads: t.start()
for t in threads: t.join()
print(json.dumps({str(i): replies.get(i, "none") for i in range(count)}))
