#!/usr/bin/env python3
"""An order service on loopback (Python stdlib only) whose parser is stricter than its schema.

POST /orders with an order as the JSON body: 201 when it is taken, 422 when it is refused,
400 when the body is not JSON. The planted strictness: `quantity` is stored in a 32-bit
column, so an order with a quantity above 2^31-1 is refused although order.schema.json allows
any integer from 1. `--correct` follows the schema exactly.

    python3 examples/services/strict-http.py [--port 0] [--correct]

prints `listening on http://127.0.0.1:PORT/orders` once it accepts connections (port 0: any
free port), then serves until killed.
"""
import argparse
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from order_rules import check_order  # noqa: E402


def handler(correct):
    class OrderHandler(BaseHTTPRequestHandler):
        def do_POST(self):
            if self.path != "/orders":
                return self.answer(404, {"error": "no such resource"})
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                order = json.loads(body)
            except ValueError as e:
                return self.answer(400, {"error": "not JSON: %s" % e})
            reason = check_order(order, int32_quantity=not correct)
            if reason is not None:
                return self.answer(422, {"error": reason})
            return self.answer(201, {"status": "created"})

        def answer(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    return OrderHandler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--correct", action="store_true", help="follow order.schema.json exactly")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler(args.correct))
    print("listening on http://127.0.0.1:%d/orders" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
