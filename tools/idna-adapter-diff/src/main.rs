// Prints strict UTS #46 to_ascii / to_unicode (as mailinfra's host.rs calls them)
// for every input line on stdin, to diff two idna_adapter back ends.
use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};
use std::io::{BufRead, Write};

fn main() {
    let out = std::io::stdout();
    let mut out = out.lock();
    for line in std::io::stdin().lock().lines() {
        let Ok(s) = line else { continue };
        let a = Uts46::new()
            .to_ascii(s.as_bytes(), AsciiDenyList::STD3, Hyphens::Check, DnsLength::Verify)
            .ok()
            .map(|c| c.into_owned());
        let (u, r) = Uts46::new().to_unicode(s.as_bytes(), AsciiDenyList::STD3, Hyphens::Check);
        let _ = writeln!(out, "{s:?}\t{a:?}\t{:?}", r.ok().map(|()| u.into_owned()));
    }
}
