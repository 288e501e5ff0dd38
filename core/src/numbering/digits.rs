//! Full matches of libphonenumber's number patterns without a regex engine.
//!
//! The general and type patterns of the metadata are digits, `\d`, classes of digits,
//! groups, alternation, `?` and `{n}`/`{n,m}`: a regular language over digits. A
//! program here computes, for a text of at most 63 bytes, the set of positions a
//! node's matches can end at from a set of start positions, each set a bit mask, so
//! an atom is a mask and a shift: no threads, no backtracking, linear in the pattern.
//! A full match is "the end of the text is reachable from its start". `regex-lite`'s
//! PikeVM took two thirds of a phone number's reading (`bench/instructions.sh`).
//! A pattern outside that syntax has no program and is matched by `regex-lite`.

/// A compiled pattern.
#[derive(Debug)]
pub(crate) struct Digits(Node);

#[derive(Debug)]
enum Node {
    /// One byte, one of these digits (bit d = digit d).
    Class(u16),
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
const ALL_DIGITS: u16 = 0x3ff;

impl Digits {
    /// The program of `pattern` (unanchored, to be full-matched); `None` when it uses
    /// other syntax.
    pub fn compile(pattern: &str) -> Option<Self> {
        let mut p = Parser {
            s: pattern.as_bytes(),
            at: 0,
        };
        let node = p.alt(0)?;
        (p.at == p.s.len()).then_some(Digits(node))
    }

