package corpus

// load8 reads eight bytes as one little-endian word: the byte scanners
// below test all eight at once. (One slice, one bounds check; the compiler
// turns the shifts into a single load.)
func load8(q string) uint64 {
	_ = q[7]
	return uint64(q[0]) | uint64(q[1])<<8 | uint64(q[2])<<16 | uint64(q[3])<<24 |
		uint64(q[4])<<32 | uint64(q[5])<<40 | uint64(q[6])<<48 | uint64(q[7])<<56
}

// skipPlain returns the offset of the first byte at or after i that is a
// double quote, an apostrophe or part of a multi-byte rune, or len(p). The
// quotation scanners look at nothing else, and most of a paragraph is
// plain ASCII: it is passed over eight bytes at a time.
func skipPlain(p string, i int) int {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
		dq    = ones * '"'
		apos  = ones * '\''
	)
	for ; i+8 <= len(p); i += 8 {
		w := load8(p[i : i+8])
		x, y := w^dq, w^apos
		// A byte of x or y is zero where w holds a mark: (v-ones)&^v
		// sets the high bit of such a byte (and may of one above it, but
		// never misses one). Only the high bits are the test; the low
		// ones are set by any byte, and kept they flagged every word.
		if ((x-ones)&^x|(y-ones)&^y|w)&highs != 0 {
			break
		}
	}
	for i < len(p) {
		if c := p[i]; c >= 0x80 || c == '"' || c == '\'' {
			break
		}
		i++
	}
	return i
}

// skipPrintable returns the offset of the first byte at or after i that is
// an ASCII control (newline included), DEL or part of a multi-byte rune,
// or len(p): the sanitiser's check passes plain text eight bytes at a time.
func skipPrintable(p string, i int) int {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
		del   = ones * 0x7F
		space = ones * 0x20
	)
	for ; i+8 <= len(p); i += 8 {
		w := load8(p[i : i+8])
		d := w ^ del
		// (w-space)&^w sets the high bit of a byte below 0x20, (d-ones)&^d
		// of a DEL; as in skipPlain, a flag may be spurious but none is
		// missed, and only the high bits are read.
		if ((w-space)&^w|(d-ones)&^d|w)&highs != 0 {
			break
		}
	}
	for i < len(p) {
		if c := p[i]; c < 0x20 || c >= 0x7F {
			break
		}
		i++
	}
	return i
}

// skipJSONPlain returns the offset of the first byte at or after i that a
// JSON string must escape or look at (an ASCII control, the double quote,
// the backslash or part of a multi-byte rune), or len(p): the JSON writer
// copies the plain runs between them eight bytes at a step.
func skipJSONPlain(p string, i int) int {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
		space = ones * 0x20
		dq    = ones * '"'
		bs    = ones * '\\'
	)
	for ; i+8 <= len(p); i += 8 {
		w := load8(p[i : i+8])
		x, y := w^dq, w^bs
		// As in skipPlain and skipPrintable: a flag may be spurious but
		// none is missed, and only the high bits are read.
		if ((w-space)&^w|(x-ones)&^x|(y-ones)&^y|w)&highs != 0 {
			break
		}
	}
	for i < len(p) {
		if c := p[i]; c < 0x20 || c >= 0x80 || c == '"' || c == '\\' {
			break
		}
		i++
	}
	return i
}
