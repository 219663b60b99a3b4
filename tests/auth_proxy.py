"""A token-checking reverse proxy in front of `chroma run`, for the tests.

Chroma 1.x's server (`chroma run`) checks no credentials itself: a deployment that needs them puts a
proxy in front that does (nginx, Caddy, a cloud gateway), and clients send the token the way Chroma's
token auth sends it. This stands in for that proxy, the one part of such a deployment that is not
installed here. It accepts "Authorization: Bearer <token>" or "X-Chroma-Token: <token>", answers
anything else with 401, and forwards the rest unchanged.

    python -m tests.auth_proxy --upstream 8000 --port 8001 --token TOKEN
"""

from __future__ import annotations

import argparse
import http.client
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "host"}


def handler(upstream: int, token: str) -> type[BaseHTTPRequestHandler]:
    class Proxy(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _forward(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            sent = {self.headers.get("Authorization", ""), "Bearer " + self.headers.get("X-Chroma-Token", "")}
            if f"Bearer {token}" not in sent:
                reply = b"Unauthorized"
                self.send_response(401)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)
                return
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
            connection = http.client.HTTPConnection("127.0.0.1", upstream, timeout=120)
            try:
                connection.request(self.command, self.path, body=body, headers=headers)
                response = connection.getresponse()
                data = response.read()
            finally:
                connection.close()
            self.send_response(response.status)
            for key, value in response.getheaders():
                if key.lower() not in _HOP_BY_HOP and key.lower() != "content-length":
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _forward

        def log_message(self, format: str, *args: object) -> None:  # quiet: the tests read stderr
            return

    return Proxy


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--upstream", type=int, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--token", required=True)
    args = parser.parse_args()
    ThreadingHTTPServer(("127.0.0.1", args.port), handler(args.upstream, args.token)).serve_forever()


if __name__ == "__main__":
    main()
