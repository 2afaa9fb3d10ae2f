package corpus

import (
	"index/suffixarray"
	"strings"
)

// One side named two ways is one party: "Skyway" and "Skyway Airlines".

// partyNames are the names a short party name may stand for: the parties
// of the statements, then the organisations and people the article names,
// in reading order.
func partyNames(quoteParty []string, people *registry, paras []string) []string {
	var names []string
	seen := map[string]bool{}
	add := func(n string) {
		if n != "" && !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	for _, p := range quoteParty {
		add(p)
	}
	inBody := inBodyFinder(paras, len(people.orgs))
	for _, o := range people.orgs {
		if inBody(o) {
			add(o)
		}
	}
	// People's names too, since a club or firm of two name words reads as
	// one ("Riverside Rovers"), but only those the body names: a headline's
	// run of capitals ("Acme Sued Over Spill") is no name.
	for _, m := range people.mentions {
		if m.para >= 0 && strings.Count(m.p.name, " ") < 3 {
			add(m.p.name)
		}
	}
	return names
}

// fullPartyName is the first longer name that ends with a party's name
// ("FA" in "West Riding FA", "Post" in "Washington Post"), or starts with it
// and goes on with organisation words only ("Skyway" in "Skyway Airlines"):
// one side named two ways is one side. Countries and blocs keep their names: "China"
// is not "China Daily".
func fullPartyName(p string, names []string) string {
	if p == "" || isGazetteerParty(p) {
		return p
	}
	for _, n := range names {
		if len(n) > len(p) && !isGazetteerParty(n) && (strings.HasSuffix(n, " "+p) || strings.HasPrefix(n, p+" ") && orgTail(n[len(p)+1:])) {
			return n
		}
	}
	return p
}

// maxScannedNames is the most names fullPartyName is run over for each
// party: beyond it, partyNameIndex looks a party up instead, since a text
// naming thousands of speakers would cost parties × names.
const maxScannedNames = 64

// partyNameIndex answers fullPartyName for every party of an article: by
// scanning the names when they are few, else by looking the party up among
// the words before and after each space of each name, once for each party.
type partyNameIndex struct {
	names  []string
	suffix map[string]int   // "Post" → the first name ending " Post"
	prefix map[string][]int // "Skyway" → the names starting "Skyway ", in order
	full   map[string]string
}

func newPartyNameIndex(names []string) *partyNameIndex {
	x := &partyNameIndex{names: names}
	if len(names) <= maxScannedNames {
		return x
	}
	x.suffix, x.prefix, x.full = map[string]int{}, map[string][]int{}, map[string]string{}
	for k, n := range names {
		if isGazetteerParty(n) {
			continue
		}
		for i := 0; i < len(n); i++ {
			if n[i] != ' ' {
				continue
			}
			if _, ok := x.suffix[n[i+1:]]; !ok {
				x.suffix[n[i+1:]] = k
			}
			x.prefix[n[:i]] = append(x.prefix[n[:i]], k)
		}
	}
	return x
}

// of is fullPartyName(p, names).
func (x *partyNameIndex) of(p string) string {
	if x.full == nil {
		return fullPartyName(p, x.names)
	}
	if p == "" || isGazetteerParty(p) {
		return p
	}
	if full, ok := x.full[p]; ok {
		return full
	}
	first := len(x.names)
	if k, ok := x.suffix[p]; ok {
		first = k
	}
	for _, k := range x.prefix[p] {
		if k >= first {
			break
		}
		if orgTail(x.names[k][len(p)+1:]) {
			first = k
			break
		}
	}
	full := p
	if first < len(x.names) {
		full = x.names[first]
	}
	x.full[p] = full
	return full
}

func canonicalScores(scores map[string]int, names *partyNameIndex) map[string]int {
	out := make(map[string]int, len(scores))
	for p, n := range scores {
		out[names.of(p)] += n
	}
	return out
}

// containsWordRun reports whether the words of short stand together, whole,
// inside long.
func containsWordRun(long, short string) bool {
	for i := 0; ; {
		k := strings.Index(long[i:], short)
		if k < 0 {
			return false
		}
		k += i
		end := k + len(short)
		if (k == 0 || long[k-1] == ' ') && (end == len(long) || long[end] == ' ') {
			return true
		}
		i = k + 1
	}
}

// isGazetteerParty reports whether a party is one the gazetteer names.
func isGazetteerParty(p string) bool {
	return gazetteerParties[p]
}

var gazetteerParties = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range gazetteer {
		m[p] = true
	}
	return m
}()

// inBodyFinder is inBody for names names: past maxScannedNames of them
// the body is indexed once (a suffix array, built in linear time) rather
// than read through once for each name, which for a text naming thousands
// of organisations cost names × bytes.
func inBodyFinder(paras []string, names int) func(string) bool {
	if names <= maxScannedNames {
		return func(name string) bool { return inBody(paras, name) }
	}
	// Paragraphs are joined by a NUL, which no name found in them holds.
	index := suffixarray.New([]byte(strings.Join(paras, "\x00")))
	return func(name string) bool {
		if name == "" || strings.Contains(name, "\x00") {
			return inBody(paras, name)
		}
		return len(index.Lookup([]byte(name), 1)) > 0
	}
}

// inBody reports whether a name is written in the body outside quotation
// marks' reach as far as a plain search can tell: not only in the
// headline, where runs of capitals are no names.
func inBody(paras []string, name string) bool {
	for _, p := range paras {
		if strings.Contains(p, name) {
			return true
		}
	}
	return false
}

// orgTail: every word is an organisation word ("Airlines", "Group Ltd").
func orgTail(s string) bool {
	for _, w := range strings.Fields(s) {
		lw := strings.ToLower(strings.Trim(w, ".,"))
		if !orgWords[lw] && !plainOrgNouns[lw] {
			return false
		}
	}
	return true
}
