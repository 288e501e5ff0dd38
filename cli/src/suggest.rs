//! `mailinfra suggest`: mailbox addresses for a person on a domain, offline.

use std::io::{self, Write};

use clap::Args;
use mailinfra::{Esp, SuggestRequest};

use crate::render;
use crate::{write_error, Failure, Format};

pub const HELP: &str = "\
Output:
  --format text (default): one address per line, most natural first.
  --format json: a JSON array of the addresses.
  A bad request (blank name, invalid domain, --count outside 1..100) prints its
  issues on stderr, one per line, and exits 1.

Names of any script are transliterated to ASCII (José Müller -> jose.muller);
a name with nothing transliterable is an issue. Role names (info, admin, ...) and
addresses given with --exclude are never suggested.";

#[derive(Args)]
pub struct SuggestArgs {
    /// The person's first name.
    #[arg(long, value_name = "NAME")]
    first: String,
    /// The person's last name.
    #[arg(long, value_name = "NAME")]
    last: String,
    /// The domain the mailboxes are on.
    #[arg(long, value_name = "DOMAIN")]
    domain: String,
    /// How many addresses (1 to 100).
    #[arg(
        long,
        value_name = "N",
        default_value_t = 5,
        allow_negative_numbers = true
    )]
    count: i64,
    /// The provider whose username rules apply (Google, Microsoft, Azure).
    #[arg(long, value_name = "ESP")]
    esp: Option<String>,
    /// Addresses already taken, comma-separated; repeatable.
    #[arg(long, value_name = "ADDRESSES", value_delimiter = ',')]
    exclude: Vec<String>,
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Text)]
    format: Format,
}

pub fn run(args: &SuggestArgs) -> Result<bool, Failure> {
    let esp = match &args.esp {
        None => None,
        Some(e) => Some(Esp::from_loose(e).ok_or_else(|| {
            Failure::Message(format!(
                "unknown --esp {e:?}: use Google, Microsoft or Azure"
            ))
        })?),
    };
    let s = mailinfra::suggest_mailboxes(&SuggestRequest {
        first_name: &args.first,
        last_name: &args.last,
        domain: &args.domain,
        count: args.count,
        esp,
        exclude: &args.exclude,
    });
    {
        let mut err = io::stderr().lock();
        for i in &s.issues {
            let _ = writeln!(err, "{}", render::issue_line(i));
        }
    }
    let mut out = io::stdout().lock();
    match args.format {
        Format::Json => {
            serde_json::to_writer(&mut out, &s.addresses).map_err(|e| write_error(e.into()))?;
            writeln!(out).map_err(write_error)?;
        }
        Format::Text => {
            for a in &s.addresses {
                writeln!(out, "{a}").map_err(write_error)?;
            }
        }
    }
    out.flush().map_err(write_error)?;
    Ok(s.issues.is_empty())
}
