"""ftplib over explicit TLS: PROT P and PROT C transfers, active mode, CCC, AUTH SSL implying PROT P, and a data
connection that never completes its handshake (425). Prints OK or raises."""
import ftplib, io, socket, ssl, sys

port, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
context = ssl.create_default_context()
context.check_hostname = False
context.verify_mode = ssl.CERT_NONE

ftp = ftplib.FTP_TLS(context=context)
ftp.connect("127.0.0.1", port, timeout=30)
assert ftp.auth().startswith("234")
ftp.login(user, password)
assert ftp.prot_p().startswith("200")
data = bytes(range(256)) * 2048
ftp.storbinary("STOR private.bin", io.BytesIO(data))
back = bytearray()
ftp.retrbinary("RETR private.bin", back.extend)
assert bytes(back) == data, "PROT P round trip"
assert "data protection: private" in ftp.sendcmd("STAT")
ftp.set_pasv(False)  # active mode (EPRT/PORT), still PROT P
active = bytearray()
ftp.retrbinary("RETR private.bin", active.extend)
assert bytes(active) == data, "PROT P active round trip"
ftp.storbinary("STOR active-up.bin", io.BytesIO(data))
ftp.set_pasv(True)
assert ftp.prot_c().startswith("200")
clear = bytearray()
ftp.retrbinary("RETR private.bin", clear.extend)
assert bytes(clear) == data, "PROT C round trip"
try:
    ftp.sendcmd("PROT S")
    raise AssertionError("PROT S must be refused")
except ftplib.error_perm as e:
    assert str(e).startswith("536"), e

# A data connection that never completes its TLS handshake: 425, and the session goes on.
ftp.prot_p()
host, dport = ftp.makepasv()
ftp.putcmd("LIST")
raw = socket.create_connection((host, dport))
assert ftp.getresp().startswith("150")
try:
    ftp.getresp()
    raise AssertionError("a stalled data handshake must end with 425")
except ftplib.error_temp as e:
    assert str(e).startswith("425"), e
raw.close()
assert ftp.voidcmd("NOOP").startswith("200")

# CCC (allowed in this server's settings): the control connection goes clear, data stays private.
assert " CCC" in ftp.sendcmd("FEAT")
assert ftp.ccc().startswith("200")
assert ftp.pwd() == "/"
assert "Control connection: clear; data protection: private" in ftp.sendcmd("STAT")
after = bytearray()
ftp.retrbinary("RETR private.bin", after.extend)
assert bytes(after) == data, "PROT P after CCC"
ftp.quit()

# AUTH SSL and AUTH TLS-P also switch data protection to private (TLS-LEGACY); AUTH TLS-C and STLS do not.
for command, private in (("AUTH SSL", True), ("AUTH TLS-P", True), ("AUTH TLS-C", False), ("STLS", False)):
    legacy = ftplib.FTP_TLS(context=context)
    legacy.connect("127.0.0.1", port, timeout=30)
    assert legacy.sendcmd(command).startswith("234"), command
    legacy.sock = context.wrap_socket(legacy.sock, server_hostname="localhost")
    legacy.file = legacy.sock.makefile("r", encoding=legacy.encoding)
    legacy.login(user, password)
    assert ("data protection: private" in legacy.sendcmd("STAT")) == private, command
    legacy._prot_p = private  # no PBSZ/PROT sent: the server must already do what the mechanism implies
    back = bytearray()
    legacy.retrbinary("RETR private.bin", back.extend)
    assert bytes(back) == data, command
    legacy.quit()
print("OK")
