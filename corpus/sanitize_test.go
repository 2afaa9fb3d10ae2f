package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Each class of control sequence an article could carry to a terminal.
// The expected values are written by hand: the escape and control
// characters go, the printable bytes of a sequence stay as harmless text.
func TestSanitizeRemovesEveryControlClass(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"CSI colour", "red \x1b[31mALERT\x1b[0m text", "red [31mALERT[0m text"},
		{"CSI screen clear", "a\x1b[2Jb", "a[2Jb"},
		{"OSC 52 clipboard write", "x\x1b]52;c;ZXZpbA==\x07y", "x]52;c;ZXZpbA==y"},
		{"OSC 8 hyperlink", "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\", "]8;;http://evil.example\\click]8;;\\"},
		{"DCS", "\x1bPq#0;2;0;0;0\x1b\\after", "Pq#0;2;0;0;0\\after"},
		{"APC", "\x1b_Gf=100;AAAA\x1b\\after", "_Gf=100;AAAA\\after"},
		{"C0 controls", "a\x00b\x07c\x08d\x0be\x0cf", "abcdef"},
		{"C1 CSI as UTF-8", "a\u009b31mb\u0085c", "a31mbc"},
		{"C1 as a raw byte is invalid UTF-8", "a\x9b31mb", "a\uFFFD31mb"},
		{"DEL", "a\x7fb", "ab"},
		{"bidi override and isolates", "abc\u202Eevil\u202C \u2066x\u2069", "abcevil x"},
		{"bidi marks", "abc\u200Fevil\u200E \u061Cx", "abcevil x"},
		{"tag characters", "flag\U000E0041\U000E007F!", "flag!"},
		{"CRLF and lone CR", "one\r\ntwo\rthree", "one\ntwo\nthree"},
		{"tabs expand to spaces", "a\tb\n\tc", "a   b\n    c"},
		{"invalid UTF-8 is repaired", "ok\xff\xfeok", "ok\uFFFD\uFFFDok"},
		{"clean text is unchanged", "“Quotes”, accents é, CJK 中文, emoji 🙂", "“Quotes”, accents é, CJK 中文, emoji 🙂"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sanitize(tt.in)
			if got != tt.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			assertTerminalSafe(t, got)
		})
	}
}

// assertTerminalSafe fails when s could drive a terminal.
func assertTerminalSafe(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("invalid UTF-8 in %q", s)
	}
	for _, r := range s {
		if r != '\n' && dropped(r) || r == '\r' || r == '\t' {
			t.Errorf("control rune %U left in %q", r, s)
		}
	}
}

func TestDecodeText(t *testing.T) {
	utf16le := []byte{0xFF, 0xFE, 'H', 0, 'i', 0, 0x1C, 0x20, 'x', 0, 0x1D, 0x20}
	utf16be := []byte{0xFE, 0xFF, 0, 'H', 0, 'i'}
	tests := []struct {
		name string
		in   []byte
		want string
		err  bool
	}{
		{"UTF-16 little-endian with BOM", utf16le, "Hi“x”", false},
		{"UTF-16 big-endian with BOM", utf16be, "Hi", false},
		{"UTF-16 of odd length is refused", []byte{0xFF, 0xFE, 'H'}, "", true},
		{"UTF-8 BOM is dropped", []byte("\xEF\xBB\xBFTitle"), "Title", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeText(tt.in)
			if (err != nil) != tt.err || got != tt.want {
				t.Errorf("got %q, %v; want %q, error %v", got, err, tt.want, tt.err)
			}
		})
	}
}

func TestEveryStringOfAnArticleIsSanitised(t *testing.T) {
	raw := "Title \x1b[31mred\x1b[0m\n\nBERLIN\n\n“Attack\x1b]52;c;aGk=\x07 now,” said Jan\u202e Kowalski, the \x9bminister.\n"
	text, err := decodeText([]byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	a := Parse(IDFromPath("evil\x1b[2J.txt"), "evil.txt", text)
	a.Analyse()
	all := []string{a.ID, a.Title, a.Dek, a.Dateline}
	all = append(all, a.Paragraphs...)
	for _, q := range a.Quotes {
		all = append(all, q.Text, q.Speaker, q.RoleTitle, q.Party)
	}
	for _, s := range all {
		if strings.ContainsRune(s, 0x1b) {
			t.Errorf("escape left in %q", s)
		}
		assertTerminalSafe(t, s)
	}
}

// sanitizeByRune is Sanitize's slow path as first written: rune by rune,
// every kept rune written again.
func sanitizeByRune(s string) string {
	var b strings.Builder
	col := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue
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
		default:
			b.WriteRune(r)
			col++
		}
	}
	return b.String()
}

// Sanitize copies printable runs and kept runes as they were written, and
// gives what writing each rune again gave: tabs after runs of every
// length, invalid bytes, a literal U+FFFD, line breaks of every kind.
func TestSanitizeAsByRune(t *testing.T) {
	parts := []string{"a", "abcdefghij", "\t", "\r\n", "\r", "\n", "\u2028", "\x1b[31m", "\xff", "\xe2\x80", "\uFFFD", "é", "中", "\u202e", "👍", " ", "\x7f", "\u0085"}
	for _, a := range parts {
		for _, b := range parts {
			for _, c := range parts {
				for _, d := range []string{"", "\tz", "xyz\t"} {
					s := "\x01" + a + b + c + d // the control makes the text dirty
					if got, want := Sanitize(s), sanitizeByRune(s); got != want {
						t.Errorf("%q: %q, want %q", s, got, want)
					}
				}
			}
		}
	}
}
