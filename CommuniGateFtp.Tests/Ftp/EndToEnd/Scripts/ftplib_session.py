"""A scripted ftplib session: MLSD, REST, ABOR, TYPE A, rename, delete. Prints OK or raises."""
import ftplib, io, socket, sys

port, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
ftp = ftplib.FTP()
ftp.connect("127.0.0.1", port, timeout=30)
ftp.login(user, password)
assert ftp.pwd() == "/", ftp.pwd()

assert ftp.sendcmd("MKD py dir") == "257 \"/py dir\" created"
ftp.cwd("py dir")
assert ftp.pwd() == "/py dir"

# TYPE A: LF on disk becomes CRLF on the wire and back
ftp.storlines("STOR text.txt", io.BytesIO(b"one\ntwo\nthree\n"))
lines = []
ftp.retrlines("RETR text.txt", lines.append)
assert lines == ["one", "two", "three"], lines
ftp.voidcmd("TYPE A")
assert ftp.sendcmd("SIZE text.txt") == "213 17", "ASCII size counts CRLF"
ftp.voidcmd("TYPE I")
assert ftp.size("text.txt") == 14

# binary upload, REST download of the tail
data = bytes(range(256)) * 4096
ftp.storbinary("STOR data.bin", io.BytesIO(data))
tail = bytearray()
ftp.retrbinary("RETR data.bin", tail.extend, rest=1000)
assert bytes(tail) == data[1000:], "REST then RETR sends the tail"

# MLSD facts
entries = dict(ftp.mlsd())
assert entries["."]["type"] == "cdir"
assert entries["data.bin"]["type"] == "file" and int(entries["data.bin"]["size"]) == len(data)
assert "r" in entries["data.bin"]["perm"]
assert ftp.sendcmd("MLST data.bin").startswith("250-")

# MDTM / MFMT
assert ftp.sendcmd("MFMT 20200102030405 data.bin") == "213 Modify=20200102030405; data.bin"
assert ftp.sendcmd("MDTM data.bin") == "213 20200102030405"

# ABOR during a download, the way ftplib sends it (Telnet IP + Synch, ABOR as urgent data): 426 then 226
big = b"x" * (32 * 1024 * 1024)
ftp.storbinary("STOR big.bin", io.BytesIO(big))
conn = ftp.transfercmd("RETR big.bin")
conn.recv(65536)
first = ftp.abort()
conn.close()
assert first.startswith("426"), first
assert ftp.getresp().startswith("226")
assert ftp.voidcmd("NOOP").startswith("200")

# rename and delete
ftp.rename("data.bin", "renamed.bin")
assert "renamed.bin" in ftp.nlst()
ftp.delete("renamed.bin")
try:
    ftp.delete("renamed.bin")
    raise AssertionError("deleting a missing file must fail")
except ftplib.error_perm as e:
    assert str(e).startswith("550"), e
ftp.cwd("/")
try:
    ftp.rmd("py dir")
    raise AssertionError("non-empty directory must not be removed")
except ftplib.error_perm as e:
    assert str(e).startswith("550"), e
print(ftp.quit())
print("OK")
