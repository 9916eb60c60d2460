//! Parsed notices as Arrow tables, handed to Python through the Arrow
//! PyCapsule interface (`__arrow_c_stream__`), so pyarrow, pandas and polars
//! read them without a Python object per mention.
//!
//! One table per kind of record: `notices` (one row per input), `metrics`,
//! `dates`, `districts`, `sources` (one row per mention). Every table starts
//! with `doc`, the input's position in the batch; mention tables add `match`,
//! the mention's position within its notice, as pandas' `extractall` does.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, StringBuilder, StringDictionaryBuilder,
    UInt32Builder, UInt64Builder,
};
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, RecordBatch, RecordBatchIterator};
use arrow_schema::ffi::FFI_ArrowSchema;
use arrow_schema::{ArrowError, Field, Schema, SchemaRef};
use jiff::civil::Date;
use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

use crate::date::DateMention;
use crate::Notice;

/// The names of the tables a batch gives, in the order `frames` returns them.
pub(super) const TABLES: [&str; 5] = ["notices", "metrics", "dates", "districts", "sources"];

/// One Arrow table, exported through the Arrow PyCapsule interface.
#[pyclass(frozen, module = "govnotice", name = "ArrowTable")]
pub(super) struct ArrowTable {
    batch: RecordBatch,
}

#[pymethods]
impl ArrowTable {
    /// The number of rows.
    fn __len__(&self) -> usize {
        self.batch.num_rows()
    }

    /// The column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.batch
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    }

    /// Exports the schema (Arrow PyCapsule interface).
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        let schema =
            FFI_ArrowSchema::try_from(self.batch.schema().as_ref()).map_err(arrow_error)?;
        PyCapsule::new_with_value(py, schema, c"arrow_schema")
    }

    /// Exports the table as a stream of one record batch (Arrow PyCapsule
    /// interface). A requested schema is not honoured: the table has one.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let schema = self.batch.schema();
        let reader = RecordBatchIterator::new([Ok(self.batch.clone())], schema);
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }

    fn __repr__(&self) -> String {
        format!(
            "ArrowTable({} rows: {})",
            self.batch.num_rows(),
            self.column_names().join(", ")
        )
    }
}

fn arrow_error(err: ArrowError) -> PyErr {
    PyValueError::new_err(format!("arrow: {err}"))
}

/// Builds the table `name` from a batch of notices (spans already in `str`
/// indices) and the problem recorded for each input, if any.
pub(super) fn table(
    name: &str,
    notices: &[Notice],
    problems: &[Option<String>],
) -> PyResult<ArrowTable> {
    let columns = match name {
        "notices" => notices_columns(notices, problems),
        "metrics" => metrics_columns(notices),
        "dates" => dates_columns(notices),
        "districts" => districts_columns(notices),
        "sources" => sources_columns(notices),
        other => {
            return Err(PyKeyError::new_err(format!(
                "no table {other:?}; the tables are {}",
                TABLES.join(", ")
            )))
        }
    };
    let schema: SchemaRef = Arc::new(Schema::new(
        columns
            .iter()
            .map(|(name, array)| Field::new(*name, array.data_type().clone(), true))
            .collect::<Vec<_>>(),
    ));
    let arrays = columns.into_iter().map(|(_, array)| array).collect();
    let batch = RecordBatch::try_new(schema, arrays).map_err(arrow_error)?;
    Ok(ArrowTable { batch })
}

