package corpus

import "strings"

type mentionKind uint8

const (
	mNone    mentionKind = iota
	mPerson              // a named person: "NATO Secretary-General Jens Stoltenberg"
	mOrg                 // a named organisation or country: "NATO", "the White House"
	mGroup               // a group: "Chinese officials", "prosecutors"
	mRole                // an unnamed role: "the spokesman", "an Eir spokesperson"
	mDoc                 // a document: "NATO’s Strategic Concept", "the advisory"
	mPronoun             // he, she, they, it
	mInherit             // no subject of its own: "…, adding that …"
)

// mention is what a noun phrase says about a speaker, before resolution.
type mention struct {
	kind  mentionKind
	name  string // the name as written, or the pronoun
	title string // title and apposition
	head  string // the role, organisation or document noun, for resolution
	// someone is a role introduced as someone new ("an eyewitness", "a
	// neighbour"), tied to no one named: not a person quoted before.
	someone bool
}

var determiners = words(`the a an another its his her their our this that these those`)

// connectors may join the words of a name or title ("Secretary of State",
// "Transport for London", "embassy in London").
var connectors = words(`of for in at to from on`)

// nameParticles sit inside personal names ("Osama bin Laden").
var nameParticles = words(`bin al el van von de da du le la der den di dos`)

// plainOrgNouns are lower-case nouns that name an organisation when used
// with "the": "the club said".
var plainOrgNouns = words(`club company firm embassy ministry government administration
agency department office league commission regulator council court board party
group team organisation organization union alliance authority bank network newspaper paper
platform operator watchdog airline carrier retailer insurer broadcaster publisher
manufacturer carmaker automaker utility supplier developer charity hospital university
school business corporation conglomerate startup lender label brand`)

// npWord reports whether a word can stand inside a speaker's noun phrase.
func npWord(t *token) bool {
	if t.kind != tWord {
		return false
	}
	if t.cap || isDigitWord(t.lower) {
		return !t.is(cStop) || t.is(cHonorific) || t.is(cTitle) || nameLikeStops[t.lower]
	}
	return t.is(cRole) || t.is(cTitle) || t.is(cPlainOrg) ||
		t.is(cDoc) || t.is(cParticle) || t.is(cRoleAdj)
}

