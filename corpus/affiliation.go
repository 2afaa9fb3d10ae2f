package corpus

import (
	"cmp"
	"sort"
	"strings"
)

// Parties for speakers whose name and titles name none: an official known
// only by a bare title, or an unnamed statement.

// bareTitles speak for an organisation they do not name: "said general
// secretary Ann Lee", "the Prime Minister's official spokesman said".
// A president, chairman or leader heads a body of their own, which the
// article names when it matters; such titles are left alone.
var bareTitles = words(`spokesman spokeswoman spokesperson spokespeople secretary
official statement`)

// unaffiliated gives a party to the statements whose speaker is their own
// party for want of an affiliation:
//   - a document with a possessive owner ("Pence's press release") speaks
//     for the owner;
//   - a statement that names its issuer in the third person ("India rejects
//     the allegations") speaks for that party;
//   - an official with a bare title speaks for the organisation the
//     sentences just before name as speaking or acting ("Downing Street
//     distanced itself …" then "the Prime Minister's spokesman said").
func unaffiliated(a *Article, quoteParty []string, people *registry) {
	fixed := map[string]string{} // speaker → party found for one statement
	var context contextReader
	// What a speaker's name alone tells is worked out once for each
	// speaker, not once for each of its statements.
	owner := map[string]string{}
	bare := map[string]bool{}
	for i := range a.Quotes {
		q := &a.Quotes[i]
		if q.Speaker == "" || q.Party != q.Speaker || q.Kind != Direct {
			continue
		}
		o, ok := owner[q.Speaker]
		if !ok {
			o = possessiveOwner(q.Speaker)
			owner[q.Speaker] = o
		}
		if p := selfNamed(q.Text); p != "" {
			fixed[q.Speaker] = p
		} else if o != "" {
			fixed[q.Speaker] = o
		}
	}
	isBare := func(s string) bool {
		b, ok := bare[s]
		if !ok {
			b = isBareTitle(s)
			bare[s] = b
		}
		return b
	}
	for i := range a.Quotes {
		q := &a.Quotes[i]
		if q.Speaker == "" || q.Party != q.Speaker || q.Kind != Direct || fixed[q.Speaker] != "" {
			continue
		}
		if isBare(q.Speaker) || people.find(q.Speaker) != nil && isBare(q.RoleTitle) && !titledByName(a, q) {
			if p := context.party(a, q, people); p != "" {
				fixed[q.Speaker] = p
			}
		}
	}
	for i := range a.Quotes {
		if p := fixed[a.Quotes[i].Speaker]; p != "" && a.Quotes[i].Party == a.Quotes[i].Speaker {
			a.Quotes[i].Party, quoteParty[i] = p, p
		}
	}
}

// selfNamed is the gazetteer party a statement opens with as the subject of
// a present-tense verb: "India rejects …", "China firmly opposes …".
func selfNamed(text string) string {
	// Only the opening words are read: an entry's words, the verb, and an
	// adverb before it.
	var buf [maxGazetteerWords + 2]string
	ws := buf[:0]
	for w := range strings.FieldsSeq(text) {
		if ws = append(ws, w); len(ws) == len(buf) {
			break
		}
	}
	p, n := lookupParty(ws)
	if p == "" || n >= len(ws) || !isUpperStart(ws[0]) {
		return ""
	}
	verb := strings.ToLower(strings.Trim(ws[n], ",.;:"))
	if strings.HasSuffix(verb, "ly") && n+1 < len(ws) {
		verb = strings.ToLower(strings.Trim(ws[n+1], ",.;:")) // "firmly opposes"
	}
	if len(verb) > 3 && strings.HasSuffix(verb, "s") && !strings.HasSuffix(verb, "ss") && verb != "has" && verb != "is" && verb != "was" {
		return p
	}
	return ""
}

// isBareTitle: a title holding a bare title word and no name of an
// organisation ("the Prime Minister's official spokesman", "general
// secretary"; not "Unite general secretary").
func isBareTitle(s string) bool {
	bare := false
	for _, w := range strings.Fields(s) {
		w = strings.TrimSuffix(strings.TrimSuffix(strings.Trim(w, ",.;:"), "’s"), "'s")
		lw := strings.ToLower(w)
		if isUpperStart(w) && !titleWords[lw] && !roleNouns[lw] && !stopCaps[lw] {
			return false // a name: "Unite general secretary"
		}
		bare = bare || bareTitles[lw]
	}
	return bare
}

// contextParty is the organisation or government that the sentences before
// a statement, in its paragraph and the one before, give as the subject of
// a speech or rebuttal verb; the nearest one wins.
func contextParty(a *Article, q *Quote, people *registry) string {
	for k := q.Paragraph; k >= 0 && k >= q.Paragraph-1; k-- {
		p := a.Paragraphs[k]
		if k == q.Paragraph {
			p = p[:q.Start]
		}
		if found := readContext(p, people).before(len(p), namesOrgNoun(q.Speaker+" "+q.RoleTitle)); found != "" {
			return found
		}
	}
	return ""
}

