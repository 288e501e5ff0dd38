//! `mailinfra build`: an order from a registrant record and a CSV of mailboxes,
//! streamed row by row.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;

use clap::Args;
use mailinfra::{BuildReport, OrderBuilder};
use serde_json::{Map, Value};

use crate::{options, read_error, render, write_error, Failure, Format, OptionArgs};

pub const HELP: &str = "\
Input:
  --registrant: a JSON object with the order's top-level fields (owner, company,
  address, country, phone, emailServiceProvider, planType, flags); no domains.
  --mailboxes: a CSV file with a header row and one row per mailbox. Columns:
  domain, firstname, lastname (required), email, redirectUrl, profilePicId
  (optional; header names match case- and space-insensitively). Rows are grouped
  by domain in first-seen order. An empty email is filled with a suggested address.
  A UTF-8 byte-order mark, CRLF line ends, quoted fields and empty lines are fine;
  unknown or missing columns and rows with more cells than the header are issues.
  Rows are numbered like a spreadsheet's: the header is row 1 and empty lines are
  not rows.

Output:
  --format text (default): issues on stderr, one per line, prefixed with the CSV
  row and column (`row 3, email: ...`), then the prepared order as JSON on stdout.
  --format json: the report {\"valid\", \"issues\": [{pointer, path, code, severity,
  message, suggestion?, row?, column?}], \"order\"} on stdout.
  Exit status 0 when the order is valid, 1 when not, 2 on usage or I/O errors.";

#[derive(Args)]
pub struct BuildArgs {
    /// The registrant record (JSON object).
    #[arg(long, value_name = "FILE")]
    registrant: PathBuf,
    /// The mailboxes (CSV with a header row).
    #[arg(long, value_name = "FILE")]
    mailboxes: PathBuf,
    /// Overrides the registrant's emailServiceProvider.
    #[arg(long, value_name = "ESP")]
    esp: Option<String>,
    /// Overrides the registrant's planType.
    #[arg(long, value_name = "PLAN")]
    plan: Option<String>,
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Text)]
    format: Format,
    #[command(flatten)]
    options: OptionArgs,
}

pub fn run(args: &BuildArgs) -> Result<bool, Failure> {
    let opts = options(&args.options)?;
    let registrant = read_registrant(args, opts.max_input_bytes)?;
    let mut builder = OrderBuilder::new(
        &registrant,
        args.esp.as_deref(),
        args.plan.as_deref(),
        &opts,
    );
    let file = File::open(&args.mailboxes).map_err(|e| read_error(Some(&args.mailboxes), &e))?;
    let mut csv = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(BufReader::with_capacity(64 * 1024, file));
    let csv_error =
        |e: csv::Error| Failure::Message(format!("cannot read {}: {e}", args.mailboxes.display()));
    let header: Vec<String> = csv
        .headers()
        .map_err(csv_error)?
        .iter()
        .map(String::from)
        .collect();
    builder.columns(&header);
    let mut record = csv::StringRecord::new();
    while csv.read_record(&mut record).map_err(csv_error)? {
        // Rows count records like a spreadsheet (header = row 1); empty lines are not rows.
        let row = record.position().map_or(0, |p| p.record() + 1);
        if record.len() > header.len() {
            builder.extra_cells(row, record.len() - header.len());
        }
        let cells: Map<String, Value> = header
            .iter()
            .zip(record.iter())
            .map(|(h, v)| (h.clone(), Value::from(v)))
            .collect();
        builder.push_row(row, &cells);
    }
    let report = builder.finish();
    print(&report, args.format)?;
    Ok(report.valid)
}

fn read_registrant(args: &BuildArgs, max: usize) -> Result<Value, Failure> {
    let path = &args.registrant;
    let file = File::open(path).map_err(|e| read_error(Some(path), &e))?;
    let mut text = String::new();
    file.take(max as u64 + 1)
        .read_to_string(&mut text)
        .map_err(|e| read_error(Some(path), &e))?;
    if text.len() > max {
        return Err(Failure::Message(format!(
            "{} is larger than {max} bytes",
            path.display()
        )));
    }
    serde_json::from_str(&text)
        .map_err(|e| Failure::Message(format!("{} is not JSON: {e}", path.display())))
}

fn print(report: &BuildReport, format: Format) -> Result<(), Failure> {
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, report).map_err(|e| write_error(e.into()))?;
        }
        Format::Text => {
            let mut err = io::stderr().lock();
            for i in &report.issues {
                let place = match (&i.row, &i.column) {
                    (Some(r), Some(c)) => format!("row {r}, {c}: "),
                    (Some(r), None) => format!("row {r}: "),
                    (None, Some(c)) => format!("{c}: "),
                    (None, None) => String::new(),
                };
                let _ = writeln!(err, "{place}{}", render::issue_line(&i.issue));
            }
            serde_json::to_writer_pretty(&mut out, &report.order)
                .map_err(|e| write_error(e.into()))?;
        }
    }
    writeln!(out).map_err(write_error)?;
    out.flush().map_err(write_error)
}
