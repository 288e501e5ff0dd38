//! Full matches of simple patterns without a regex engine: libphonenumber's number
//! patterns and Google's postal-code patterns.
//!
//! Those are ASCII literals, `\d`, classes, groups, alternation, `?` and `{n}`/`{n,m}`:
//! regular languages. A program here computes, for a text of at most 63 bytes, the set
//! of positions a node's matches can end at from a set of start positions, each set a
//! bit mask (bit i = position i): no threads, no backtracking, no capture slots; an
//! atom costs one test per start position. A full match is "the end of the text is
//! reachable from its start". `regex-lite`'s PikeVM took two thirds of a phone
//! number's reading (`bench/instructions.sh`). A pattern outside that syntax has no
//! program and is matched by `regex-lite`.

/// A compiled pattern.
#[derive(Debug)]
pub(crate) struct Program(Node);

#[derive(Debug)]
enum Node {
    /// One byte, one of these ASCII bytes (bit b = byte b).
    Class(u128),
    /// Consecutive bytes, one class each: a sequence's run of classes (most of a
    /// number pattern's literal prefixes and `\d` runs), tested without a call per byte.
    Run(Box<[u128]>),
    Seq(Vec<Node>),
    Alt(Vec<Node>),
    /// `min..=max` times.
    Repeat(Box<Node>, u8, u8),
}

/// Texts up to this many bytes: positions 0..=63 fit a `u64`.
const MAX_TEXT: usize = 63;
/// Bounds for a pattern of our own data, so that compiling any text stays bounded.
const MAX_NESTING: usize = 32;
const MAX_REPEAT: u8 = 64;
const DIGITS: u128 = 0x3ff << b'0';

impl Program {
    /// The program of `pattern` (unanchored, to be full-matched); `None` when it uses
    /// other syntax.
    pub fn compile(pattern: &str) -> Option<Self> {
        let mut p = Parser {
            s: pattern.as_bytes(),
            at: 0,
        };
        let node = p.alt(0)?;
        (p.at == p.s.len()).then_some(Program(node))
    }

    /// Whether the whole of `s` matches; `None` for a text too long for a mask.
    pub fn full_match(&self, s: &str) -> Option<bool> {
        if s.len() > MAX_TEXT {
            return None;
        }
        Some(ends(&self.0, 1, s.as_bytes()) >> s.len() & 1 == 1)
    }

    /// Whether some start of `s` matches; `None` for a text too long for a mask.
    pub fn prefix_match(&self, s: &str) -> Option<bool> {
        (s.len() <= MAX_TEXT).then(|| ends(&self.0, 1, s.as_bytes()) != 0)
    }
}

/// The positions where a match of `node` starting at one of `starts` can end in `s`.
fn ends(node: &Node, starts: u64, s: &[u8]) -> u64 {
    if starts == 0 {
        return 0;
    }
    match node {
        Node::Class(class) => {
            let mut out = 0;
            let mut rest = starts;
            while rest != 0 {
                let at = rest.trailing_zeros();
                rest &= rest - 1;
                if let Some(&b) = s.get(at as usize) {
                    if b < 128 && class >> b & 1 == 1 {
                        out |= 1 << (at + 1);
                    }
                }
            }
            out
        }
        Node::Run(classes) => {
            let mut out = 0;
            let mut rest = starts;
            while rest != 0 {
                let at = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                let hit = s.get(at..at + classes.len()).is_some_and(|bytes| {
                    bytes
                        .iter()
                        .zip(classes.iter())
                        .all(|(&b, class)| b < 128 && class >> b & 1 == 1)
                });
                if hit {
                    out |= 1 << (at + classes.len());
                }
            }
            out
        }
        Node::Seq(nodes) => {
            let mut m = starts;
            for n in nodes.iter() {
                m = ends(n, m, s);
                if m == 0 {
                    break;
                }
            }
            m
        }
        Node::Alt(nodes) => nodes.iter().fold(0, |m, n| m | ends(n, starts, s)),
        Node::Repeat(inner, min, max) => {
            let mut cur = starts;
            for _ in 0..*min {
                cur = ends(inner, cur, s);
            }
            let mut all = cur;
            for _ in *min..*max {
                cur = ends(inner, cur, s);
                if cur == 0 {
                    break;
                }
                all |= cur;
            }
            all
        }
    }
}