func isDigitWord(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// npBefore collects the noun phrase that ends just before ts[end], reading
// leftwards. It takes in an apposition ("Zhao Lijian, spokesperson for
// China’s Foreign Ministry, said") and steps over a relative clause
// ("William Hyslop, who spoke …, cited"). It returns the phrase and its
// apposition, if any.
func npBefore(ts []token, end int) (np, appos []token) {
	j := end - 1
	for j >= 0 && ts[j].kind == tWord && (ts[j].is(cFiller) || isTimeWord(&ts[j]) || isAdverb(&ts[j])) {
		j--
	}
	if j >= 0 && ts[j].text == "," {
		// "Name, apposition, said": take the apposition, then the name.
		a := collectLeft(ts, j-1)
		if len(a) > 0 && a[0].start > 0 && (startsWithRole(a) || a[0].is(cDeterminer) && len(a) > 1 || isDigitWord(a[0].lower) && len(a) == 1) {
			k := j - 1 - len(a)
			if k >= 0 && ts[k].text == "," {
				if n := collectLeft(ts, k-1); len(n) > 0 {
					return n, a
				}
			}
		}
		// "Trump, in Kentucky, said": a short place or time aside.
		for c := j - 1; c >= 1 && j-c <= 6; c-- {
			if ts[c].text == "," {
				if ts[c+1].is(cConnector) && c+1 < j {
					if n := collectLeft(ts, c-1); len(n) > 0 {
						return n, nil
					}
				}
				break
			}
		}
		// "its chair, Ana Prieto, called": a role, then the name set off
		// by commas.
		if len(a) > 0 && allNameWords(a) {
			k := j - 1 - len(a)
			if k >= 1 && ts[k].text == "," && ts[k-1].is(cRole|cTitle) {
				return a, collectLeft(ts, k-1)
			}
		}
		return nil, nil
	}
	np = collectLeft(ts, j)
	if len(np) == 1 && np[0].lower == "who" {
		k := j - 1
		if k >= 0 && ts[k].text == "," {
			return collectLeft(ts, k-1), nil
		}
	}
	return np, nil
}

// adverbs stand between a speaker and the verb ("he often says", "Lee
// angrily told"). A list, not every -ly word: "the Lee family echoes"
// has a noun there.
var adverbs = words(`often always never sometimes usually frequently again still even
reportedly quickly angrily flatly bluntly simply publicly privately quietly openly
loudly firmly bitterly sharply calmly initially finally eventually recently`)

// isAdverb reports whether a lower-case word is an adverb that may sit
// between a subject and its speech verb.
func isAdverb(t *token) bool {
	if t.cap || t.kind != tWord {
		return false
	}
	l := t.lower
	if l == "" {
		l = t.text
	}
	return adverbs[l]
}

// collectLeft gathers noun-phrase words ending at ts[j] (inclusive).
func collectLeft(ts []token, j int) []token {
	i := j
	for i >= 0 {
		t := &ts[i]
		switch {
		case t.kind == tWord && (t.is(cPronoun) || t.lower == "who") && i == j:
			return ts[i : j+1]
		case t.kind == tWord && t.is(cDeterminer) && i < j && i >= 2 && ts[i-1].is(cConnector) && npWord(&ts[i-2]):
			// "spokesperson for the airline": the determiner opens a phrase
			// inside the one being read, which goes on.
		case t.kind == tWord && t.is(cDeterminer) && i < j:
			return ts[i : j+1] // a determiner opens the phrase
		case t.kind == tWord && t.is(cConnector) && i < j && i > 0 && npWord(&ts[i-1]) && (ts[i+1].cap || ts[i+1].is(cDeterminer)):
		case npWord(t):
		case t.kind == tPunct && t.text == "-" && i < j && i > 0:
		default:
			return trimConnectors(ts[i+1 : j+1])
		}
		i--
	}
	return trimConnectors(ts[:j+1])
}

// npAfter collects the noun phrase starting at ts[i], reading rightwards,
// with an apposition after a comma ("said Zhao Lijian, spokesperson for …").
func npAfter(ts []token, i int) (np, appos []token) {
	np = collectRight(ts, i)
	k := i + len(np)
	if len(np) > 0 && k < len(ts) && ts[k].text == "," {
		appos = appositionAt(ts, k+1)
	}
	return np, appos
}

// maxApposition is the longest apposition read, in tokens.
const maxApposition = 16

// appositionAt reads an apposition that starts at ts[i] ("spokesperson for
// China’s Foreign Ministry", "prime minister of the self-proclaimed
// Donetsk People's Republic"): a phrase opening with a role, running to the
// next comma or full stop, and containing no verb.
func appositionAt(ts []token, i int) []token {
	if i >= len(ts) || !startsWithRole(ts[i:min(len(ts), i+3)]) {
		return nil
	}
	j := i
	for j < len(ts) && j-i < maxApposition {
		t := &ts[j]
		if t.kind == tQuote || t.kind == tPunct && t.text != "-" && t.text != "’" || t.is(cSpeech) || t.is(cFiller) && t.lower != "former" || t.lower == "who" {
			break
		}
		j++
	}
	return trimConnectors(ts[i:j])
}

func collectRight(ts []token, i int) []token {
	j := i
	for j < len(ts) {
		t := &ts[j]
		switch {
		case t.kind == tWord && t.is(cPronoun) && j == i:
			return ts[i : j+1]
		case t.kind == tWord && t.is(cDeterminer) && j == i:
		case t.kind == tWord && t.is(cConnector) && j > i && j+1 < len(ts) &&
			(ts[j+1].cap || ts[j+1].is(cDeterminer) && j+2 < len(ts) && ts[j+2].cap):
		case t.kind == tWord && t.is(cDeterminer) && j > i && ts[j-1].is(cConnector):
		case npWord(t):
		default:
			return trimConnectors(ts[i:j])
		}
		if t.poss && j > i && !t.cap {
			return ts[i : j+1]
		}
		j++
	}
	return trimConnectors(ts[i:j])
}

func trimConnectors(ts []token) []token {
	for len(ts) > 0 && (ts[len(ts)-1].is(cConnector) || ts[len(ts)-1].is(cDeterminer)) {
		ts = ts[:len(ts)-1]
	}
	for len(ts) > 0 && ts[0].is(cConnector) {
		ts = ts[1:]
	}
	return ts
}

// startsWithRole reports whether a phrase reads as an apposition:
// "spokesperson for …", "the Coordinator for …", "prime minister of …".
//
// A possessive may come first: "the authority's chief executive".
func startsWithRole(ts []token) bool {
	for k := range ts {
		t := &ts[k]
		if t.is(cDeterminer) || t.poss && k+1 < len(ts) {
			continue
		}
		return t.is(cRole) || t.is(cTitle) || t.is(cRoleAdj)
	}
	return false
}

func isTimeWord(t *token) bool {
	switch t.lower {
	case "on", "yesterday", "today", "tonight", "last", "late", "early", "week", "month", "year",
		"morning", "afternoon", "evening", "night", "earlier", "this":
		return true
	}
	return t.is(cStop) && t.cap && (strings.HasSuffix(t.lower, "day") || isMonth(t.lower))
}

func isMonth(w string) bool {
	switch w {
	case "january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december":
		return true
	}
	return false
}

// nameRun finds the last run of name words in a phrase: capitalised words
// that are not titles, organisations, places or sentence openers.
func nameRun(ts []token, people *registry) (from, to int) {
	from, to = -1, -1
	for i := 0; i < len(ts); {
		if n := gazetteerRun(ts[i:]); n > 0 { // "White House", "North Korea"
			i += n
			continue
		}
		if !isNameWord(&ts[i]) && !honorificName(ts, i) && !givenNameStart(ts, i) && !knownStopSurname(&ts[i], people) {
			i++
			continue
		}
		j := i + 1
		for j < len(ts) && !ts[j-1].poss && (isNameWord(&ts[j]) || ts[j].is(cParticle) && j+1 < len(ts) && isNameWord(&ts[j+1]) || surnameAt(ts, i, j)) {
			j++
		}
		if j < len(ts) && j-i >= 2 && !ts[j-1].poss && nameSuffixes[ts[j].base] {
			j++ // "Brent Bozell III", "Harry Harris Jr."
		}
		i += peelTitle(ts[i:j])
		if isPlaceRun(ts[i:j]) {
			i = j
			continue
		}
		single := j-i == 1
		known := single && (people.bySurname(ts[i].base) != "" || i > 0 && (ts[i-1].is(cHonorific) || ts[i-1].is(cTitle) || ts[i-1].is(cRole)))
		if !single || known {
			from, to = i, j
		}
		i = j
	}
	return from, to
}

// nameLikeStops are capitalised words the stop list keeps out of names
// for the page furniture they open ("Read more", "Watch:", "Note:") or the
// months they name, but that end names too: a surname after a given name
// ("Ian Read", "Theresa May") or an organisation's last word ("Human
// Rights Watch").
var nameLikeStops = words(`read watch may march sign note source look`)

// knownStopSurname reports whether a capitalised stop word is the surname
// of someone the article has named ("Read said" after "Ian Read").
func knownStopSurname(t *token, people *registry) bool {
	return t.kind == tWord && t.cap && nameLikeStops[t.lower] && people.bySurname(t.base) != ""
}

// nameSuffixes end a person's full name.
var nameSuffixes = words(`Jr. Jr Sr. Sr II III IV`)

// isNameWord: could this word be part of a person's name?
func isNameWord(t *token) bool {
	if t.kind != tWord || !t.cap || isDigitWord(t.lower) {
		return false
	}
	// Only a word that opens a gazetteer entry can be one.
	if t.is(cStop|cTitle|cOrg|cDoc|cRole|cHonorific) || t.is(cGazetteer) && gazetteer[t.lower] != "" {
		return false
	}
	return !isAllCaps(t.base) || len(t.base) <= 1
}

func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters > 1
}

