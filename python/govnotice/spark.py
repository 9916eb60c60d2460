"""Spark: the tables of :func:`govnotice.frames` from a Spark DataFrame of texts.

``DataFrame.mapInArrow`` hands each executor batches of rows as Arrow record
batches; :func:`map_in_arrow` parses them (one thread per task: Spark already
runs tasks in parallel) and yields the rows of one table, keyed by an id
column carried over from the input::

    from govnotice import spark as gs

    metrics = df.select("id", "text").mapInArrow(
        gs.map_in_arrow("metrics", id_column="id"),
        gs.schema("metrics", id_column="id", id_type="bigint"),
    )
    metrics.groupBy("unit").sum("value").show()

Nothing needs to be broadcast: the parser's tables are compiled into the
extension module and load once per executor process. The path never touches
pandas, so it works whatever pandas version the cluster has.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator, Optional

from govnotice import _core

__all__ = ["map_in_arrow", "schema"]

# Spark SQL has no unsigned integers and reads dictionary columns as their values.
_SPARK_TYPES = {
    "uint64": "bigint",
    "uint32": "bigint",
    "string": "string",
    "large_string": "string",
    "double": "double",
    "date32[day]": "date",
    "bool": "boolean",
}


def _arrow_schema(name: str) -> Any:
    import pyarrow as pa

    return pa.table(_core.parse_batch([]).table(name)).schema


def _spark_type(arrow_type: Any) -> str:
    import pyarrow as pa

    if pa.types.is_dictionary(arrow_type):
        arrow_type = arrow_type.value_type
    return _SPARK_TYPES[str(arrow_type)]


def schema(name: str, id_column: str = "id", id_type: str = "bigint") -> str:
    """The Spark DDL schema of table ``name`` with the input's id column first.

    >>> schema("sources")
    'id bigint, `match` bigint, text string, start bigint, `end` bigint, name string, kind string, role string, district_code string'
    """
    fields = [f"{id_column} {id_type}"]
    for field in _arrow_schema(name):
        if field.name != "doc":
            # `match` and `end` are SQL keywords.
            quoted = f"`{field.name}`" if field.name in ("match", "end") else field.name
            fields.append(f"{quoted} {_spark_type(field.type)}")
    return ", ".join(fields)


def map_in_arrow(
    name: str,
    text_column: str = "text",
    id_column: str = "id",
    base_date: Any = None,
    region: Optional[str] = None,
) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """A function for ``DataFrame.mapInArrow`` that yields the rows of table
    ``name`` for the texts in ``text_column``, keyed by ``id_column``."""

    def parse_batches(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa
        import pyarrow.compute as pc

        for batch in batches:
            texts = batch.column(batch.schema.get_field_index(text_column)).to_pylist()
            ids = batch.column(batch.schema.get_field_index(id_column))
            parsed = _core.parse_batch(texts, base_date=base_date, region=region, threads=1)
            table = pa.table(parsed.table(name))
            keyed = table.drop_columns(["doc"]).add_column(0, id_column, pc.take(ids, table.column("doc")))
            columns = []
            for field in keyed.schema:
                column = keyed.column(field.name)
                if pa.types.is_dictionary(field.type):
                    column = column.cast(field.type.value_type)
                elif pa.types.is_unsigned_integer(field.type):
                    column = column.cast(pa.int64())
                columns.append(column)
            yield from pa.table(columns, names=keyed.column_names).to_batches()

    return parse_batches
