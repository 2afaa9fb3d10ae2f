package corpus

import (
	"strings"
	"testing"
)

// trimClosers is a faster strings.TrimRight with the closers' cutset: it
// must cut exactly what TrimRight cuts, and never inside another rune.
func TestTrimClosersCutsWhatTrimRightCuts(t *testing.T) {
	for _, q := range []string{
		"", " ", "“We lost.”", "“We lost,” ", "‘no’", "«non» ", "\"Yes!\" '", "“Why?” »",
		"ends in a letter", "”””", "“…”", "a ”’» \"' ", "emoji 👍”", "‚low quote‚", "x\u201d\u201c",
	} {
		if got, want := trimClosers(q), strings.TrimRight(q, "”\"’' »"); got != want {
			t.Errorf("trimClosers(%q) = %q, TrimRight gives %q", q, got, want)
		}
	}
}

// lastWordOf reads ASCII byte by byte: it must find lastWord's word.
func TestLastWordOfIsLastWord(t *testing.T) {
	for _, s := range []string{"", " ", "Lee", "Ann Lee", "Ann Lee ", "Ann\tLee\v", "Ann\vLee", "a  b\n", "José Ruiz", "Ann\u00a0Lee", "x\u0085y"} {
		if got, want := lastWordOf(s), lastWord(s); got != want {
			t.Errorf("lastWordOf(%q) = %q, lastWord gives %q", s, got, want)
		}
	}
}
