package corpus

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"counterpoint/corpus/synth"
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
		// Alone, and with text after it: a short word takes the
		// eight-byte path only when eight bytes are left.
		for _, after := range []string{" ", " and more after it"} {
			toks := tokenize(nil, w+after, nil)
			if len(toks) == 0 {
				t.Fatalf("%q: no tokens", w+after)
			}
			var general token
			setWord(&general, w, 0, len(w))
			if toks[0] != general {
				t.Errorf("%q: fast path %+v, general %+v", w+after, toks[0], general)
			}
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

// tokenizeGeneral is tokenize without its fast path: every word goes
// through wordEnd and setWord. The fast path must give the same tokens.
func tokenizeGeneral(p string, quotes []quoteRef) []token {
	var out []token
	qi := 0
	for i := 0; i < len(p); {
		if qi < len(quotes) && i >= quotes[qi].open {
			q := quotes[qi]
			out = append(out, token{kind: tQuote, text: p[q.open:q.close], start: q.open, end: q.close, quote: q.index})
			i = max(q.close, i+1)
			qi++
			continue
		}
		r, size := utf8.DecodeRuneInString(p[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case isWordRune(r):
			end := wordEnd(p, i)
			if qi < len(quotes) && end > quotes[qi].open {
				end = quotes[qi].open
			}
			var t token
			setWord(&t, p[i:end], i, end)
			out = append(out, t)
			i = end
		default:
			out = append(out, token{kind: tPunct, text: p[i : i+size], lower: p[i : i+size], start: i, end: i + size})
			i += size
		}
	}
	return out
}

// Whole paragraphs, with their quotations masked, tokenise as the general
// path alone would: synthetic news, the hostile shapes, and words of
// every length around the eight-byte steps, in every case, against every
// mark that may follow them.
func TestTokenizeAsGeneralPath(t *testing.T) {
	var paras []string
	var refs [][]quoteRef
	add := func(p string) {
		qs, _ := extractQuotes([]string{p}, nil, nil)
		var rs []quoteRef
		for k, q := range qs {
			rs = append(rs, quoteRef{k, q.open, q.close})
		}
		paras, refs = append(paras, p), append(refs, rs)
	}
	for i := range 50 {
		for _, p := range Parse("x", "x", synth.Article(i)).Paragraphs {
			add(p)
		}
	}
	for _, unit := range hostileShapes {
		add(strings.Repeat(unit, 40))
	}
	word := "aZ9bY8cX7dW6eV5fU4gT3hS2iR1jQ0kPlOmNnMoLpKqJrIsHtGuFvEwDxCyBzA"
	for n := 1; n <= 20; n++ {
		for _, after := range []string{"", " ", ".", ". ", "-x", "'s", "’s", "&b", ",", "é", "“q” ", "\xff", "\t"} {
			for _, w := range []string{word[:n], strings.ToLower(word[:n]), strings.ToUpper(word[:n])} {
				add(w + after + " " + w + after)
				add("“" + w + after + "” " + w)
			}
		}
	}
	for _, w := range []string{"said", "Said", "SAID", "minister", "Minister", "mr", "Mr", "MR"} {
		add(w + " " + w + ". " + w + "," + w)
	}
	// A full stop ends a word, or stays on it (abbreviations, initials),
	// or joins it to the next ("U.S", a missing space).
	stops := []string{"J", "j", "U", "Q", "said", "Said", "told", "Then", "x1"}
	for w := range abbreviations {
		stops = append(stops, w, strings.ToUpper(w[:1])+w[1:], strings.ToUpper(w))
	}
	for _, w := range stops {
		for _, after := range []string{". next words", ".Then more words", ".then more words", ".5 more words", ".é more words", ".” more words", "." + strings.Repeat(" ", 8), ".,        "} {
			add(w + after)
			add("Some words " + w + after)
		}
		add("words and " + w + ".")
	}
	add(strings.Repeat("a", maxClassifyLen) + " " + strings.Repeat("B", maxClassifyLen+1) + " " + strings.Repeat("c", maxClassifyLen+9))
	for k, p := range paras {
		got, want := tokenize(nil, p, refs[k]), tokenizeGeneral(p, refs[k])
		if !slices.Equal(got, want) {
			for i := range min(len(got), len(want)) {
				if got[i] != want[i] {
					t.Fatalf("%q: token %d is %+v, want %+v", p, i, got[i], want[i])
				}
			}
			t.Fatalf("%q: %d tokens, want %d", p, len(got), len(want))
		}
	}
}

// The marks the tokeniser takes without asking the Unicode tables are no
// space, letter or digit, as the tables would say.
func TestMarkRunesAreNoSpaceOrWord(t *testing.T) {
	for r := rune(0x80); r <= 0x10FFFF; r++ {
		if isMarkRune(r) && (unicode.IsSpace(r) || isWordRune(r)) {
			t.Errorf("%U is a mark to the tokeniser but a space or word rune", r)
		}
	}
	for _, r := range "–—‘’“”…‹›‰\uFFFD" {
		if !isMarkRune(r) {
			t.Errorf("%q: not taken as a mark", r)
		}
	}
}

// FuzzTokenize: any paragraph, its quotations masked, tokenises as the
// general path alone would.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		`Mr. Voss’s U.S. co-founder said “no” don't 3.5% Zürich rock&roll end`,
		`Secretary-General SUPPORTERS supporter. J. he said.Then “a” 'b' x`,
		"abcdefghijklmno. ABCDEFGHIJKLMNOP abcdefgh\xff Abcdefgh. Mr Co. co.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		p = Sanitize(p)
		qs, _ := extractQuotes([]string{p}, nil, nil)
		var refs []quoteRef
		for k, q := range qs {
			refs = append(refs, quoteRef{k, q.open, q.close})
		}
		if got, want := tokenize(nil, p, refs), tokenizeGeneral(p, refs); !slices.Equal(got, want) {
			t.Fatalf("%q: tokens\n%+v\nwant\n%+v", p, got, want)
		}
	})
}

// lowerWithCue lowers a statement as strings.ToLower does, eight bytes at
// a time or not, and joins its cue after a space.
func TestLowerWithCue(t *testing.T) {
	texts := []string{"", "A", "Hello World", "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{ 0123456789",
		"Minister Ola Berg SAID so", "Zürich Mayor Said", "Eight by:Nine AtZ[]", "ÅNGSTRÖM and KELVIN \u212a"}
	for _, text := range texts {
		for _, cue := range []string{"", "lee said"} {
			got, n := lowerWithCue(text, cue)
			want := strings.ToLower(text)
			if got != want+" "+cue || n != len(want) {
				t.Errorf("%q, %q: %q, %d; want %q, %d", text, cue, got, n, want+" "+cue, len(want))
			}
		}
	}
}

// trimRightSet trims as strings.TrimRight does, marks, letters, stray
// bytes and all.
func TestTrimRightSet(t *testing.T) {
	cutsets := []string{"”\"’' »", "”\"'’", "\"”’ ", " ”\"’'", " "}
	ends := []string{"", ".", "a", "”", "’", "»", "\"", "'", " ", "é", "\xff", "\xe2\x80", "“", "?”", ".’”", "»»"}
	for _, cut := range cutsets {
		for _, a := range ends {
			for _, b := range ends {
				for _, c := range ends {
					s := "He said" + a + b + c
					if got, want := trimRightSet(s, cut), strings.TrimRight(s, cut); got != want {
						t.Errorf("%q by %q: %q, want %q", s, cut, got, want)
					}
				}
			}
		}
	}
}