// interpret reads a noun phrase as a speaker mention.
func interpret(np, appos []token, p string, people *registry) mention {
	indefinite := len(np) > 0 && (np[0].lower == "a" || np[0].lower == "an")
	for len(np) > 0 && np[0].is(cDeterminer) {
		np = np[1:]
	}
	if len(np) == 0 {
		return mention{}
	}
	if len(np) == 1 && np[0].is(cPronoun) {
		return mention{kind: mPronoun, name: np[0].lower}
	}
	title := joinTokens(appos, p)
	hasOrgWord := false
	for i := range np {
		t := &np[i]
		if t.is(cOrg) && t.cap {
			hasOrgWord = true
		}
	}
	if from, to := nameRun(np, people); from >= 0 && !(hasOrgWord && to == len(np)-1) {
		if to < len(np) && np[to].is(cOrg) {
			goto notPerson
		}
		name := joinBases(np[from:to], p)
		if to-from == 1 {
			if full := people.bySurname(np[from].base); full != "" {
				name = full
			}
		}
		pre := strings.TrimSpace(joinTokens(stripDeterminers(np[:from]), p))
		rest := strings.TrimSpace(joinTokens(np[to:], p)) // "Boris Johnson of Britain"
		return mention{kind: mPerson, name: name, title: joinNonEmpty(pre, rest, title)}
	}
notPerson:
	text := joinBases(np, p)
	head := ""
	for i := range np {
		t := &np[i]
		switch {
		case t.is(cRole) && !t.cap || t.is(cRole) && t.lower != "statement" && head == "":
			head = t.lower
		}
	}
	if head != "" && head != "statement" {
		if strings.HasSuffix(head, "s") && head != "chief" && !strings.HasSuffix(head, "ss") {
			return mention{kind: mGroup, name: text, head: head}
		}
		return mention{kind: mRole, name: text, head: head, title: joinNonEmpty(text, title), someone: indefinite && !tiedToSomeone(np)}
	}
	for i := range np {
		t := &np[i]
		if t.is(cDoc) {
			return mention{kind: mDoc, name: text, head: t.lower}
		}
	}
	for i := range np {
		t := &np[i]
		if t.cap && !t.is(cStop) {
			return mention{kind: mOrg, name: text}
		}
	}
	for i := range np {
		t := &np[i]
		if t.is(cPlainOrg) {
			return mention{kind: mOrg, head: t.lower}
		}
	}
	return mention{}
}

