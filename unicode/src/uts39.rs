//! UTS #39's augmented script sets, over the Script_Extensions of the `unicode/idna-*`
//! packs: what a label's "single script" test intersects. Han, Hiragana, Katakana,
//! Hangul and Bopomofo add the writing systems Hanb, Jpan and Kore they belong to (so
//! Japanese Han+Kana is one script); Common and Inherited are every script.

/// A set of scripts, a bit each, numbered by [`ScriptNames`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ScriptSet([u64; 4]);

/// The most scripts (and the three writing systems) a set can hold.
const CAPACITY: usize = 256;

impl ScriptSet {
    /// Every script: what a string without text of its own (or the empty one) has.
    pub(crate) const ALL: Self = Self([u64::MAX; 4]);
    /// No script: Unknown's set.
    pub(crate) const NONE: Self = Self([0; 4]);

    pub(crate) fn intersect(self, other: Self) -> Self {
        let mut out = self;
        for (a, b) in out.0.iter_mut().zip(other.0) {
            *a &= b;
        }
        out
    }

    pub(crate) fn is_empty(self) -> bool {
        self == Self::NONE
    }

    fn insert(&mut self, bit: usize) {
        if let Some(word) = self.0.get_mut(bit / 64) {
            *word |= 1 << (bit % 64);
        }
    }
}

/// The bits of script short names, given in order of first use.
#[derive(Default)]
pub(crate) struct ScriptNames(Vec<String>);

impl ScriptNames {
    pub(crate) const fn new() -> Self {
        Self(Vec::new())
    }

    fn bit(&mut self, name: &str) -> Result<usize, String> {
        if let Some(i) = self.0.iter().position(|n| n == name) {
            return Ok(i);
        }
        if self.0.len() == CAPACITY {
            return Err(format!("more than {CAPACITY} scripts"));
        }
        self.0.push(name.to_string());
        Ok(self.0.len() - 1)
    }

    /// The augmented set of a Script_Extensions value as the pack writes it: short
    /// names joined by a space, or `Zyyy`/`Zinh` (every script) or `Zzzz` (none).
    pub(crate) fn augmented(&mut self, value: &str) -> Result<ScriptSet, String> {
        if value == "Zyyy" || value == "Zinh" {
            return Ok(ScriptSet::ALL);
        }
        let mut set = ScriptSet::NONE;
        if value == "Zzzz" {
            return Ok(set);
        }
        for name in value.split(' ') {
            if name.len() != 4 || !name.bytes().all(|b| b.is_ascii_alphabetic()) {
                return Err(format!("{name:?} is not a script's short name"));
            }
            let writing_systems: &[&str] = match name {
                "Hani" => &["Hanb", "Jpan", "Kore"],
                "Hira" | "Kana" => &["Jpan"],
                "Hang" => &["Kore"],
                "Bopo" => &["Hanb"],
                _ => &[],
            };
            for n in std::iter::once(&name).chain(writing_systems) {
                set.insert(self.bit(n)?);
            }
        }
        Ok(set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_and_kana_share_japanese_and_latin_shares_nothing_with_them() -> Result<(), String> {
        let mut names = ScriptNames::default();
        let han = names.augmented("Hani")?;
        let kana = names.augmented("Kana")?;
        let hangul = names.augmented("Hang")?;
        let latin = names.augmented("Latn")?;
        assert!(!han.intersect(kana).is_empty());
        assert!(!han.intersect(hangul).is_empty());
        assert!(kana.intersect(hangul).is_empty());
        assert!(han.intersect(latin).is_empty());
        assert_eq!(names.augmented("Zinh")?.intersect(latin), latin);
        assert!(names.augmented("Zzzz")?.is_empty());
        assert!(names.augmented("Latin").is_err());
        assert!(names.augmented("Latn ").is_err());
        Ok(())
    }

    #[test]
    fn too_many_scripts_are_refused() {
        let mut names = ScriptNames::default();
        let name = |i: usize| -> String {
            [i / 676 % 26, i / 26 % 26, i % 26, 0]
                .iter()
                .filter_map(|&d| u8::try_from(d).ok())
                .map(|d| char::from(b'a' + d))
                .collect()
        };
        for i in 0..CAPACITY {
            assert!(names.augmented(&name(i)).is_ok(), "{i}");
        }
        assert!(names.augmented(&name(CAPACITY)).is_err());
    }
}
