package corpus

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// tabWidth is the tab stop used when expanding tabs: a tab never reaches the
// terminal, whose own tab stops we do not control.
const tabWidth = 4

// errUTF16 is returned when a file starts with a UTF-16 byte-order mark but
// does not decode.
var errUTF16 = errors.New("UTF-16 text that does not decode")

// decodeText turns raw file bytes into sanitised UTF-8. UTF-16 with a BOM is
// decoded, a UTF-8 BOM is dropped, and everything then goes through Sanitize.
func decodeText(raw []byte) (string, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, _, err := transform.Bytes(dec, raw)
		if err != nil || len(raw)%2 != 0 {
			return "", errUTF16
		}
		raw = out
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		raw = raw[3:]
	}
	if len(raw) == 0 {
		return "", nil
	}
	// The buffer was read for this call and nothing else holds or changes
	// it, so it can become the string without a copy (most articles are
	// clean and Sanitize returns its input): this saves copying the whole
	// corpus once more while loading.
	return Sanitize(unsafe.String(&raw[0], len(raw))), nil
}

// Sanitize is the single line of defence between untrusted text and the
// terminal: Glamour, Lip Gloss and Bubble Tea all pass control sequences
// through untouched. It works rune by rune rather than by parsing escape
// sequences, because a parser can be fooled (an unterminated sequence
// swallows the text after it) while a rune filter cannot: with ESC, C1 and
// the other controls gone, no sequence can start.
//
// It keeps newlines, turns CRLF and lone CR into newlines, expands tabs,
// drops every other C0 control, DEL, C1 controls, bidi overrides and
// isolates, and tag characters, and replaces invalid UTF-8 with U+FFFD.
func Sanitize(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	col := 0
	for i := 0; i < len(s); {
		// Printable ASCII is copied a run at a time.
		if j := skipPrintable(s, i); j > i {
			b.WriteString(s[i:j])
			col += j - i
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue // CRLF: the LF that follows writes the newline
			}
			b.WriteByte('\n')
			col = 0
		case r == '\n', r == '\u2028', r == '\u2029':
			b.WriteByte('\n')
			col = 0
		case r == '\t':
			n := tabWidth - col%tabWidth
			b.WriteString("    "[:n])
			col += n
		case dropped(r):
		case r == utf8.RuneError && size == 1:
			b.WriteString("\uFFFD") // an invalid byte
			col++
		default:
			b.WriteString(s[i-size : i]) // the rune as it was written
			col++
		}
	}
	return b.String()
}

// SanitizeLine is Sanitize for one-line fields (titles, file names, client
// strings): every line break becomes a space.
func SanitizeLine(s string) string {
	return strings.ReplaceAll(Sanitize(s), "\n", " ")
}

// dropped reports whether a rune is removed outright.
func dropped(r rune) bool {
	switch {
	case r < 0x20: // C0 (newline and tab are handled before this)
		return true
	case r == 0x7F: // DEL
		return true
	case r >= 0x80 && r <= 0x9F: // C1, such as CSI U+009B
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069: // bidi embeddings, overrides, isolates
		return true
	case r == 0x200E, r == 0x200F, r == 0x061C: // left-to-right, right-to-left and Arabic letter marks
		return true
	case r >= 0xE0000 && r <= 0xE007F: // tag characters
		return true
	}
	return false
}

// isClean is the fast path: most articles need no change at all, and then
// Sanitize returns its input without copying it.
func isClean(s string) bool {
	for i := 0; i < len(s); {
		i = skipPrintable(s, i)
		if i == len(s) {
			break
		}
		c := s[i]
		if c < 0x80 {
			if c < 0x20 && c != '\n' || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || dropped(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += size
	}
	return true
}
