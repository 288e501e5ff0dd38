//! Bounded input reading: a whole document or one JSON Lines line never costs more
//! than `max_input_bytes` (plus a small constant) of memory, however large the input.

use std::io::{self, BufRead, ErrorKind, Read};

use mailinfra::Issue;

/// One document read under the size limit.
pub enum Doc {
    /// Fits the limit (the core checks UTF-8 and JSON).
    Bytes(Vec<u8>),
    /// Refused for its size before parsing.
    Refused(Issue),
}

/// Reads a whole document, at most `max + 1` bytes of it; `known_len` is the real
/// size when the caller knows it (a regular file), for an exact message.
pub fn read_document(r: &mut impl Read, max: usize, known_len: Option<u64>) -> io::Result<Doc> {
    let mut buf = Vec::new();
    let cap = (max as u64).saturating_add(1);
    r.take(cap).read_to_end(&mut buf)?;
    if buf.len() > max {
        return Ok(Doc::Refused(match known_len.filter(|&n| n > max as u64) {
            Some(n) => Issue::input_too_large(Some(n), max),
            None => Issue::input_too_large(None, max),
        }));
    }
    Ok(Doc::Bytes(buf))
}

/// Reads JSON Lines one bounded line at a time, reusing one buffer.
pub struct LineReader<R> {
    inner: R,
    buf: Vec<u8>,
    max: usize,
}

/// One line of a JSON Lines stream (its newline and a trailing `\r` removed).
pub enum Line<'a> {
    /// Empty or only JSON whitespace (space, tab, CR): skipped by the caller.
    Blank,
    /// Fits the limit (the core checks UTF-8 and JSON).
    Bytes(&'a [u8]),
    /// Refused before parsing.
    Refused(Issue),
}

impl<R: BufRead> LineReader<R> {
    pub fn new(inner: R, max: usize) -> Self {
        LineReader {
            inner,
            buf: Vec::new(),
            max,
        }
    }

    /// The next line, or `None` at the end of the input. Bytes past `max + 2` of a
    /// line are counted and dropped, never stored.
    pub fn next_line(&mut self) -> io::Result<Option<Line<'_>>> {
        // Room for a line of exactly `max` bytes plus its `\r`, and one byte more to
        // tell that a line is over the limit.
        let cap = self.max.saturating_add(2);
        self.buf.clear();
        let mut total: u64 = 0;
        let mut seen_any = false;
        loop {
            let chunk = match self.inner.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                if !seen_any {
                    return Ok(None);
                }
                break;
            }
            seen_any = true;
            let (content, used, done) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (&chunk[..i], i + 1, true),
                None => (chunk, chunk.len(), false),
            };
            let room = cap.saturating_sub(self.buf.len()).min(content.len());
            self.buf.extend_from_slice(&content[..room]);
            total = total.saturating_add(content.len() as u64);
            self.inner.consume(used);
            if done {
                break;
            }
        }
        let complete = total == self.buf.len() as u64;
        if complete && self.buf.last() == Some(&b'\r') {
            self.buf.pop();
            total -= 1;
        }
        if total > self.max as u64 {
            return Ok(Some(Line::Refused(Issue::input_too_large(
                Some(total),
                self.max,
            ))));
        }
        if self.buf.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r')) {
            return Ok(Some(Line::Blank));
        }
        Ok(Some(Line::Bytes(&self.buf)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: usize) -> Vec<String> {
        let mut r = LineReader::new(io::BufReader::with_capacity(4, input), max);
        let mut out = Vec::new();
        while let Some(l) = r.next_line().unwrap() {
            out.push(match l {
                Line::Blank => "blank".to_string(),
                Line::Bytes(b) => format!("text:{}", String::from_utf8_lossy(b)),
                Line::Refused(i) => format!("{}:{}", i.code.as_str(), i.message),
            });
        }
        out
    }

    #[test]
    fn splits_and_bounds_lines() {
        let got = lines(b"{}\r\n\n  \n0123456789\n12345\r\n\xff\n[1]", 5);
        assert_eq!(
            got,
            [
                "text:{}",
                "blank",
                "blank",
                "input_too_large:The input is 10 bytes; the limit is 5.",
                "text:12345",
                "text:\u{FFFD}",
                "text:[1]",
            ]
        );
    }

    #[test]
    fn empty_input_has_no_lines() {
        assert!(lines(b"", 5).is_empty());
        assert_eq!(lines(b"\n", 5), ["blank"]);
    }

    #[test]
    fn document_limit() {
        let mut r: &[u8] = b"123456";
        match read_document(&mut r, 5, None).unwrap() {
            Doc::Refused(i) => assert_eq!(i.code, mailinfra::IssueCode::InputTooLarge),
            Doc::Bytes(_) => panic!("not refused"),
        }
        let mut r: &[u8] = b"12345";
        assert!(matches!(read_document(&mut r, 5, None).unwrap(), Doc::Bytes(b) if b == b"12345"));
    }
}
