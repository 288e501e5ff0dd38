//! The last few results of a pure function, per thread. `prepare` checks what it has
//! just normalized, and a form re-checks the same field on every keystroke: a
//! remembered result saves the second parse or regex run, and since the function is
//! pure it is the same answer.

use std::collections::VecDeque;

/// How many results are kept: an order has one phone number and one postal code, and
/// normalizing one tries a few candidates.
const CAPACITY: usize = 8;

/// Up to [`CAPACITY`] entries, oldest dropped first.
pub struct Recent<T>(VecDeque<T>);

impl<T: PartialEq> Recent<T> {
    pub const fn new() -> Self {
        Self(VecDeque::new())
    }

    /// The first remembered entry that `hit` accepts.
    pub fn find(&self, hit: impl Fn(&T) -> bool) -> Option<&T> {
        self.0.iter().find(|e| hit(e))
    }

    /// Keeps `entry`, unless the running call lacks a data pack: its result is then
    /// discarded (`data::with_packs`) and would be wrong once the pack is there.
    pub fn remember(&mut self, entry: T) {
        if crate::data::any_missing() || self.0.contains(&entry) {
            return;
        }
        if self.0.len() == CAPACITY {
            self.0.pop_front();
        }
        self.0.push_back(entry);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_latest_distinct_entries() {
        let mut r = Recent::new();
        for i in 0..CAPACITY + 2 {
            r.remember(i);
            r.remember(i);
        }
        assert_eq!(r.0.len(), CAPACITY);
        assert!(r.find(|e| *e == 1).is_none());
        assert_eq!(r.find(|e| *e == CAPACITY + 1), Some(&(CAPACITY + 1)));
    }
}
