package corpus

import (
	"strings"
	"testing"
)

// The tokeniser's fast path for plain ASCII words must make the token the
// general path makes: every table word in three cases, words in no table,
// and long words past the stack buffer.
func TestPlainWordsTokenAsSetWord(t *testing.T) {
	var ws []string
	for w := range lexClass {
		if w != "" && isPlainASCIIWord(w) {
			ws = append(ws, w, strings.ToUpper(w[:1])+w[1:], strings.ToUpper(w))
		}
	}
	ws = append(ws, "Stoltenberg", "x", "X", "2024", "F16", strings.Repeat("a", maxClassifyLen), strings.Repeat("B", maxClassifyLen+1))
	for _, w := range ws {
		toks := tokenize(nil, w+" ", nil)
		if len(toks) != 1 {
			t.Fatalf("%q: %d tokens", w, len(toks))
		}
		var general token
		setWord(&general, w, 0, len(w))
		if toks[0] != general {
			t.Errorf("%q: fast path %+v, general %+v", w, toks[0], general)
		}
	}
}

// A paragraph tokenises as the general path alone would: words cut by
// hyphens, apostrophes, abbreviations, accents and quotation marks.
func TestTokenizeFastPathBoundaries(t *testing.T) {
	p := `Mr. Voss’s U.S. co-founder said “no” don't 3.5% Zürich rock&roll end`
	toks := tokenize(nil, p, nil)
	var got []string
	for _, tk := range toks {
		got = append(got, tk.text)
	}
	want := []string{"Mr.", "Voss’s", "U.S.", "co-founder", "said", "“", "no", "”", "don't", "3.5", "%", "Zürich", "rock&roll", "end"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tokens %q\nwant   %q", got, want)
	}
	for _, tk := range toks {
		var general token
		if tk.kind == tWord {
			setWord(&general, tk.text, tk.start, tk.end)
			if tk != general {
				t.Errorf("%q: %+v, want %+v", tk.text, tk, general)
			}
		}
	}
}

func isPlainASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if !asciiAlnum[w[i]] {
			return false
		}
	}
	return true
}
