"""The Spark recipe, run on PySpark in local mode when PySpark and Java are present."""

from __future__ import annotations

import shutil
import sys

import pytest

import govnotice
from govnotice import spark as gs

pyspark = pytest.importorskip("pyspark.sql")
if shutil.which("java") is None:
    pytest.skip("Java is not installed; PySpark cannot start", allow_module_level=True)


def test_schema_names_every_column() -> None:
    ddl = gs.schema("metrics", id_column="id")
    assert ddl.startswith("id bigint, `match` bigint, text string")
    assert "value double" in ddl and "date_start date" in ddl


def test_map_in_arrow_matches_frames(
    sample_notices: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = list(sample_notices.values())
    # Spark's Python workers start `python` from PATH unless told otherwise;
    # this interpreter is the one with govnotice installed.
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    session = (
        pyspark.SparkSession.builder.master("local[2]")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "2")
        .getOrCreate()
    )
    try:
        df = session.createDataFrame([(i * 10, t) for i, t in enumerate(texts)], "id bigint, text string")
        rows = (
            df.mapInArrow(gs.map_in_arrow("metrics"), gs.schema("metrics"))
            .select("id", "match", "text", "value", "unit")
            .collect()
        )
    finally:
        session.stop()
    got = sorted((r["id"], r["match"], r["text"], r["value"], r["unit"]) for r in rows)
    expected_frame = govnotice.frames(texts)["metrics"]
    expected = sorted(
        (position * 10, int(m), t, v, str(u))
        for position, m, t, v, u in zip(
            expected_frame.index, expected_frame["match"], expected_frame["text"], expected_frame["value"], expected_frame["unit"]
        )
    )
    assert got == expected and len(got) > 10
