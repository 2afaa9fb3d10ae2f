package corpus

import (
	"strings"
	"testing"
)

// lastWord and moreWordsThan must split words exactly as strings.Fields,
// which they replace on hot paths: Unicode spaces, runs of spaces, edges
// and invalid UTF-8 included.
func TestLastWordAndMoreWordsThanAgreeWithFields(t *testing.T) {
	for _, s := range []string{
		"", " ", "one", "  the minister said  ", "tab\tseparated\nlines",
		"no\u00a0break space", "ideographic\u3000space", "em\u2003space ",
		"bad \xff byte", "\xff", "trailing \u2003", "a b c d e",
	} {
		f := strings.Fields(s)
		want := ""
		if len(f) > 0 {
			want = f[len(f)-1]
		}
		if got := lastWord(s); got != want {
			t.Errorf("lastWord(%q) = %q, want %q", s, got, want)
		}
		for n := 0; n <= 5; n++ {
			if got := moreWordsThan(s, n); got != (len(f) > n) {
				t.Errorf("moreWordsThan(%q, %d) = %v, Fields gives %d words", s, n, got, len(f))
			}
		}
	}
}
