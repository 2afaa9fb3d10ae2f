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

// contextReader reads each paragraph once for every statement in it: it
// must give each statement the party that reading the paragraph cut at the
// statement gives (contextPartyByCut, the rule as it was written first),
// for speakers with and without an organisation noun in their title.
func TestContextReaderGivesContextParty(t *testing.T) {
	text := "Title\n\n" +
		"Westfield United have denied the claims. The club spokesman said “We are innocent.” The league rejected that, and a spokesman said “No.”\n\n" +
		"Ann Lee denied it all. A spokeswoman said “Wait.” Downing Street denied it. The official spokesman said'Later' and left.\n\n" +
		"“Fine,” said the spokesman, after China accused Acme Corp of lying. Acme Corp said “False.”\n"
	a := Parse("x", "x", text)
	a.Quotes, _ = extractQuotes(a.Paragraphs, make([]bool, len(a.Paragraphs)), nil)
	people := newRegistry()
	for i, p := range a.Paragraphs {
		people.scan(i, tokenize(nil, p, nil), p)
	}
	var r contextReader
	for i := range a.Quotes {
		q := &a.Quotes[i]
		for _, title := range []string{"", "club spokesman"} {
			q.RoleTitle = title
			if got, want := r.party(a, q, people), contextPartyByCut(a, q, people); got != want {
				t.Errorf("statement %q, title %q: contextReader gives %q, the cut paragraph %q", q.Text, title, got, want)
			}
		}
	}
	if len(a.Quotes) < 5 {
		t.Fatalf("%d statements found, the test wants at least 5", len(a.Quotes))
	}
}

// contextPartyByCut tokenizes each paragraph before the statement anew.
func contextPartyByCut(a *Article, q *Quote, people *registry) string {
	for k := q.Paragraph; k >= 0 && k >= q.Paragraph-1; k-- {
		p := a.Paragraphs[k]
		if k == q.Paragraph {
			p = p[:q.Start]
		}
		ts := tokenize(nil, p, nil)
		var s sides
		found := ""
		for v := range ts {
			t := &ts[v]
			if t.kind != tWord || t.cap || !t.is(cSpeech) && !t.is(cRebuttal) && !leadRebuttals[leadWord(t)] {
				continue
			}
			if party := s.partyBefore(ts, v, p, people); isGazetteerParty(party) {
				found = party
			} else if org := capitalisedOrg(party); party != "" && org != "" && (people.find(party) == nil || namesOrgNoun(q.Speaker+" "+q.RoleTitle)) {
				found = org
			}
		}
		if found != "" {
			return found
		}
	}
	return ""
}
