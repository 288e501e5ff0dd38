//! `mailinfra`: check or prepare managed email-infrastructure purchase orders from
//! the command line. Exit status: 0 every order valid, 1 some order invalid, 2 usage
//! or I/O error (one line on stderr starting `mailinfra: `).
#![forbid(unsafe_code)]

mod build;
mod read;
mod render;
mod suggest;

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::LazyLock;

use clap::error::ErrorKind as ClapErrorKind;
use clap::{ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use mailinfra::{Options, Report};

use read::{Doc, Line, LineReader};

const AFTER_LONG_HELP: &str = "\
Input:
  FILE is one JSON order; without FILE, or with `-`, the order is read from
  standard input. A document larger than --max-input-bytes is not read whole: it
  gets a report with one `input_too_large` issue. Text that is not JSON (or not
  UTF-8) gets one `invalid_json` issue; nesting deeper than 64 levels, `too_deep`.

One field (check --field POINTER):
  Only the issues at or under POINTER (an RFC 6901 JSON Pointer such as
  `/zipcode` or `/domains/0/mailboxes/1/email`) are reported, reading the context
  the field needs (country, state, provider, the domain) from the same order;
  the order may be partial. Input that cannot be read is reported as by `check`.
  A pointer that names no field of the order exits 2 with a suggestion.

JSON Lines (--jsonl):
  One order per line; one compact JSON report per line on stdout, in input order,
  always JSON whatever --format says. Blank lines (empty or only spaces/tabs) are
  skipped and produce no report. Each line is subject to --max-input-bytes on its
  own: an over-long line gets an `input_too_large` report and costs bounded memory;
  a line that is not JSON or not UTF-8 gets an `invalid_json` report (pointer \"\").
  Input is streamed: memory stays constant however many lines there are.

Output:
  --format text (default): one line per issue,
      POINTER  SEVERITY  CODE  \"MESSAGE\"  (suggestion: VALUE)
  with `(order)` for the whole order (empty pointer), then for `prepare` the
  canonical order as pretty JSON, then a summary line: `valid`,
  `valid: 1 warning` or `invalid: 3 errors, 1 warning`.
  --format json: the report object
      {\"valid\": bool, \"issues\": [{\"pointer\", \"path\", \"code\", \"severity\",
       \"message\", \"suggestion\"?}], \"order\": {...}}
  with `order` only from `prepare` (absent when the input was refused).

Exit status:
  0  every order is valid (warnings allowed unless --warnings-as-errors)
  1  at least one order is invalid
  2  usage error or I/O error (a one-line message on stderr starting `mailinfra: `);
     also when stdout is closed early (e.g. piped into `head`), which is quiet.";

#[derive(Parser)]
#[command(
    name = "mailinfra",
    about = "Validate and normalize managed email-infrastructure purchase orders (domains + mailboxes).",
    after_long_help = "Run `mailinfra check --help` or `mailinfra prepare --help` for input, output and exit status.",
    disable_help_subcommand = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Strict check: is this exact payload what the server accepts? Nothing is
    /// changed; what `prepare` would fix is reported with the fix as its suggestion.
    #[command(after_long_help = AFTER_LONG_HELP)]
    Check(CheckArgs),
    /// Apply only safe spelling fixes (case, whitespace, Unicode form, defaults),
    /// then check the result; outputs the canonical order with its issues.
    #[command(after_long_help = AFTER_LONG_HELP)]
    Prepare(RunArgs),
    /// Suggest mailbox addresses for a person on a domain (offline), one per line.
    #[command(after_long_help = suggest::HELP)]
    Suggest(suggest::SuggestArgs),
    /// Build an order from a registrant record (JSON) and a CSV of mailboxes, then
    /// prepare it; issues name the CSV row and column.
    #[command(after_long_help = build::HELP)]
    Build(build::BuildArgs),
    /// Print the order's JSON Schema (draft 2020-12), for tools that speak JSON
    /// Schema (form generators, OpenAPI): the shape and the simple limits; the rules
    /// run in mailinfra (`check`, `prepare`).
    Schema(SchemaArgs),
}

#[derive(Args)]
struct SchemaArgs {
    /// What `prepare` takes instead: the same shape, with no constraint on the values
    /// it may still fix.
    #[arg(long)]
    prepare_input: bool,
}

#[derive(Args)]
struct CheckArgs {
    /// Check one field of a (possibly partial) order, e.g. `/zipcode` or
    /// `/domains/0/mailboxes/1/email`: only the issues at or under it are reported.
    /// A pointer that names no field of the order is a usage error (exit 2).
    #[arg(long, value_name = "POINTER")]
    field: Option<String>,

    #[command(flatten)]
    run: RunArgs,
}

#[derive(Args)]
struct RunArgs {
    /// Order file (JSON, or JSON Lines with --jsonl); omitted or `-` reads stdin.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,

    /// Output format for a single document (--jsonl output is always JSON).
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Text)]
    format: Format,

    /// Input is JSON Lines: one order per line, one compact JSON report per line;
    /// blank lines are skipped.
    #[arg(long)]
    jsonl: bool,

    #[command(flatten)]
    options: OptionArgs,
}