type Columns = Vec<(&'static str, ArrayRef)>;

/// Days since 1970-01-01, Arrow's `date32`.
fn days(date: Date) -> i32 {
    const EPOCH: Date = Date::constant(1970, 1, 1);
    date.since((jiff::Unit::Day, EPOCH))
        .map_or(0, |span| span.get_days())
}

/// Builders for a mention table's leading columns: doc, match, text, start, end.
struct Mentions {
    doc: UInt64Builder,
    index: UInt32Builder,
    text: StringBuilder,
    start: UInt64Builder,
    end: UInt64Builder,
}

impl Mentions {
    fn new() -> Mentions {
        Mentions {
            doc: UInt64Builder::new(),
            index: UInt32Builder::new(),
            text: StringBuilder::new(),
            start: UInt64Builder::new(),
            end: UInt64Builder::new(),
        }
    }

    fn push(&mut self, doc: usize, index: usize, text: &str, span: crate::Span) {
        self.doc.append_value(doc as u64);
        self.index
            .append_value(u32::try_from(index).unwrap_or(u32::MAX));
        self.text.append_value(text);
        self.start.append_value(span.start as u64);
        self.end.append_value(span.end as u64);
    }

    fn finish(mut self) -> Columns {
        vec![
            ("doc", Arc::new(self.doc.finish()) as ArrayRef),
            ("match", Arc::new(self.index.finish())),
            ("text", Arc::new(self.text.finish())),
            ("start", Arc::new(self.start.finish())),
            ("end", Arc::new(self.end.finish())),
        ]
    }
}

/// A column of a small closed vocabulary (units, qualifiers, kinds):
/// dictionary-encoded, so pandas reads it as a categorical.
fn categories() -> StringDictionaryBuilder<Int32Type> {
    StringDictionaryBuilder::new()
}

fn notices_columns(notices: &[Notice], problems: &[Option<String>]) -> Columns {
    let mut doc = UInt64Builder::new();
    let mut title = StringBuilder::new();
    let mut publisher = StringBuilder::new();
    let mut publisher_kind = categories();
    let mut publisher_district = StringBuilder::new();
    let mut published = Date32Builder::new();
    let mut published_text = StringBuilder::new();
    let mut primary_district = StringBuilder::new();
    let mut body_start = UInt64Builder::new();
    let mut body_end = UInt64Builder::new();
    let mut counts = [
        UInt32Builder::new(),
        UInt32Builder::new(),
        UInt32Builder::new(),
        UInt32Builder::new(),
    ];
    let mut problem = StringBuilder::new();
    for (i, (notice, issue)) in notices.iter().zip(problems).enumerate() {
        doc.append_value(i as u64);
        title.append_option(notice.title.as_deref());
        let source = notice.publisher.as_ref();
        publisher.append_option(source.map(|s| s.name.as_str()));
        publisher_kind.append_option(source.map(|s| s.kind.as_str()));
        publisher_district.append_option(source.and_then(|s| s.district_code.as_deref()));
        let date = notice.published.as_ref();
        published.append_option(date.and_then(|d| d.start).map(days));
        published_text.append_option(date.map(|d| d.text.as_str()));
        primary_district.append_option(notice.primary_district());
        body_start.append_option(notice.body_span.map(|s| s.start as u64));
        body_end.append_option(notice.body_span.map(|s| s.end as u64));
        let lengths = [
            notice.metrics.len(),
            notice.dates.len(),
            notice.districts.len(),
            notice.sources.len(),
        ];
        for (builder, n) in counts.iter_mut().zip(lengths) {
            builder.append_value(u32::try_from(n).unwrap_or(u32::MAX));
        }
        problem.append_option(issue.as_deref());
    }
    let [metrics, dates, districts, sources] = counts;
    let finish = |mut b: UInt32Builder| Arc::new(b.finish()) as ArrayRef;
    vec![
        ("doc", Arc::new(doc.finish()) as ArrayRef),
        ("title", Arc::new(title.finish())),
        ("publisher", Arc::new(publisher.finish())),
        ("publisher_kind", Arc::new(publisher_kind.finish())),
        ("publisher_district", Arc::new(publisher_district.finish())),
        ("published", Arc::new(published.finish())),
        ("published_text", Arc::new(published_text.finish())),
        ("primary_district", Arc::new(primary_district.finish())),
        ("body_start", Arc::new(body_start.finish())),
        ("body_end", Arc::new(body_end.finish())),
        ("n_metrics", finish(metrics)),
        ("n_dates", finish(dates)),
        ("n_districts", finish(districts)),
        ("n_sources", finish(sources)),
        ("problem", Arc::new(problem.finish())),
    ]
}

/// The start and end day of an optional date, as two `date32` columns.
struct DayRange {
    start: Date32Builder,
    end: Date32Builder,
}

impl DayRange {
    fn new() -> DayRange {
        DayRange {
            start: Date32Builder::new(),
            end: Date32Builder::new(),
        }
    }

    fn push(&mut self, date: Option<&DateMention>) {
        self.start
            .append_option(date.and_then(|d| d.start).map(days));
        self.end.append_option(date.and_then(|d| d.end).map(days));
    }
}

fn metrics_columns(notices: &[Notice]) -> Columns {
    let mut lead = Mentions::new();
    let mut value = Float64Builder::new();
    let mut value_max = Float64Builder::new();
    let (mut unit, mut unit_text, mut quantity, mut qualifier) =
        (categories(), categories(), categories(), categories());
    let mut subject = StringBuilder::new();
    let mut district_code = StringBuilder::new();
    let mut date = DayRange::new();
    let (mut change, mut basis) = (categories(), categories());
    for (doc, notice) in notices.iter().enumerate() {
        for (i, m) in notice.metrics.iter().enumerate() {
            lead.push(doc, i, &m.text, m.span);
            value.append_value(m.value);
            value_max.append_option(m.value_max);
            unit.append_value(&m.unit);
            unit_text.append_value(&m.unit_text);
            quantity.append_value(&m.quantity);
            qualifier.append_value(m.qualifier.as_str());
            subject.append_option(m.subject.as_deref());
            district_code.append_option(m.district_code.as_deref());
            date.push(m.date.as_ref());
            change.append_option(m.change.map(|c| c.as_str()));
            basis.append_option(m.basis.map(|b| b.as_str()));
        }
    }
    let mut columns = lead.finish();
    columns.extend([
        ("value", Arc::new(value.finish()) as ArrayRef),
        ("value_max", Arc::new(value_max.finish())),
        ("unit", Arc::new(unit.finish())),
        ("unit_text", Arc::new(unit_text.finish())),
        ("quantity", Arc::new(quantity.finish())),
        ("qualifier", Arc::new(qualifier.finish())),
        ("subject", Arc::new(subject.finish())),
        ("district_code", Arc::new(district_code.finish())),
        ("date_start", Arc::new(date.start.finish())),
        ("date_end", Arc::new(date.end.finish())),
        ("change", Arc::new(change.finish())),
        ("basis", Arc::new(basis.finish())),
    ]);
    columns
}

fn dates_columns(notices: &[Notice]) -> Columns {
    let mut lead = Mentions::new();
    let mut range = DayRange::new();
    let mut precision = categories();
    let (mut relative, mut fuzzy) = (BooleanBuilder::new(), BooleanBuilder::new());
    for (doc, notice) in notices.iter().enumerate() {
        for (i, d) in notice.dates.iter().enumerate() {
            lead.push(doc, i, &d.text, d.span);
            range.push(Some(d));
            precision.append_value(d.precision.as_str());
            relative.append_value(d.relative);
            fuzzy.append_value(d.fuzzy);
        }
    }
    let mut columns = lead.finish();
    columns.extend([
        ("start_date", Arc::new(range.start.finish()) as ArrayRef),
        ("end_date", Arc::new(range.end.finish())),
        ("precision", Arc::new(precision.finish())),
        ("relative", Arc::new(relative.finish())),
        ("fuzzy", Arc::new(fuzzy.finish())),
    ]);
    columns
}

fn districts_columns(notices: &[Notice]) -> Columns {
    let mut lead = Mentions::new();
    let (mut name, mut code, mut parent_code, mut current_code) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    let mut level = categories();
    let (mut former, mut ambiguous, mut in_organization) = (
        BooleanBuilder::new(),
        BooleanBuilder::new(),
        BooleanBuilder::new(),
    );
    for (doc, notice) in notices.iter().enumerate() {
        for (i, d) in notice.districts.iter().enumerate() {
            lead.push(doc, i, &d.text, d.span);
            name.append_value(&d.name);
            code.append_option(Some(&*d.code).filter(|c| !c.is_empty()));
            level.append_value(d.level.as_str());
            parent_code.append_option(d.parent_code.as_deref());
            former.append_value(d.former);
            current_code.append_option(d.current_code.as_deref());
            ambiguous.append_value(d.ambiguous);
            in_organization.append_value(d.in_organization);
        }
    }
    let mut columns = lead.finish();
    columns.extend([
        ("name", Arc::new(name.finish()) as ArrayRef),
        ("code", Arc::new(code.finish())),
        ("level", Arc::new(level.finish())),
        ("parent_code", Arc::new(parent_code.finish())),
        ("former", Arc::new(former.finish())),
        ("current_code", Arc::new(current_code.finish())),
        ("ambiguous", Arc::new(ambiguous.finish())),
        ("in_organization", Arc::new(in_organization.finish())),
    ]);
    columns
}

fn sources_columns(notices: &[Notice]) -> Columns {
    let mut lead = Mentions::new();
    let mut name = StringBuilder::new();
    let (mut kind, mut role) = (categories(), categories());
    let mut district_code = StringBuilder::new();
    for (doc, notice) in notices.iter().enumerate() {
        for (i, s) in notice.sources.iter().enumerate() {
            lead.push(doc, i, &s.text, s.span);
            name.append_value(&s.name);
            kind.append_value(s.kind.as_str());
            role.append_value(s.role.as_str());
            district_code.append_option(s.district_code.as_deref());
        }
    }
    let mut columns = lead.finish();
    columns.extend([
        ("name", Arc::new(name.finish()) as ArrayRef),
        ("kind", Arc::new(kind.finish())),
        ("role", Arc::new(role.finish())),
        ("district_code", Arc::new(district_code.finish())),
    ]);
    columns
}
