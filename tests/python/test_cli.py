"""The command line: files and stdin to JSON Lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "govnotice", *args], input=stdin, capture_output=True, check=False
    )


def test_one_json_object_per_file(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    second = tmp_path / "b.txt"
    first.write_text("标题一\n\n正文一。\n", encoding="utf-8")
    second.write_text("标题二\n\n正文二。\n", encoding="utf-8")
    result = run(str(first), str(second))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["title"] for r in records] == ["标题一", "标题二"]
    assert records[0]["file"] == str(first)


def test_dash_reads_stdin() -> None:
    result = run("-", stdin="来自标准输入\n\n正文。".encode("utf-8"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "来自标准输入"


def test_a_bad_file_is_reported_and_the_rest_still_parse(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not utf-8")
    good = tmp_path / "good.txt"
    good.write_text("好标题\n\n正文。", encoding="utf-8")
    result = run(str(tmp_path / "missing.txt"), str(bad), str(good))
    assert result.returncode == 1
    stderr = result.stderr.decode("utf-8")
    assert "missing.txt" in stderr and "byte offset 0" in stderr
    records = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [r["title"] for r in records] == ["好标题"]
