package corpus

// Small text helpers the engine's stages share: word boundaries, case,
// ASCII tests and the word hash. They live here, not where each was first
// needed, so that a stage reuses them instead of writing them again.

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// lastWord is the last of strings.Fields(s), found from the end without
// splitting s.
func lastWord(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[i+size:]
}

// trimRightSet is strings.TrimRight(s, cutset), without encoding each
// multi-byte rune of s again to look for it in cutset, as
// strings.TrimRight does when cutset holds one (the curly marks).
func trimRightSet(s, cutset string) string {
	for len(s) > 0 {
		if c := s[len(s)-1]; c < utf8.RuneSelf {
			if strings.IndexByte(cutset, c) < 0 {
				return s
			}
			s = s[:len(s)-1]
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s)
		in := false
		for _, c := range cutset {
			if c == r {
				in = true
				break
			}
		}
		if !in {
			return s
		}
		s = s[:len(s)-size]
	}
	return s
}

// moreWordsThan reports whether s has more than n of the words
// strings.Fields finds, without splitting it.
func moreWordsThan(s string, n int) bool {
	words, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			if words++; words > n {
				return true
			}
		}
		in = !space
	}
	return false
}

// countWords counts the words of a line: its spaces, plus one. Lines are
// trimmed and sanitised, so this is exact but for runs of spaces, and it
// uses the vectorised byte count.
func countWords(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, " ") + 1
}

// forEachWord calls fn with each word of a lower-case text (letters,
// digits, hyphens) until fn returns false.
func forEachWord(text string, fn func(string) bool) {
	for i := 0; i < len(text); {
		// Between words.
		if c := text[i]; c < utf8.RuneSelf {
			if !wordByte[c] {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); !isWordRune(r) {
			i += size
			continue
		}
		// In a word, to its end.
		start := i
		for i < len(text) {
			if c := text[i]; c < utf8.RuneSelf {
				if !wordByte[c] {
					break
				}
				i++
			} else if r, size := utf8.DecodeRuneInString(text[i:]); isWordRune(r) {
				i += size
			} else {
				break
			}
		}
		if !fn(text[start:i]) {
			return
		}
	}
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isUpperStart(w string) bool {
	return w != "" && w[0] >= 'A' && w[0] <= 'Z'
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func byteAt[S string | []byte](s S, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

// hash is FNV-1a, over a word as a string or as bytes.
func hash[S string | []byte](w S) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return h
}

// lowerWord lower-cases a word, without allocating when it is already
// lower-case ASCII, as most words are.
func lowerWord(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// lowerWithCue returns a statement's text in lower case, a space and its
// lower-case cue, and the length of the lowered text. An ASCII text, as
// most are, is lowered straight into the joined string: one allocation
// instead of one for the lowered text and one for the join.
func lowerWithCue(text, cueLower string) (string, int) {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	b := make([]byte, len(text)+1+len(cueLower))
	i := 0
	// Eight bytes a step: for a byte below 0x80, b+(0x80-'A') has its
	// high bit set when b >= 'A', and b+(0x7F-'Z') when b > 'Z' (no
	// carry leaves an ASCII byte); a capital gains the 0x20 bit.
	for ; i+8 <= len(text); i += 8 {
		w := load8(text[i : i+8])
		if w&highs != 0 {
			break // a multi-byte rune: the byte loop below sees it
		}
		up := (w + ones*(0x80-'A')) &^ (w + ones*(0x7F-'Z')) & highs
		binary.LittleEndian.PutUint64(b[i:i+8], w|up>>2)
	}
	for ; i < len(text); i++ {
		c := text[i]
		if c >= utf8.RuneSelf {
			t := strings.ToLower(text)
			return t + " " + cueLower, len(t)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	b[len(text)] = ' '
	copy(b[len(text)+1:], cueLower)
	// b is new and never written again: it can become the string.
	return unsafe.String(&b[0], len(b)), len(text)
}