// contextReader is contextParty for every statement of an article: each
// paragraph is tokenized and its verbs read once, not once for each
// statement of a bare-titled speaker in it, which a paragraph of thousands
// of "the spokesman said" made its length squared.
type contextReader struct {
	paras map[int]*paragraphContext
}

// party is contextParty(a, q, people).
func (r *contextReader) party(a *Article, q *Quote, people *registry) string {
	orgNoun := namesOrgNoun(q.Speaker + " " + q.RoleTitle)
	for k := q.Paragraph; k >= 0 && k >= q.Paragraph-1; k-- {
		if r.paras == nil {
			r.paras = map[int]*paragraphContext{}
		}
		c := r.paras[k]
		if c == nil {
			c = readContext(a.Paragraphs[k], people)
			r.paras[k] = c
		}
		limit := len(a.Paragraphs[k])
		if k == q.Paragraph {
			limit = q.Start
			if c.wordAcross(limit) {
				// A word runs on over the quotation's opening mark ("said'x"):
				// the paragraph cut there reads differently.
				return contextParty(a, q, people)
			}
		}
		if found := c.before(limit, orgNoun); found != "" {
			return found
		}
	}
	return ""
}

// paragraphContext is what the verbs of one paragraph give contextParty:
// after each verb that names a party, the party found so far, for a
// speaker whose title names an organisation noun and for one whose does
// not.
type paragraphContext struct {
	verbEnds []int       // where each such verb ends, in order
	found    [2][]string // the party found after each, [0] without an organisation noun in the title, [1] with
	starts   []int       // every token's start, and end: to tell a word running over a cut
	ends     []int
}

// readContext reads the verbs of paragraph p.
func readContext(p string, people *registry) *paragraphContext {
	ts := tokenize(nil, p, nil)
	c := &paragraphContext{starts: make([]int, len(ts)), ends: make([]int, len(ts))}
	var s sides
	var found [2]string
	for v := range ts {
		t := &ts[v]
		c.starts[v], c.ends[v] = t.start, t.end
		if t.kind != tWord || t.cap {
			continue
		}
		w := leadWord(t)
		if !t.is(cSpeech) && !t.is(cRebuttal) && !leadRebuttals[w] {
			continue
		}
		party := s.partyBefore(ts, v, p, people)
		if party == "" {
			continue
		}
		if isGazetteerParty(party) {
			found = [2]string{party, party}
		} else if org := capitalisedOrg(party); org != "" {
			// A person is no organisation to speak for, unless the title
			// says an organisation speaks: "a club spokesman" after
			// "Westfield United have denied …".
			if people.find(party) == nil {
				found[0] = org
			}
			found[1] = org
		}
		c.verbEnds = append(c.verbEnds, t.end)
		c.found[0], c.found[1] = append(c.found[0], found[0]), append(c.found[1], found[1])
	}
	return c
}

// before is the party the verbs ending by offset limit give, for a speaker
// whose title names an organisation noun (orgNoun) or not. A verb reads
// only the words before it, so it gives the same party in the paragraph
// cut at limit.
func (c *paragraphContext) before(limit int, orgNoun bool) string {
	n := sort.SearchInts(c.verbEnds, limit+1) // the verbs ending by limit
	if n == 0 {
		return ""
	}
	if orgNoun {
		return c.found[1][n-1]
	}
	return c.found[0][n-1]
}

// wordAcross reports whether a token of the paragraph starts before
// offset and ends after it.
func (c *paragraphContext) wordAcross(offset int) bool {
	k := sort.SearchInts(c.ends, offset+1) // the first token ending after offset
	return k < len(c.ends) && c.starts[k] < offset
}

// possessiveOwner is X in "X's statement", "X’s press release": a document
// whose owner the speaker's name gives.
func possessiveOwner(speaker string) string {
	ws := strings.Fields(speaker)
	if len(ws) < 2 || !docWords[strings.ToLower(ws[len(ws)-1])] {
		return ""
	}
	for i, w := range ws[:len(ws)-1] {
		base := strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
		if base != w && isUpperStart(base) {
			owner := strings.Join(append(ws[:i:i], base), " ")
			return cmp.Or(partyOf(owner), owner)
		}
	}
	return ""
}

// titledByName: the statement's paragraph writes the speaker's first name
// word just before the title's last word ("a Copperhill spokesperson"):
// the speaker is the organisation, not a person to place by context.
func titledByName(a *Article, q *Quote) bool {
	name := strings.Fields(q.Speaker)
	title := strings.Fields(q.RoleTitle)
	if len(name) == 0 || len(title) == 0 || q.Paragraph < 0 || q.Paragraph >= len(a.Paragraphs) {
		return false
	}
	return strings.Contains(a.Paragraphs[q.Paragraph], name[0]+" "+title[len(title)-1])
}

// namesOrgNoun: a title holds a plain organisation noun ("club
// spokesman", "company spokeswoman").
func namesOrgNoun(title string) bool {
	found := false
	forEachWord(strings.ToLower(title), func(w string) bool {
		found = plainOrgNouns[w]
		return !found
	})
	return found
}
