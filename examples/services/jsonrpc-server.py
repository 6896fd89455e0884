#!/usr/bin/env python3
"""A JSON-RPC 2.0 server on stdio (one message per line, as MCP and the Codex app-server
speak; `--framing content-length` for LSP's framing), Python stdlib only.

Method `orders.create`, params an order: the result `{"status": "created"}`, or error
-32602 (invalid params) when its own rules refuse the order. The planted bug: it ignores keys
it does not know, so an order with an extra key is taken although order.schema.json says
`additionalProperties: false` (a false accept). `--correct` follows the schema exactly. It sends
a notification before each answer, which clients must skip.

    python3 examples/services/jsonrpc-server.py [--correct] [--framing lines|content-length]
"""
import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from order_rules import check_order  # noqa: E402

INVALID_PARAMS = -32602
METHOD_NOT_FOUND = -32601
PARSE_ERROR = -32700


def read_lines(stream):
    for line in stream:
        if line.strip():
            yield line


def read_content_length(stream):
    while True:
        length = None
        while True:
            header = stream.readline()
            if not header:
                return
            header = header.strip()
            if not header:
                break
            name, _, value = header.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        yield stream.read(length)


def writer(framing):
    def write(message):
        data = json.dumps(message).encode()
        if framing == "content-length":
            sys.stdout.buffer.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        else:
            sys.stdout.buffer.write(data + b"\n")
        sys.stdout.buffer.flush()

    return write


def answer(request, correct):
    if request.get("method") != "orders.create":
        return {"error": {"code": METHOD_NOT_FOUND, "message": "no such method"}}
    reason = check_order(request.get("params"), ignore_unknown_keys=not correct)
    if reason is not None:
        return {"error": {"code": INVALID_PARAMS, "message": reason}}
    return {"result": {"status": "created"}}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--correct", action="store_true", help="follow order.schema.json exactly")
    parser.add_argument("--framing", choices=["lines", "content-length"], default="lines")
    args = parser.parse_args()
    write = writer(args.framing)
    messages = read_content_length(sys.stdin.buffer) if args.framing == "content-length" else read_lines(sys.stdin.buffer)
    for raw in messages:
        try:
            request = json.loads(raw)
        except ValueError as e:
            write({"jsonrpc": "2.0", "id": None, "error": {"code": PARSE_ERROR, "message": str(e)}})
            continue
        if "id" not in request:
            continue  # a notification of the client's: nothing to answer
        write({"jsonrpc": "2.0", "method": "orders/progress", "params": {"id": request["id"]}})
        write({"jsonrpc": "2.0", "id": request["id"], **answer(request, args.correct)})


if __name__ == "__main__":
    main()
