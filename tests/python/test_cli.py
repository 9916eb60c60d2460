"""The command line: files and stdin to JSON Lines."""

from __future__ import annotations

import json
import os
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


def test_folders_jsonl_and_a_table_as_csv(tmp_path: Path) -> None:
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "a.txt").write_text("上海市宝山区园区年报\n\n园区已入驻企业420余家。\n", encoding="utf-8")
    lines = [
        json.dumps({"text": "普陀区通知\n\n上海市普陀区新建助餐点15个。"}, ensure_ascii=False),
        json.dumps({"text": None}),
    ]
    (folder / "b.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "metrics.csv"
    result = run(str(folder), "--table", "metrics", "--format", "csv", "-o", str(out))
    assert result.returncode == 0, result.stderr
    import pandas as pd

    table = pd.read_csv(out)
    assert list(table["id"]) == [str(folder / "a.txt"), f"{folder / 'b.jsonl'}:1"]
    assert list(table["value"]) == [420.0, 15.0]
    assert list(table["unit"]) == ["家", "个"]


def test_parquet_in_and_out(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    source = tmp_path / "pages.parquet"
    pq.write_table(pa.table({"body": ["上海市宝山区通知\n\n宝山区吴淞街道举办活动。"]}), source)
    out = tmp_path / "districts.parquet"
    result = run(str(source), "--column", "body", "--table", "districts", "--format", "parquet", "-o", str(out))
    assert result.returncode == 0, result.stderr
    codes = pq.read_table(out).column("code").to_pylist()
    assert "310113" in codes and "310113007" in codes


def test_parquet_needs_an_output_file(tmp_path: Path) -> None:
    result = run("x.txt", "--table", "metrics", "--format", "parquet")
    assert result.returncode == 2
    assert "needs -o" in result.stderr.decode("utf-8")


def test_output_is_utf8_whatever_the_console_encoding(tmp_path: Path) -> None:
    # A Windows console's code page (cp1252 here) cannot encode Chinese.
    notice = tmp_path / "a.txt"
    notice.write_text("标题一\n\n正文一。\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "govnotice", str(notice)],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "cp1252"},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.decode("utf-8"))["title"] == "标题一"