struct Parser<'a> {
    s: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        self.at += usize::from(hit);
        hit
    }

    fn alt(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_NESTING {
            return None;
        }
        let mut branches = vec![self.seq(depth)?];
        while self.eat(b'|') {
            branches.push(self.seq(depth)?);
        }
        Some(match branches.pop() {
            Some(one) if branches.is_empty() => one,
            Some(last) => {
                branches.push(last);
                Node::Alt(branches)
            }
            None => Node::Seq(Vec::new()),
        })
    }

    fn seq(&mut self, depth: usize) -> Option<Node> {
        let mut nodes = Vec::new();
        while let Some(b) = self.peek() {
            if b == b'|' || b == b')' {
                break;
            }
            let atom = self.atom(depth)?;
            match (self.quantified(atom)?, nodes.last_mut()) {
                (Node::Class(c), Some(Node::Class(prev))) => {
                    let run = Node::Run(Box::new([*prev, c]));
                    nodes.pop();
                    nodes.push(run);
                }
                (Node::Class(c), Some(Node::Run(run))) => {
                    *run = run.iter().copied().chain([c]).collect();
                }
                (node, _) => nodes.push(node),
            }
        }
        Some(if nodes.len() == 1 {
            nodes.pop()?
        } else {
            Node::Seq(nodes)
        })
    }

    fn atom(&mut self, depth: usize) -> Option<Node> {
        let b = self.peek()?;
        self.at += 1;
        match b {
            b'\\' => self.escape().map(Node::Class),
            b'[' => self.class(),
            b'(' => {
                // A capturing group matches what a non-capturing one does.
                if self.eat(b'?') && !self.eat(b':') {
                    return None;
                }
                let inner = self.alt(depth + 1)?;
                self.eat(b')').then_some(inner)
            }
            b'.' | b'^' | b'$' | b'*' | b'+' | b'?' | b'{' | b'}' | b']' | b'#' => None,
            b' '..=b'~' => Some(Node::Class(1 << b)),
            _ => None,
        }
    }

    /// After a `\\`: `\\d`, or an escaped ASCII punctuation mark as itself.
    fn escape(&mut self) -> Option<u128> {
        let b = self.peek()?;
        self.at += 1;
        match b {
            b'd' => Some(DIGITS),
            _ if b.is_ascii_punctuation() => Some(1 << b),
            _ => None,
        }
    }

    /// A class of ASCII bytes and ranges, after its `[`; negation, nested classes and
    /// set operations are not this syntax.
    fn class(&mut self) -> Option<Node> {
        let mut class = 0u128;
        let mut first = true;
        loop {
            let b = self.peek()?;
            self.at += 1;
            let lo = match b {
                b']' if !first => return Some(Node::Class(class)),
                b'\\' => {
                    let e = self.escape()?;
                    if e.count_ones() > 1 {
                        class |= e;
                        first = false;
                        continue;
                    }
                    e.trailing_zeros() as u8
                }
                b'[' | b'&' | b'~' | b']' => return None,
                b'^' if first => return None,
                b' '..=b'~' => b,
                _ => return None,
            };
            first = false;
            let hi = if self.peek() == Some(b'-') && self.s.get(self.at + 1) != Some(&b']') {
                self.at += 1;
                match self.peek()? {
                    b @ (b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z') => {
                        self.at += 1;
                        b
                    }
                    _ => return None,
                }
            } else {
                lo
            };
            if hi < lo || self.peek() == Some(b'-') && self.s.get(self.at + 1) != Some(&b']') {
                return None;
            }
            for c in lo..=hi {
                class |= 1 << c;
            }
        }
    }

    fn quantified(&mut self, atom: Node) -> Option<Node> {
        let (min, max) = if self.eat(b'?') {
            (0, 1)
        } else if self.eat(b'{') {
            let min = self.number()?;
            let max = if self.eat(b',') { self.number()? } else { min };
            if !self.eat(b'}') || max < min {
                return None;
            }
            (min, max)
        } else {
            return Some(atom);
        };
        // Lazy and possessive forms, and quantified quantifiers, are not this syntax.
        if matches!(self.peek(), Some(b'?' | b'+' | b'*' | b'{')) {
            return None;
        }
        Some(Node::Repeat(Box::new(atom), min, max))
    }

    fn number(&mut self) -> Option<u8> {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        let n: u8 = std::str::from_utf8(self.s.get(start..self.at)?)
            .ok()?
            .parse()
            .ok()?;
        (n <= MAX_REPEAT).then_some(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::TestResult;
    use regex_lite::Regex;

    /// The same answers as `regex-lite` on `^(?:p)$`.
    fn agree(p: &str, texts: &[String]) -> TestResult {
        let program = Program::compile(p).ok_or_else(|| format!("{p} does not compile"))?;
        let regex = Regex::new(&format!("^(?:{p})$"))?;
        for t in texts {
            assert_eq!(
                program.full_match(t),
                Some(regex.is_match(t)),
                "{p} on {t:?}"
            );
        }
        Ok(())
    }

    /// Texts near the language of `node`: one match built by walking it with `seed`,
    /// then that text with each byte changed (to a digit, a letter, a space or a
    /// hyphen), one byte dropped and one added.
    fn near(node: &Node, seed: &mut u64) -> Vec<String> {
        const OTHER: &[u8] = b"0123456789AZaz -";
        let mut m = String::new();
        build(node, seed, &mut m);
        let mut out = vec![m.clone(), format!("{m}5"), format!("0{m}"), format!("{m}A")];
        for i in 0..m.len() {
            let other = char::from(OTHER[(next(seed) % OTHER.len() as u64) as usize]);
            out.push(format!("{}{other}{}", &m[..i], &m[i + 1..]));
            out.push(format!("{}{}", &m[..i], &m[i + 1..]));
        }
        out
    }

    fn next(seed: &mut u64) -> u64 {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed
    }

    fn build(node: &Node, seed: &mut u64, out: &mut String) {
        let mut pick = |c: &u128| {
            let members: Vec<u8> = (0..128u8).filter(|b| c >> b & 1 == 1).collect();
            out.push(char::from(
                members[(next(seed) % members.len() as u64) as usize],
            ));
        };
        match node {
            Node::Class(c) => pick(c),
            Node::Run(classes) => classes.iter().for_each(pick),
            Node::Seq(nodes) => nodes.iter().for_each(|n| build(n, seed, out)),
            Node::Alt(nodes) => build(
                &nodes[(next(seed) % nodes.len() as u64) as usize],
                seed,
                out,
            ),
            Node::Repeat(inner, min, max) => {
                let n = *min as u64 + next(seed) % (*max - *min + 1) as u64;
                (0..n).for_each(|_| build(inner, seed, out));
            }
        }
    }

    /// `(kind, pattern)` of every full-match pattern of the packs of `kind`.
    fn pack_patterns(kind: &str) -> Result<Vec<String>, std::io::Error> {
        let dir = format!("{}/data/packs/{kind}", env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir)? {
            let text = std::fs::read_to_string(entry?.path())?;
            for line in text.lines() {
                let fields: Vec<&str> = line.split('\t').collect();
                match fields.as_slice() {
                    ["general", _, _, p] | ["type", _, p] | ["zip", p] if !p.is_empty() => {
                        out.push(p.to_string())
                    }
                    _ => {}
                }
            }
        }
        Ok(out)
    }

    fn agrees_on_near_texts(p: &str, seed: &mut u64) -> TestResult {
        let node = &Program::compile(p)
            .ok_or_else(|| format!("{p} does not compile"))?
            .0;
        let mut texts: Vec<String> = (0..40).flat_map(|_| near(node, seed)).collect();
        texts.extend(["", "1", "12345678901234567", "+1415", "４１５", "é"].map(String::from));
        agree(p, &texts)
    }

    #[test]
    fn every_number_pattern_of_the_packs_agrees_with_regex_lite() -> TestResult {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let patterns = pack_patterns("phone")?;
        assert!(patterns.len() > 1000, "{} patterns", patterns.len());
        for p in &patterns {
            agrees_on_near_texts(p, &mut seed)?;
        }
        Ok(())
    }

    #[test]
    fn postal_patterns_agree_with_regex_lite_or_have_no_program() -> TestResult {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let patterns = pack_patterns("address")?;
        let programs: Vec<&String> = patterns
            .iter()
            .filter(|p| Program::compile(p).is_some())
            .collect();
        // All but one: `(?:^|\b)...(?:$|\b)`.
        assert!(
            programs.len() + 1 >= patterns.len(),
            "{} of {}",
            programs.len(),
            patterns.len()
        );
        for p in programs {
            agrees_on_near_texts(p, &mut seed)?;
        }
        Ok(())
    }

    #[test]
    fn syntax_edges() -> TestResult {
        let texts: Vec<String> = [
            "", "1", "12", "123", "1234", "9", "5-", "a1", "A-1", "-", ".",
        ]
        .map(String::from)
        .to_vec();
        for p in [
            "1?2?",
            "(?:1|12)(?:3|)",
            "[1-3]{1,3}",
            "\\d{0,2}",
            "(1)2",
            "[12\\d]",
            "1{0}2?",
            "",
            "A[ \\-]?1",
            "[-a]1?",
            "[a-]",
            "\\.|-",
            "[A-Z]\\d",
        ] {
            agree(p, &texts)?;
        }
        for p in [
            "1*", "1+", "1??", "[^1]", "(?=1)", "1{2,}", "(1", "1)", "[]", "[2-1]", ".", "1{65}",
            "\\b1", "^1", "1$", "\\s", "é", "[a-c-e]", "[[a]]", "[a&&b]",
        ] {
            assert!(Program::compile(p).is_none(), "{p}");
        }
        let long = "1".repeat(64);
        assert_eq!(Program::compile("\\d+").map(|d| d.full_match(&long)), None);
        assert_eq!(
            Program::compile("1{2}").and_then(|d| d.full_match(&long)),
            None
        );
        Ok(())
    }
}
