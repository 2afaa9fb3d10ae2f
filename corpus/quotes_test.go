package corpus

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// texts returns the quoted words scanQuotes finds in one paragraph.
func texts(p string) []string {
	var out []string
	for _, s := range scanQuotes(p) {
		out = append(out, p[s.start:s.end])
	}
	return out
}

func TestQuoteMarks(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"curly double", `He said “we are ready” today.`, []string{"we are ready"}},
		{"straight double", `He said "we are ready" today.`, []string{"we are ready"}},
		{"curly single", `in its own image ‘with little transparency’ says the chief`, []string{"with little transparency"}},
		{"straight single", `China says 'fabricated' charges hurt ties`, []string{"fabricated"}},
		{"straight open, curly close", `called the move "unacceptable and reckless” on Monday`, []string{"unacceptable and reckless"}},
		{"curly open, straight close", `the use of hackers “is distinct". Next`, []string{"is distinct"}},
		{"apostrophes inside are not closing marks", `“The People’s army won’t stop, and that's that,” he said.`, []string{"The People’s army won’t stop, and that's that,"}},
		{"apostrophe outside opens nothing", `The allies’ rebuke and the country's reply`, nil},
		{"brackets and ellipses stay inside", `“we [the allies] have … to act” she said`, []string{"we [the allies] have … to act"}},
		{"a nested quotation is part of the outer one", `“withdraw the 'indictment'," he said`, []string{"withdraw the 'indictment',"}},
		{"a trailing comma stays inside", `"absurd" , warning`, []string{"absurd"}},
		{"two quotations", `“One,” he said, “two.”`, []string{"One,", "two."}},
		{"German low-nine opening", `Er sagte „wir sind bereit” heute.`, []string{"wir sind bereit"}},
		{"guillemets", `Il a dit «nous sommes prêts» hier.`, []string{"nous sommes prêts"}},
		{"two apostrophes for double marks", `''We are ready,'' the mayor said, ''and we will stay.''`, []string{"We are ready,", "and we will stay."}},
		{"two apostrophes around a plural possessive", `the voters' mood was ''grim,'' a pollster said`, []string{"grim,"}},
		{"a nested single quotation closing with the double one", `''He told me, 'Wait for it,''' she recalled.`, []string{"He told me, 'Wait for it,'"}},
		{"two apostrophes mid-word are not marks", `the rock''n''roll years`, nil},
		{"a closing mark straight after a comma", `"We will win,"said the coach.`, []string{"We will win,"}},
		{"a closing mark standing between spaces", `"They called it 'a disgrace,' " the senator said.`, []string{"They called it 'a disgrace,'"}},
		{"a curly opening mark with a stray space", `The ad shows him saying, “ we have to build it now.”`, []string{"we have to build it now."}},
		{"a curly quotation inside a curly one", `“The claim that peace “depends on them” is wrong,” wrote the author.`, []string{"The claim that peace “depends on them” is wrong,"}},
		{"a curly quotation inside a straight one", `"It is no longer about “fair play” at all," she said.`, []string{"It is no longer about “fair play” at all,"}},
		{"UK single marks after a colon run on", `The striker wrote: 'I cannot believe I have to say this.`, []string{"I cannot believe I have to say this."}},
		{"a lone single mark mid-sentence opens nothing", `The word 'never appears twice in the text.`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := texts(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestQuoteRunsOverParagraphs(t *testing.T) {
	a := analysed(t,
		`Regulator chief Anna Berg said: “The firm broke the rules for years.`,
		`“It ignored our letters and it misled its customers.`,
		`“That is why we went to court.”`,
		`The firm did not comment.`,
	)
	want := []string{
		"The firm broke the rules for years.",
		"It ignored our letters and it misled its customers.",
		"That is why we went to court.",
	}
	if len(a.Quotes) != len(want) {
		t.Fatalf("got %d quotations, want %d: %+v", len(a.Quotes), len(want), a.Quotes)
	}
	for i, q := range a.Quotes {
		if q.Text != want[i] || q.Speaker != "Anna Berg" || q.Paragraph != i {
			t.Errorf("quote %d: %q by %q in ¶%d, want %q by Anna Berg in ¶%d", i, q.Text, q.Speaker, q.Paragraph, want[i], i)
		}
	}
}

func TestUnbalancedMarkStaysInItsParagraph(t *testing.T) {
	a := analysed(t,
		`The report used the word "breach several times without closing it.`,
		`“This is a real quotation,” Minister Jon Berg said.`,
	)
	q := quoteOf(t, a, "This is a real")
	if q.Text != "This is a real quotation," || q.Speaker != "Jon Berg" {
		t.Errorf("got %q by %q", q.Text, q.Speaker)
	}
	for _, q := range a.Quotes {
		if q.Paragraph == 0 {
			t.Errorf("stray mark gave a quotation: %q", q.Text)
		}
	}
}

func TestArticleEndingInsideAQuote(t *testing.T) {
	a := analysed(t,
		`“We will appeal,” the club said in a statement.`,
		`“The sanction is unjust and disproportionate.`,
	)
	q := quoteOf(t, a, "The sanction")
	if q.Text != "The sanction is unjust and disproportionate." {
		t.Errorf("got %q", q.Text)
	}
}

func TestQuoteSpansPointAtTheText(t *testing.T) {
	for _, a := range LoadSeeds().Articles {
		for _, q := range a.Quotes {
			p := a.Paragraphs[q.Paragraph]
			if p[q.Start:q.End] != q.Text {
				t.Errorf("%s ¶%d: span gives %q, text is %q", a.ID, q.Paragraph, p[q.Start:q.End], q.Text)
			}
		}
	}
}

// A paragraph of stray opening marks ('a 'a 'a …) must scan in linear
// time: each mark once looked ahead to the paragraph's end for a closing
// one, so 240 KB took seconds. The deadline is generous for a busy
// machine; the quadratic scan misses it many times over.
func TestStrayMarksScanInLinearTime(t *testing.T) {
	p := strings.Repeat("'a ", 80_000)
	start := time.Now()
	if got := scanQuotes(p); len(got) != 0 {
		t.Errorf("stray marks gave %d quotations", len(got))
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("240 KB of stray marks took %v", took)
	}
}

// BenchmarkScanStrayMarks shows the scan of stray marks growing linearly:
// 60, 120 and 240 KB should take about 1×, 2× and 4× the time.
func BenchmarkScanStrayMarks(b *testing.B) {
	for _, kb := range []int{60, 120, 240} {
		p := strings.Repeat("'a ", kb*1000/3)
		b.Run(fmt.Sprintf("%dKB", kb), func(b *testing.B) {
			b.SetBytes(int64(len(p)))
			for b.Loop() {
				scanQuotes(p)
			}
		})
	}
}

func TestQuoteStylesAcrossParagraphs(t *testing.T) {
	t.Run("a hard-wrapped quotation", func(t *testing.T) {
		a := analysed(t,
			`The caucuses open next week.`,
			`“Other campaigns,” organiser Lena Marsh added, “have spent their money on television and not on getting people`,
			`to the meetings in person.” The vote is on Monday.`,
		)
		first := quoteOf(t, a, "have spent")
		last := quoteOf(t, a, "to the meetings")
		if last.Text != "to the meetings in person." || first.Speaker != "Lena Marsh" || last.Speaker != "Lena Marsh" {
			t.Errorf("got %q by %q and %q by %q", first.Text, first.Speaker, last.Text, last.Speaker)
		}
	})
	t.Run("UK single marks over paragraphs", func(t *testing.T) {
		a := analysed(t,
			`Goalkeeper Sam Okafor wrote on social media: 'I never thought I would have to write this.`,
			`'The stories about me are false and they hurt my family.`,
			`'I will not comment again.'`,
		)
		for _, prefix := range []string{"I never thought", "The stories", "I will not"} {
			if q := quoteOf(t, a, prefix); q.Speaker != "Sam Okafor" {
				t.Errorf("%q: speaker %q, want Sam Okafor", prefix, q.Speaker)
			}
		}
	})
	t.Run("a quotation opened after a full stop runs on", func(t *testing.T) {
		a := analysed(t,
			`“We were not told,” Ortega said. “They made the decision without us and they did not call.`,
			`“That is not how partners behave.”`,
		)
		if q := quoteOf(t, a, "They made"); q.Speaker != "Ortega" || !strings.HasSuffix(q.Text, "call.") {
			t.Errorf("got %q by %q", q.Text, q.Speaker)
		}
	})
}

// Marks are found among multi-byte letters, symbols and invalid bytes,
// which the scan passes a byte at a time.
func TestScanQuotesAmongMultiByteRunes(t *testing.T) {
	p := "Zoë said “Ça va” and «bien» 👍 \xff “ok” — ‘fine’ said Ngũgĩ"
	var got []string
	for _, s := range scanQuotes(p) {
		got = append(got, p[s.start:s.end])
	}
	want := []string{"Ça va", "bien", "ok", "fine"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("quotations %q, want %q", got, want)
	}
}
