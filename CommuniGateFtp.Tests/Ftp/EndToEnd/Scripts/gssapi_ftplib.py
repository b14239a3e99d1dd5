"""An independent RFC 2228 client: MIT's GSSAPI through python3-gssapi, Python's ftplib for the protocol.

Usage: gssapi_ftplib.py PORT USER EXPECTED_USER_REPLY
Logs in with AUTH GSSAPI/ADAT, then (when USER gets 232) uploads and downloads under PROT P and PROT S, lists, and
checks every byte. Prints OK at the end. Written apart from the server and the .NET test client on purpose: a misreading
of RFC 2228 shared by those two cannot pass here.
"""
import base64
import ftplib
import os
import struct
import sys

import gssapi

port, user, expected = int(sys.argv[1]), sys.argv[2], sys.argv[3]


class GssapiFTP(ftplib.FTP):
    ctx = None
    encrypt = True

    def putline(self, line):
        if self.ctx is not None and self.ctx.complete:
            token = self.ctx.wrap((line + "\r\n").encode(), self.encrypt).message
            line = ("ENC " if self.encrypt else "MIC ") + base64.b64encode(token).decode()
        super().putline(line)

    def getline(self):
        line = super().getline()
        if line[:2] == "63" and self.ctx is not None:
            plain = self.ctx.unwrap(base64.b64decode(line[4:])).message.decode()
            return plain.rstrip("\r\n")
        return line


def read_exactly(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise EOFError("data connection closed inside a block")
        data += chunk
    return data


def download(ftp, command, private):
    conn = ftp.transfercmd(command)
    out = bytearray()
    while True:
        (length,) = struct.unpack(">I", read_exactly(conn, 4))
        unwrapped = ftp.ctx.unwrap(read_exactly(conn, length))
        assert unwrapped.encrypted == private, "protection level of the data"
        if not unwrapped.message:
            break
        out += unwrapped.message
    conn.close()
    ftp.voidresp()
    return bytes(out)


def upload(ftp, command, data, private, block=65536):
    conn = ftp.transfercmd(command)
    for offset in range(0, len(data), block):
        token = ftp.ctx.wrap(data[offset:offset + block], private).message
        conn.sendall(struct.pack(">I", len(token)) + token)
    token = ftp.ctx.wrap(b"", private).message
    conn.sendall(struct.pack(">I", len(token)) + token)
    conn.close()
    ftp.voidresp()


ftp = GssapiFTP()
ftp.connect("127.0.0.1", port, timeout=30)
assert ftp.sendcmd("AUTH GSSAPI").startswith("334")
service = gssapi.Name("ftp@localhost", gssapi.NameType.hostbased_service)
flags = [gssapi.RequirementFlag.mutual_authentication, gssapi.RequirementFlag.integrity,
         gssapi.RequirementFlag.confidentiality, gssapi.RequirementFlag.out_of_sequence_detection]
ftp.ctx = gssapi.SecurityContext(name=service, usage="initiate", flags=flags)
reply = ftp.sendcmd("ADAT " + base64.b64encode(ftp.ctx.step()).decode())
assert reply.startswith("235 ADAT="), reply
ftp.ctx.step(base64.b64decode(reply[9:]))
assert ftp.ctx.complete, "mutual authentication"

assert ftp.sendcmd("PBSZ 1048576") == "200 PBSZ=1048576"
ftp.sendcmd("PROT P")
reply = ftp.sendcmd("USER " + user)  # ENC from here on, as curl does after PROT P
assert reply.startswith(expected), reply
if expected == "232":
    ftp.voidcmd("TYPE I")
    data = os.urandom(3_000_001)
    upload(ftp, "STOR python.bin", data, True)
    assert download(ftp, "RETR python.bin", True) == data, "PROT P round trip"
    assert "python.bin" in download(ftp, "NLST", True).decode()
    ftp.encrypt = False
    ftp.sendcmd("PROT S")
    upload(ftp, "STOR python-s.bin", data[:100_000], False, block=30_000)
    assert download(ftp, "RETR python-s.bin", False) == data[:100_000], "PROT S round trip"
    try:
        ftp.sendcmd("PROT E")
        raise AssertionError("PROT E must be refused")
    except ftplib.error_perm as refused:
        assert str(refused).startswith("536"), refused
ftp.quit()
print("OK")
