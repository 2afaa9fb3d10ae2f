package corpus

import (
	"testing"
	"unicode/utf8"
)

// FuzzLoad feeds arbitrary bytes through the whole ingestion path:
// decoding, sanitising, parsing and analysis. It must never panic, every
// string must be terminal-safe, and every quotation's span must point at
// its text inside its paragraph, without overlapping the next.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("Title\n\n“We reject it,” Minister Ola Berg said.\n“More,” he added."))
	f.Add([]byte("T\n\nQ: “a\nA: b\n“c\n\x1b[31m”d”"))
	f.Add([]byte{0xFF, 0xFE, 'T', 0, '\n', 0})
	f.Fuzz(func(t *testing.T, raw []byte) {
		text, err := decodeText(raw)
		if err != nil {
			return
		}
		a := Parse("fuzz", "fuzz.txt", text)
		a.Analyse()
		checkArticle(t, a)
	})
}

// FuzzQuotes checks quotation extraction alone on one paragraph.
func FuzzQuotes(f *testing.F) {
	for _, s := range []string{
		`“One,” he said, “two.”`, `"a' b" 'c" d’`, `‘‘’’""“”`, `don’t ‘x’ "y`,
		`«a» „b” "c”`, `“ ”`, `'`, `People's “x's” y’`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		p = Sanitize(p)
		last := -1
		for _, s := range scanQuotes(p) {
			if !(0 <= s.open && s.open <= s.start && s.start <= s.end && s.end <= s.close && s.close <= len(p)) {
				t.Fatalf("span %+v out of order in %q", s, p)
			}
			if s.open < last {
				t.Fatalf("span %+v overlaps the one before in %q", s, p)
			}
			if !utf8.ValidString(p[s.start:s.end]) {
				t.Fatalf("span %+v cuts a rune in %q", s, p)
			}
			last = s.close
		}
	})
}

func checkArticle(t *testing.T, a *Article) {
	t.Helper()
	for _, s := range append([]string{a.ID, a.Title, a.Dek, a.Dateline, a.Date, a.Genre}, a.Paragraphs...) {
		assertTerminalSafe(t, s)
	}
	prevPara, prevEnd := -1, 0
	for _, q := range a.Quotes {
		if q.Paragraph < 0 || q.Paragraph >= len(a.Paragraphs) {
			t.Fatalf("quote in paragraph %d of %d", q.Paragraph, len(a.Paragraphs))
		}
		p := a.Paragraphs[q.Paragraph]
		if q.Start < 0 || q.Start > q.End || q.End > len(p) || p[q.Start:q.End] != q.Text {
			t.Fatalf("quote span %d-%d does not give its text %q in %q", q.Start, q.End, q.Text, p)
		}
		if q.Paragraph == prevPara && q.Start < prevEnd {
			t.Fatalf("quotations overlap in ¶%d: %q", q.Paragraph, q.Text)
		}
		prevPara, prevEnd = q.Paragraph, q.End
		for _, s := range []string{q.Speaker, q.RoleTitle, q.Party} {
			assertTerminalSafe(t, s)
		}
	}
	for _, p := range a.Debate {
		if p.Accusation == nil && p.Response == nil {
			t.Fatalf("empty debate row")
		}
	}
}

// FuzzSnapshot: a damaged snapshot is an error, never a panic or an
// article whose statements point outside its paragraphs.
func FuzzSnapshot(f *testing.F) {
	for _, a := range LoadSeeds().Articles {
		f.Add(a.AppendSnapshot(nil))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ArticleFromSnapshot(data)
		if err != nil {
			return
		}
		for _, q := range a.Quotes {
			if q.Paragraph < 0 || q.Start < 0 || q.Start > q.End {
				t.Fatalf("statement out of range: %+v", q)
			}
		}
		NewCorpus([]*Article{a}, nil).Search("a", nil)
	})
}
