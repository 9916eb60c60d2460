"""Command line: parse notices from files, folders or stdin.

    govnotice notice1.txt notice2.txt > notices.jsonl
    govnotice crawl/ --table metrics --format csv -o metrics.csv
    govnotice pages.parquet --column body --table districts --format parquet -o districts.parquet
    cat notice.txt | govnotice -

Inputs are ``.txt`` files (one notice each), ``.jsonl`` files (one notice per
line, in a ``text`` field or the field ``--column`` names), ``.parquet`` files
(the ``--column`` column, default ``text``) and folders holding such files.
Without ``--table`` each notice is written as one JSON object; with it, one of
the tidy tables of ``govnotice.frames``, keyed by an ``id`` column naming the
input (``file``, ``file:line`` or ``file:row``).
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence, TextIO

import govnotice

SUFFIXES = (".txt", ".jsonl", ".parquet")


class InputError(Exception):
    """An input that cannot be read; reported, and the others still parse."""


def _files(paths: Sequence[str]) -> Iterator[str]:
    for path in paths:
        if path != "-" and Path(path).is_dir():
            found = sorted(p for p in Path(path).rglob("*") if p.suffix in SUFFIXES and p.is_file())
            yield from (str(p) for p in found)
        else:
            yield path


def _records(path: str, column: str) -> Iterator[tuple[str, Any]]:
    """(id, text) for every notice in one input; text may be bytes or None."""
    if path == "-":
        yield "-", sys.stdin.buffer.read()
        return
    suffix = Path(path).suffix
    try:
        if suffix == ".jsonl":
            with open(path, encoding="utf-8") as handle:
                for number, line in enumerate(handle, start=1):
                    if line.strip():
                        record = json.loads(line)
                        yield f"{path}:{number}", record.get(column) if isinstance(record, dict) else None
        elif suffix == ".parquet":
            import pyarrow.parquet as pq

            texts = pq.read_table(path, columns=[column]).column(column).to_pylist()
            for row, text in enumerate(texts):
                yield f"{path}:{row}", text
        else:
            with open(path, "rb") as handle:
                yield path, handle.read()
    except (OSError, ValueError, KeyError) as err:
        raise InputError(f"{path}: {err}") from err


def _read_all(paths: Sequence[str], column: str, prog: str) -> tuple[list[str], list[Any], int]:
    ids: list[str] = []
    texts: list[Any] = []
    status = 0
    for path in _files(paths):
        try:
            for record_id, text in _records(path, column):
                ids.append(record_id)
                texts.append(text)
        except InputError as err:
            print(f"{prog}: {err}", file=sys.stderr)
            status = 1
    return ids, texts, status


def _write_notices(
    ids: list[str], texts: list[Any], args: argparse.Namespace, out: TextIO, prog: str
) -> int:
    status = 0
    readable: list[tuple[str, str]] = []
    for record_id, text in zip(ids, texts):
        if isinstance(text, bytes):
            try:
                text = text.decode("utf-8-sig")
            except UnicodeDecodeError as err:
                print(f"{prog}: {record_id}: not UTF-8: invalid byte at byte offset {err.start}", file=sys.stderr)
                status = 1
                continue
        if not isinstance(text, str):
            print(f"{prog}: {record_id}: no text", file=sys.stderr)
            status = 1
            continue
        readable.append((record_id, text))
    notices = govnotice.parse_many(
        [text for _, text in readable],
        base_date=args.base_date,
        region=args.region,
        progress=args.progress,
    )
    for (record_id, _), notice in zip(readable, notices):
        record = {"file": record_id, **notice.to_dict()}
        out.write(json.dumps(record, ensure_ascii=False, indent=args.indent, default=str) + "\n")
    return status


def _write_table(ids: list[str], texts: list[Any], args: argparse.Namespace, out: Optional[TextIO]) -> None:
    import pandas as pd

    series = pd.Series(texts, index=pd.Index(ids, name="id"), dtype=object)
    table = govnotice.frames(series, base_date=args.base_date, region=args.region, progress=args.progress)[args.table]
    table = table.reset_index()
    if args.format == "parquet":
        table.to_parquet(args.output)
    elif args.format == "csv":
        table.to_csv(args.output or out, index=False)
    else:
        table.to_json(args.output or out, orient="records", lines=True, force_ascii=False, date_format="iso")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govnotice",
        description="Parse Chinese government notices into JSON Lines, CSV or Parquet.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {govnotice.__version__}")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt, .jsonl or .parquet files, folders of them, or '-' for stdin")
    parser.add_argument("--table", choices=govnotice.TABLES, help="write this tidy table instead of one JSON object per notice")
    parser.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl", help="output format (default jsonl)")
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (default stdout; required for parquet)")
    parser.add_argument("--column", default="text", help="the text field of .jsonl and .parquet inputs (default text)")
    parser.add_argument("--base-date", metavar="YYYY-MM-DD", help="date that relative dates resolve against")
    parser.add_argument("--region", help="home region that ambiguous district names lean towards")
    parser.add_argument("--indent", type=int, default=None, help="pretty-print JSON with this indent")
    parser.add_argument("--progress", action="store_true", help="show a progress bar on stderr")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the process exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    # JSON Lines and CSV out are UTF-8 wherever the console's encoding is
    # another (Windows' code pages cannot write the Chinese they hold).
    if isinstance(sys.stdout, io.TextIOWrapper) and sys.stdout.encoding.lower() not in ("utf-8", "utf8"):
        sys.stdout.reconfigure(encoding="utf-8")
    if args.format == "parquet" and not args.output:
        parser.error("--format parquet needs -o OUT")
    if args.format != "jsonl" and not args.table:
        parser.error(f"--format {args.format} needs --table")

    ids, texts, status = _read_all(args.inputs, args.column, parser.prog)
    try:
        if args.table:
            _write_table(ids, texts, args, sys.stdout)
        elif args.output:
            with open(args.output, "w", encoding="utf-8") as out:
                status |= _write_notices(ids, texts, args, out, parser.prog)
        else:
            status |= _write_notices(ids, texts, args, sys.stdout, parser.prog)
    except (ValueError, TypeError) as err:
        print(f"{parser.prog}: {err}", file=sys.stderr)
        return 2
    return status


if __name__ == "__main__":
    sys.exit(main())