/// The contract's options, shared by `check`, `prepare` and `build`.
#[derive(Args)]
pub(crate) struct OptionArgs {
    /// Most domains an order may have (default 500); more gives `too_many_items`.
    #[arg(long, value_name = "N")]
    max_domains: Option<usize>,

    /// Most mailboxes per domain (default: the ESP's limit, Google 5,
    /// Microsoft/Azure 100); more gives `too_many_mailboxes`.
    #[arg(long, value_name = "N")]
    max_mailboxes_per_domain: Option<usize>,

    /// Only allow domains under these TLDs, comma-separated (e.g. `com,net`;
    /// trimmed, leading dots stripped, case-insensitive); repeatable.
    #[arg(long, value_name = "TLDS", value_delimiter = ',', action = ArgAction::Append)]
    allowed_tlds: Option<Vec<String>>,

    /// Internationalized (xn--) domains are errors instead of `idn_domain` warnings.
    #[arg(long)]
    no_idn: bool,

    /// Every warning counts as an error (and makes the order invalid).
    #[arg(long)]
    warnings_as_errors: bool,

    /// Largest input accepted, in bytes: the whole document, or each line with
    /// --jsonl (default 1048576); larger gives `input_too_large`.
    #[arg(long, value_name = "N")]
    max_input_bytes: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Op<'p> {
    Check,
    Prepare,
    /// `check --field POINTER`.
    Field(&'p str),
}

/// Why the run stopped before its verdict.
pub(crate) enum Failure {
    /// Message for stderr (without the `mailinfra: ` prefix).
    Message(String),
    /// Stdout was closed by the reader: stop quietly.
    BrokenPipe,
}

static VERSION: LazyLock<String> = LazyLock::new(|| {
    let d = mailinfra::data_versions();
    format!(
        "{}\nphone metadata: {}\npublic suffix list: {}\naddress data: {}",
        env!("CARGO_PKG_VERSION"),
        d.phone_metadata,
        d.public_suffix_list,
        d.address_data
    )
});

fn main() -> ExitCode {
    let version: &'static str = VERSION.as_str();
    let cmd = Cli::command().version(version);
    let parsed = cmd
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    let outcome = match cli.command {
        Command::Check(a) => match &a.field {
            Some(p) => mailinfra::check_field_reads(p)
                .map_err(|e| Failure::Message(format!("--field: {e}")))
                .and_then(|_| run(Op::Field(p), &a.run)),
            None => run(Op::Check, &a.run),
        },
        Command::Prepare(a) => run(Op::Prepare, &a),
        Command::Suggest(a) => suggest::run(&a),
        Command::Build(a) => build::run(&a),
        Command::Schema(a) => schema(&a),
    };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(Failure::BrokenPipe) => ExitCode::from(2),
        Err(Failure::Message(m)) => {
            let _ = writeln!(io::stderr().lock(), "mailinfra: {m}");
            ExitCode::from(2)
        }
    }
}

fn schema(a: &SchemaArgs) -> Result<bool, Failure> {
    let of = if a.prepare_input {
        mailinfra::SchemaOf::PrepareInput
    } else {
        mailinfra::SchemaOf::Order
    };
    let text = serde_json::to_string_pretty(&mailinfra::order_json_schema(of))
        .map_err(|e| Failure::Message(e.to_string()))?;
    writeln!(io::stdout().lock(), "{text}").map_err(write_error)?;
    Ok(true)
}

/// Help and version go to stdout (exit 0); anything else is a one-line usage error.
fn clap_exit(e: &clap::Error) -> ExitCode {
    match e.kind() {
        ClapErrorKind::DisplayHelp | ClapErrorKind::DisplayVersion => {
            let _ = write!(io::stdout().lock(), "{}", e.render());
            ExitCode::SUCCESS
        }
        ClapErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        | ClapErrorKind::MissingSubcommand => {
            let _ = writeln!(
                io::stderr().lock(),
                "mailinfra: missing command `check`, `prepare`, `suggest` or `build` (see `mailinfra --help`)"
            );
            ExitCode::from(2)
        }
        _ => {
            let rendered = e.render().to_string();
            let mut lines = rendered.lines().map(str::trim).filter(|l| !l.is_empty());
            let first = lines.next().unwrap_or("invalid arguments");
            let first = first.strip_prefix("error: ").unwrap_or(first);
            let tip = lines
                .filter_map(|l| l.strip_prefix("tip: "))
                .find(|t| t.contains("similar"))
                .map(|t| format!("; {t}"))
                .unwrap_or_default();
            let _ = writeln!(
                io::stderr().lock(),
                "mailinfra: {first}{tip} (see `mailinfra --help`)"
            );
            ExitCode::from(2)
        }
    }
}