func stripDeterminers(ts []token) []token {
	for len(ts) > 0 && ts[0].is(cDeterminer) {
		ts = ts[1:]
	}
	return ts
}

// joinBases writes a phrase with its final possessive removed.
func joinBases(ts []token, p string) string {
	if len(ts) == 0 {
		return ""
	}
	last := ts[len(ts)-1]
	// A base is its token's text less any possessive ending, so it
	// usually still stands in p: the run is then a slice of p, not a copy.
	if end := last.start + len(last.base); end <= len(p) && p[last.start:end] == last.base {
		return p[ts[0].start:end]
	}
	return p[ts[0].start:last.start] + last.base
}

func joinNonEmpty(parts ...string) string {
	var out []string
	for _, s := range parts {
		if s = strings.Trim(s, " ,"); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, ", ")
}

// allNameWords reports whether every token could be part of a person's name.
func allNameWords(ts []token) bool {
	for i := range ts {
		t := &ts[i]
		if !isNameWord(t) && !t.is(cParticle) {
			return false
		}
	}
	return true
}

// tiedToSomeone reports whether a role phrase names whom the role serves:
// "spokesman for the mayor", "Lee's lawyer", "campaign aide".
func tiedToSomeone(np []token) bool {
	for i := range np {
		t := &np[i]
		if t.poss || t.is(cConnector) || t.cap || i < len(np)-1 && !t.is(cRoleAdj) {
			return true
		}
	}
	return false
}
