package corpus

import (
	"strings"
	"testing"
)

// A partial quotation carries the words that lead into it, so a fragment
// never reads as the opposite of what was said; a whole quotation after
// "said:" or opening its sentence stands alone.
func TestFramingOfPartialQuotations(t *testing.T) {
	a := Parse("f", "f.txt", "Ferry strike talks collapse\n\n"+
		"The union urged the ferry company to stop “punishing its own crews,” a spokesperson said.\n\n"+
		"“We will not be bullied,” the company said.\n\n"+
		"The company's chief executive said: “The strike is unlawful.”\n")
	a.Analyse()
	want := map[string]string{
		"punishing its own crews,": "…urged the ferry company to stop ", // the last six words
		"We will not be bullied,":  "",
		"The strike is unlawful.":  "",
	}
	for i := range a.Quotes {
		q := &a.Quotes[i]
		w, ok := want[q.Text]
		if !ok {
			continue
		}
		delete(want, q.Text)
		if got := a.Framing(q); got != w {
			t.Errorf("Framing(%q) = %q, want %q", q.Text, got, w)
		}
	}
	for text := range want {
		t.Errorf("quotation %q not found", text)
	}
	long := Parse("l", "l.txt", "Headline here\n\nOn Tuesday the regional minister for transport and ports asked the company to stop “punishing crews.”\n")
	long.Analyse()
	if len(long.Quotes) == 0 {
		t.Fatal("no quotation found")
	}
	if got := long.Framing(&long.Quotes[0]); !strings.HasPrefix(got, "…") || len(strings.Fields(got)) != 6 {
		t.Errorf("a long lead-in is cut to its last six words after an ellipsis, got %q", got)
	}
}