    /// Whether the whole of `s` matches; `None` for a text too long for a mask.
    pub fn full_match(&self, s: &str) -> Option<bool> {
        if s.len() > MAX_TEXT {
            return None;
        }
        let mut at = Positions {
            digit: [0; 10],
            any: 0,
        };
        for (i, b) in s.bytes().enumerate() {
            if let Some(m) = at.digit.get_mut(usize::from(b.wrapping_sub(b'0'))) {
                *m |= 1 << i;
                at.any |= 1 << i;
            }
        }
        Some(ends(&self.0, 1, &at) >> s.len() & 1 == 1)
    }
}

/// Where the text holds each digit (bit i = position i), and any digit.
struct Positions {
    digit: [u64; 10],
    any: u64,
}

/// The positions where a match of `node` starting at one of `starts` can end.
fn ends(node: &Node, starts: u64, at: &Positions) -> u64 {
    if starts == 0 {
        return 0;
    }
    match node {
        Node::Class(class) => {
            let here = if *class == ALL_DIGITS {
                at.any
            } else {
                // The class's digits, lowest first.
                let (mut here, mut rest) = (0, *class);
                while rest != 0 {
                    here |= at
                        .digit
                        .get(rest.trailing_zeros() as usize)
                        .copied()
                        .unwrap_or(0);
                    rest &= rest - 1;
                }
                here
            };
            (starts & here) << 1
        }
        Node::Seq(nodes) => nodes.iter().fold(starts, |s, n| ends(n, s, at)),
        Node::Alt(nodes) => nodes.iter().fold(0, |m, n| m | ends(n, starts, at)),
        Node::Repeat(inner, min, max) => {
            let mut cur = starts;
            for _ in 0..*min {
                cur = ends(inner, cur, at);
            }
            let mut all = cur;
            for _ in *min..*max {
                cur = ends(inner, cur, at);
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
            nodes.push(self.quantified(atom)?);
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
            b'0'..=b'9' => Some(Node::Class(1 << (b - b'0'))),
            b'\\' => self.eat(b'd').then_some(Node::Class(ALL_DIGITS)),
            b'[' => self.class(),
            b'(' => {
                // A capturing group matches what a non-capturing one does.
                if self.eat(b'?') && !self.eat(b':') {
                    return None;
                }
                let inner = self.alt(depth + 1)?;
                self.eat(b')').then_some(inner)
            }
            _ => None,
        }
    }

    /// A class of digits and ranges of digits, after its `[`.
    fn class(&mut self) -> Option<Node> {
        let digit = |b: u8| b.is_ascii_digit().then(|| b - b'0');
        let mut class = 0u16;
        loop {
            let b = self.peek()?;
            self.at += 1;
            match b {
                b']' if class != 0 => return Some(Node::Class(class)),
                b'\\' if self.eat(b'd') => class |= ALL_DIGITS,
                _ => {
                    let lo = digit(b)?;
                    let hi = if self.peek() == Some(b'-') && self.s.get(self.at + 1) != Some(&b']')
                    {
                        self.at += 1;
                        let hi = digit(self.peek()?)?;
                        self.at += 1;
                        hi
                    } else {
                        lo
                    };
                    if hi < lo {
                        return None;
                    }
                    for d in lo..=hi {
                        class |= 1 << d;
                    }
                }
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
    use regex_lite::Regex;

    /// The same answers as `regex-lite` on `^(?:p)$`.
    fn agree(p: &str, texts: &[String]) {
        let program = Digits::compile(p).unwrap_or_else(|| panic!("{p} does not compile"));
        let regex = Regex::new(&format!("^(?:{p})$")).expect("a regex");
        for t in texts {
            assert_eq!(
                program.full_match(t),
                Some(regex.is_match(t)),
                "{p} on {t:?}"
            );
        }
    }

    /// Texts near the language of `node`: one match built by walking it with `seed`,
    /// then that text with each digit changed, one digit dropped and one added.
    fn near(node: &Node, seed: &mut u64) -> Vec<String> {
        let mut m = String::new();
        build(node, seed, &mut m);
        let mut out = vec![m.clone(), format!("{m}5"), format!("0{m}")];
        for i in 0..m.len() {
            let mut b = m.clone().into_bytes();
            b[i] = b'0' + ((b[i] - b'0' + 1 + (next(seed) % 9) as u8) % 10);
            out.push(String::from_utf8(b).expect("digits"));
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
        match node {
            Node::Class(c) => {
                let digits: Vec<u32> = (0..10).filter(|d| c >> d & 1 == 1).collect();
                let d = digits[(next(seed) % digits.len() as u64) as usize];
                out.push(char::from_digit(d, 10).expect("a digit"));
            }
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

    #[test]
    fn every_number_pattern_of_the_packs_agrees_with_regex_lite() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/packs/phone");
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut patterns = 0;
        for entry in std::fs::read_dir(dir).expect("the phone packs") {
            let text = std::fs::read_to_string(entry.expect("an entry").path()).expect("a pack");
            for line in text.lines() {
                let fields: Vec<&str> = line.split('\t').collect();
                let p = match fields.as_slice() {
                    ["general", _, _, p] | ["type", _, p] => *p,
                    _ => continue,
                };
                let node = &Digits::compile(p).expect("a digit pattern").0;
                let mut texts: Vec<String> = (0..40).flat_map(|_| near(node, &mut seed)).collect();
                texts.extend(["", "1", "12345678901234567", "+1415", "４１５"].map(String::from));
                agree(p, &texts);
                patterns += 1;
            }
        }
        assert!(patterns > 1000, "{patterns} patterns");
    }

    #[test]
    fn syntax_edges() {
        let texts: Vec<String> = ["", "1", "12", "123", "1234", "9", "5-", "a1"]
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
        ] {
            agree(p, &texts);
        }
        for p in [
            "a", "1*", "1+", "1??", "[^1]", "(?=1)", "1{2,}", "(1", "1)", "[]", "[2-1]", ".",
            "1{65}",
        ] {
            assert!(Digits::compile(p).is_none(), "{p}");
        }
        let long = "1".repeat(64);
        assert_eq!(Digits::compile("\\d+").map(|d| d.full_match(&long)), None);
        assert_eq!(
            Digits::compile("1{2}").and_then(|d| d.full_match(&long)),
            None
        );
    }
}
