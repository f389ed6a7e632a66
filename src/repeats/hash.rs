//! A fast hash for the maps of words and word pairs: the multiply-rotate hash of rustc's
//! `FxHasher` (rustc-hash 1.x) with a splitmix64 finish, so that keys differing only in their
//! high bits still spread over the table; written out here instead of a dependency (it is a
//! dozen lines). It is not resistant to chosen collisions; a page crafted to collide only slows
//! its own scan.

use std::hash::{BuildHasherDefault, Hasher};

/// `HashMap<K, V, FxBuild>` hashes with [`Fx`].
pub(crate) type FxBuild = BuildHasherDefault<Fx>;

/// The hasher; see the module documentation.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Fx {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        // The last 1 to 7 bytes go in as one word (two overlapping reads, and the length):
        // a short word of a page, as most are, costs one step instead of one per byte.
        let rest = chunks.remainder();
        let n = rest.len();
        if n >= 4 {
            let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
            let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]);
            self.add(u64::from(lo) | u64::from(hi) << 32 ^ (n as u64) << 61);
        } else if n > 0 {
            let word = u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16;
            self.add(word | (n as u64) << 24);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 31;
        h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h ^ (h >> 29)
    }
}
