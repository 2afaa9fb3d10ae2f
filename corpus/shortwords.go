package corpus

import (
	"math/bits"
	"unicode/utf8"
)

// Most words of an article are a few ASCII letters and digits: this file
// finds, lowers and classifies such a word with a handful of operations on
// eight bytes at once, where the byte loop lowered and hashed it one byte
// at a time and then probed lexTable by that hash.

// shortWordLen is the longest word the short path takes: its bytes and the
// one after it fit in two eight-byte loads. (In synthetic news, 68% of the
// words have at most seven bytes and 26% have eight to fifteen.)
const shortWordLen = 15

// shortKey is a word of at most shortWordLen ASCII letters and digits, its
// bytes packed little-endian into two words, zero above the word: no
// letter or digit is zero, so the key is the word.
type shortKey struct{ lo, hi uint64 }

// shortEntry is a word of lexClass under its key.
type shortEntry struct {
	key   shortKey
	word  string
	class wordClass
}

// shortTable is an open-addressing table of the short words of lexClass, a
// power of two at most half full; a zero key is an empty slot.
var shortTable, shortShift = func() ([]shortEntry, uint) {
	n, shift := 64, uint(64-6)
	for n < 2*len(lexClass) {
		n, shift = n*2, shift-1
	}
	slots := make([]shortEntry, n)
	for w, e := range lexClass {
		key, ok := packShort(w)
		if !ok {
			continue
		}
		i := shortSlot(key, shift)
		for slots[i].key.lo != 0 {
			i = (i + 1) & uint64(n-1)
		}
		slots[i] = shortEntry{key: key, word: e.word, class: e.class}
	}
	return slots, shift
}()

// packShort is the key of a lower-case word of one to shortWordLen ASCII
// letters and digits; ok is false for any other word.
func packShort(w string) (key shortKey, ok bool) {
	if w == "" || len(w) > shortWordLen {
		return key, false
	}
	for i := 0; i < len(w); i++ {
		if lowerAlnum[w[i]] != w[i] {
			return key, false // not a lower-case letter or a digit
		}
		if i < 8 {
			key.lo |= uint64(w[i]) << (8 * i)
		} else {
			key.hi |= uint64(w[i]) << (8 * (i - 8))
		}
	}
	return key, true
}

// shortSlot is where a key's probe starts: a multiplicative hash, whose top
// bits mix every byte of the word.
func shortSlot(key shortKey, shift uint) uint64 {
	return ((key.lo ^ key.hi*0xC2B2AE3D27D4EB4F) * 0x9E3779B97F4A7C15) >> shift
}

// findShort returns the entry of a short word's key, or nil.
func findShort(key shortKey) *shortEntry {
	mask := uint64(len(shortTable) - 1)
	for i := shortSlot(key, shortShift); ; i = (i + 1) & mask {
		e := &shortTable[i]
		if e.key == key {
			return e
		}
		if e.key.lo == 0 {
			return nil
		}
	}
}

// readLonger reads on a word of ASCII letters and digits at p[i] whose
// first eight bytes are such, lowered already: n, the word's length when it
// has at most shortWordLen bytes and p holds a byte past its end (0 for any
// other word), its key, and whether it had a capital.
func readLonger(p string, i int, lowered uint64, upper bool) (n int, key shortKey, _ bool) {
	if i+16 > len(p) {
		return 0, key, false
	}
	m, hi, up := shortRun(load8(p[i+8 : i+16]))
	if m == 8 {
		return 0, key, false
	}
	return 8 + m, shortKey{lowered, hi & (1<<(8*m) - 1)}, upper || up != 0
}

// shortRun reads the eight bytes w from the start of a word: n, how many
// of them are ASCII letters and digits before any other byte (8 when all
// are); w with the capitals among those n bytes lowered, whose n low bytes
// are then the word's bytes in its key; and upper, non-zero when one of
// them was a capital.
func shortRun(w uint64) (n int, lowered, upper uint64) {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	// For a byte b below 0x80, b+(0x80-lo) has its high bit set when
	// b >= lo, and b+(0x7F-hi) when b > hi; no carry leaves an ASCII
	// byte, so every byte before the first non-ASCII one is exact. That
	// one is never flagged: b|0x20+5 and b+0x46 keep the high bit of any
	// b >= 0x80 that b|0x20+0x1F and b+0x50 keep, so the &^ clears it.
	l := w | ones*0x20 // capitals lowered (and some marks moved, none into a-z)
	letters := (l + ones*(0x80-'a')) &^ (l + ones*(0x7F-'z'))
	digits := (w + ones*(0x80-'0')) &^ (w + ones*(0x7F-'9'))
	alnum := (letters | digits) & highs
	stop := bits.TrailingZeros64(^alnum & highs) // the high bit of byte n
	// A capital is a letter without the 0x20 bit, which <<2 lifts to the
	// high bit of its byte; the mask keeps bytes 0 to n-1 (n < 8; for
	// n == 8 the caller takes no key).
	up := letters &^ (w << 2) & highs & (1<<stop - 1)
	return stop >> 3, w | up>>2, up
}

// fullStopEnds reports whether wordEnd ends the short word of n bytes at
// p[i], whose key is key, at the full stop after it and leaves the stop
// out: no letter or digit follows the stop ("U.S", "he said.Then" go on
// by the general path, as does any multi-byte rune), and the word is no
// abbreviation or initial that keeps its stop.
func fullStopEnds(p string, i, n int, key shortKey) bool {
	if j := i + n + 1; j < len(p) && (p[j] >= utf8.RuneSelf || asciiAlnum[p[j]]) {
		return false
	}
	if n == 1 && 'A' <= p[i] && p[i] <= 'Z' {
		return false // an initial: "J."
	}
	return key.hi != 0 || !abbreviationKeys[key.lo]
}

// abbreviationKeys is abbreviations by their keys.
var abbreviationKeys = func() map[uint64]bool {
	m := map[uint64]bool{}
	for w := range abbreviations {
		if key, ok := packShort(w); ok && key.hi == 0 {
			m[key.lo] = true
		}
	}
	return m
}()
