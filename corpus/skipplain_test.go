package corpus

import (
	"strings"
	"testing"
)

// TestSkipPlain checks the eight-bytes-at-a-time scan against a byte loop,
// with the mark at every offset of a long plain run.
func TestSkipPlain(t *testing.T) {
	naive := func(p string, i int) int {
		for i < len(p) && p[i] < 0x80 && p[i] != '"' && p[i] != '\'' {
			i++
		}
		return i
	}
	plain := "He said the plan was fine, and 42 others agreed! (Mostly.) "
	for _, mark := range append([]string{`"`, "'", "“", "é", "\x80", "!", "#", "&", "&'"}, everyByte()...) {
		for cut := 0; cut <= len(plain); cut++ {
			p := plain[:cut] + mark + plain
			for start := 0; start < 10; start++ {
				if got, want := skipPlain(p, start), naive(p, start); got != want {
					t.Fatalf("skipPlain(%q, %d) = %d, want %d", p, start, got, want)
				}
			}
		}
	}
	if got := skipPlain(plain, 0); got != len(plain) {
		t.Errorf("plain text: stopped at %d of %d", got, len(plain))
	}
}

// TestSkipPrintable checks the sanitiser's fast scan against a byte loop.
func TestSkipPrintable(t *testing.T) {
	naive := func(p string, i int) int {
		for i < len(p) && p[i] >= 0x20 && p[i] < 0x7F {
			i++
		}
		return i
	}
	plain := "He said the plan was fine, and 42 others agreed! (Mostly.) ~"
	for _, mark := range append([]string{"\n", "\x00", "\x1f", "\x7f", "\x1b[31m", "é", "\x80", " ", "~", "\x20\x1f"}, everyByte()...) {
		for cut := 0; cut <= len(plain); cut++ {
			p := plain[:cut] + mark + plain
			for start := 0; start < 10; start++ {
				if got, want := skipPrintable(p, start), naive(p, start); got != want {
					t.Fatalf("skipPrintable(%q, %d) = %d, want %d", p, start, got, want)
				}
			}
		}
	}
}

// TestSkipJSONPlain checks the JSON writer's fast scan against a byte loop.
func TestSkipJSONPlain(t *testing.T) {
	naive := func(p string, i int) int {
		for i < len(p) && p[i] >= 0x20 && p[i] < 0x80 && p[i] != '"' && p[i] != '\\' {
			i++
		}
		return i
	}
	plain := "He said the plan was fine, and 42 others agreed! (Mostly.) ~\x7f"
	for _, mark := range append([]string{`"`, `\\`, "\n", "\x00", "\x1f", "é", "\u2028", "\x80", "!", "#", "\x7f"}, everyByte()...) {
		for cut := 0; cut <= len(plain); cut++ {
			p := plain[:cut] + mark + plain
			for start := 0; start < 10; start++ {
				if got, want := skipJSONPlain(p, start), naive(p, start); got != want {
					t.Fatalf("skipJSONPlain(%q, %d) = %d, want %d", p, start, got, want)
				}
			}
		}
	}
}

// everyByte is each byte value as a one-byte mark: the word-at-a-time
// tests must neither miss a stop byte nor stop at a plain one.
func everyByte() []string {
	out := make([]string, 256)
	for c := range out {
		out[c] = string([]byte{byte(c)})
	}
	return out
}

// BenchmarkSkipPlain is the scan over plain ASCII, which should pass eight
// bytes per step (about a nanosecond per eight bytes, not per byte).
func BenchmarkSkipPlain(b *testing.B) {
	p := strings.Repeat("He said the plan was fine, and 42 others agreed. ", 100)
	b.SetBytes(int64(len(p)))
	for b.Loop() {
		if skipPlain(p, 0) != len(p) || skipPrintable(p, 0) != len(p) {
			b.Fatal("stopped in plain text")
		}
	}
}
