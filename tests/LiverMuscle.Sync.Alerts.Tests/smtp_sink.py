"""A real SMTP server for tests: aiosmtpd on 127.0.0.1:PORT, each message saved to DIR as N.eml, with N.rcpt (one
envelope recipient per line) and N.meta (whether the session used TLS, who logged in). With CERT KEY USER PASSWORD it
requires STARTTLS and AUTH. Runs until its standard input closes."""
import os
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class SaveToDirectory:
    def __init__(self, directory):
        self.directory = directory

    async def handle_DATA(self, server, session, envelope):
        base = os.path.join(self.directory, str(time.time_ns()))
        with open(base + ".rcpt", "w", encoding="utf-8") as f:
            f.write("\n".join(envelope.rcpt_tos))
        auth = getattr(session, "auth_data", None)
        login = auth.login.decode() if session.authenticated and isinstance(auth, LoginPassword) else ""
        with open(base + ".meta", "w", encoding="utf-8") as f:
            f.write(f"tls={'yes' if session.ssl else 'no'}\nlogin={login}\n")
        with open(base + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(base + ".tmp", base + ".eml")
        return "250 Message accepted"


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    options = {}
    if len(sys.argv) > 3:
        cert, key, user, password = sys.argv[3:7]
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)

        def authenticate(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
            return AuthResult(success=ok, handled=False, auth_data=auth_data)

        options = dict(tls_context=context, require_starttls=True, authenticator=authenticate, auth_required=True, auth_require_tls=True)
    controller = Controller(SaveToDirectory(directory), hostname="127.0.0.1", port=port, **options)
    controller.start()
    print("ready", flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main()
