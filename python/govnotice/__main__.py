"""Command line: parse notice files (or stdin) to JSON Lines.

    python -m govnotice notice1.txt notice2.txt > notices.jsonl
    cat notice.txt | govnotice -
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

import govnotice


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit status."""
    parser = argparse.ArgumentParser(
        prog="govnotice",
        description="Parse Chinese government notices into JSON Lines, one object per notice.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files; '-' reads stdin")
    parser.add_argument("--base-date", metavar="YYYY-MM-DD", help="date that relative dates resolve against")
    parser.add_argument("--region", help="home region that ambiguous district names lean towards")
    parser.add_argument("--indent", type=int, default=None, help="pretty-print with this indent")
    args = parser.parse_args(argv)

    status = 0
    for path in args.files:
        try:
            data = sys.stdin.buffer.read() if path == "-" else _read_bytes(path)
            notice = govnotice.parse(data, base_date=args.base_date, region=args.region)
        except (OSError, ValueError) as err:
            # One unreadable file must not stop the others.
            print(f"{parser.prog}: {path}: {err}", file=sys.stderr)
            status = 1
            continue
        record = {"file": path, **notice.to_dict()}
        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=args.indent) + "\n")
    return status


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


if __name__ == "__main__":
    sys.exit(main())