pub(crate) fn options(args: &OptionArgs) -> Result<Options, Failure> {
    let mut o = Options::default();
    if let Some(n) = args.max_domains {
        o.max_domains = n;
    }
    o.max_mailboxes_per_domain = args.max_mailboxes_per_domain;
    if let Some(n) = args.max_input_bytes {
        o.max_input_bytes = n;
    }
    if let Some(list) = &args.allowed_tlds {
        let tlds: Vec<String> = list
            .iter()
            .map(|t| t.trim().trim_start_matches('.').to_lowercase())
            .filter(|t| !t.is_empty())
            .collect();
        if tlds.is_empty() {
            return Err(Failure::Message(
                "--allowed-tlds needs at least one TLD, e.g. `--allowed-tlds com,net`".into(),
            ));
        }
        o.allowed_tlds = Some(tlds);
    }
    o.allow_idn = !args.no_idn;
    o.warnings_as_errors = args.warnings_as_errors;
    Ok(o)
}

/// Runs one command; `Ok(true)` when every order is valid.
fn run(op: Op, args: &RunArgs) -> Result<bool, Failure> {
    let opts = options(&args.options)?;
    let path = args.file.as_deref().filter(|p| *p != Path::new("-"));
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match path {
        Some(p) => {
            let file = File::open(p).map_err(|e| read_error(Some(p), &e))?;
            if args.jsonl {
                let reader = BufReader::with_capacity(64 * 1024, file);
                run_lines(op, &opts, reader, &mut out, Some(p))
            } else {
                let known_len = file
                    .metadata()
                    .ok()
                    .filter(|m| m.is_file())
                    .map(|m| m.len());
                run_document(op, &opts, args.format, file, known_len, &mut out, Some(p))
            }
        }
        None => {
            let stdin = io::stdin();
            let lock = stdin.lock();
            if args.jsonl {
                run_lines(op, &opts, lock, &mut out, None)
            } else {
                run_document(op, &opts, args.format, lock, None, &mut out, None)
            }
        }
    };
    // Flush what was written even when reading failed part-way.
    let flushed = out.flush().map_err(write_error);
    let valid = result?;
    flushed?;
    Ok(valid)
}

fn run_document(
    op: Op,
    opts: &Options,
    format: Format,
    mut input: impl Read,
    known_len: Option<u64>,
    out: &mut impl Write,
    path: Option<&Path>,
) -> Result<bool, Failure> {
    let doc = read::read_document(&mut input, opts.max_input_bytes, known_len)
        .map_err(|e| read_error(path, &e))?;
    let report = match doc {
        Doc::Bytes(bytes) => evaluate(op, &bytes, opts),
        Doc::Refused(issue) => Report::refused(issue),
    };
    match format {
        Format::Json => render::json(out, &report, true),
        Format::Text => render::text(out, &report),
    }
    .map_err(write_error)?;
    Ok(report.valid)
}

fn run_lines(
    op: Op,
    opts: &Options,
    input: impl BufRead,
    out: &mut impl Write,
    path: Option<&Path>,
) -> Result<bool, Failure> {
    let mut lines = LineReader::new(input, opts.max_input_bytes);
    let mut all_valid = true;
    while let Some(line) = lines.next_line().map_err(|e| read_error(path, &e))? {
        let report = match line {
            Line::Blank => continue,
            Line::Bytes(bytes) => evaluate(op, bytes, opts),
            Line::Refused(issue) => Report::refused(issue),
        };
        all_valid &= report.valid;
        render::json(out, &report, false).map_err(write_error)?;
    }
    Ok(all_valid)
}

fn evaluate(op: Op, bytes: &[u8], opts: &Options) -> Report {
    match op {
        Op::Check => mailinfra::check_bytes(bytes, opts),
        Op::Prepare => mailinfra::prepare_bytes(bytes, opts),
        Op::Field(pointer) => match mailinfra::parse_bytes(bytes, opts) {
            Ok(order) => {
                // The pointer was validated before any input was read.
                let issues = mailinfra::check_field(&order, pointer, opts).unwrap_or_default();
                let valid = !issues
                    .iter()
                    .any(|i| i.severity == mailinfra::Severity::Error);
                Report {
                    valid,
                    issues,
                    order: None,
                }
            }
            // Text that cannot be read gets the same report as `check`.
            Err(issue) => Report::refused(*issue),
        },
    }
}

pub(crate) fn read_error(path: Option<&Path>, e: &io::Error) -> Failure {
    let what = match path {
        Some(p) => p.display().to_string(),
        None => "standard input".to_string(),
    };
    Failure::Message(format!("cannot read {what}: {}", io_message(e)))
}

pub(crate) fn write_error(e: io::Error) -> Failure {
    if e.kind() == ErrorKind::BrokenPipe {
        Failure::BrokenPipe
    } else {
        Failure::Message(format!("cannot write output: {}", io_message(&e)))
    }
}

/// The OS message without Rust's ` (os error N)` suffix.
fn io_message(e: &io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}
