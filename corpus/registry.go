package corpus

import (
	"sort"
	"strings"
)

// person is someone the article names in full, with the title it gives them.
type person struct {
	name  string
	title string
	place string // party of the place the sentence naming them opened with ("In Minsk,")
	// gender is what the title naming them says ('m' for "Mr."), for a
	// person known by surname only, or 0.
	gender byte
}

// registry holds the people an article names, so that later surname-only
// mentions ("Stoltenberg said") resolve to the full name first used, and
// "he said" can fall back on the person last named.
type registry struct {
	people   []*person
	byName   map[string]*person // the first person of each name, for find
	surnames map[string]*person // last word of a name
	firsts   map[string]*person // first word, for names written family name first ("Mr Wang" for Wang Wenbin)
	mentions []personAt         // every mention, in reading order
	orgs     []string           // organisations named in full ("Northwind Airlines"), in reading order
	orgNamed map[string]bool    // the names in orgs
	orgAt    []orgMention       // every naming of an organisation, acronyms included, in reading order
	headline map[string]string  // runs of the title block by last word, not yet seen in the body
}

type orgMention struct {
	para, offset int
	name         string
}

type personAt struct {
	para, offset int
	p            *person
	subject      bool // the first person named in its sentence, mostly its subject
}

func newRegistry() *registry {
	return &registry{surnames: map[string]*person{}, firsts: map[string]*person{}, byName: map[string]*person{}}
}

func (r *registry) bySurname(s string) string {
	if p := r.byWord(s); p != nil {
		return p.name
	}
	return ""
}

func (r *registry) byWord(s string) *person {
	if p := r.surnames[s]; p != nil {
		return p
	}
	return r.firsts[s]
}

// find returns the first person of the name: looked up, not searched
// for, as every named speaker of every statement is.
func (r *registry) find(name string) *person {
	return r.byName[name]
}

// add registers a person.
func (r *registry) add(pr *person) {
	r.people = append(r.people, pr)
	if r.byName[pr.name] == nil {
		r.byName[pr.name] = pr
	}
}

// scan registers the people named in one paragraph (para -1 for the title
// block). Names are runs of two or more name words; a single word is a
// mention of someone already known by that surname.
func (r *registry) scan(para int, ts []token, p string) {
	sentStart := 0
	named := false // a person was named earlier in this sentence
	for i := 0; i < len(ts); {
		t := &ts[i]
		if !t.cap {
			// Places, organisations, acronyms and names all start with
			// a capital: most tokens are read only for where a sentence
			// ends (a mark or a quotation, never capitalised) and for
			// "he" or "she". The tokens a name or organisation run skips
			// below are capitalised words, neither.
			if t.kind != tWord {
				if endsSentence(t) || t.kind == tQuote && (quoteClosesSentence(ts, i) || closesSaidSentence(ts, sentStart, i)) {
					sentStart, named = i+1, false
				}
			} else if t.is(cPronoun) && (t.lower == "he" || t.lower == "she") {
				named = true
			}
			i++
			continue
		}
		if t.is(cPronoun) && (t.lower == "he" || t.lower == "she") {
			named = true // "He told Lee …": the pronoun, not Lee, is the subject
		}
		if n := gazetteerRun(ts[i:]); n > 0 {
			// "American Airlines", "British Gas Services": a place and
			// the words of an organisation.
			k := i + n
			for k < len(ts) && ts[k].kind == tWord && ts[k].cap && !ts[k-1].poss && (ts[k].is(cOrg) || isNameWord(&ts[k])) {
				k++
			}
			if k > i+n && ts[k-1].is(cOrg) {
				r.noteOrg(joinBases(ts[i:k], p))
				r.orgAt = append(r.orgAt, orgMention{para, ts[i].start, joinBases(ts[i:k], p)})
				i = k
				continue
			}
			i += n
			continue
		}
		if isAcronym(ts, i) {
			r.orgAt = append(r.orgAt, orgMention{para, ts[i].start, ts[i].base})
		}
		if !isNameWord(&ts[i]) && !honorificName(ts, i) && !givenNameStart(ts, i) || strings.Contains(ts[i].text, "-") && hasLowerAfterHyphen(ts[i].text) {
			i++
			continue
		}
		j := i + 1
		for j < len(ts) && !ts[j-1].poss && (isNameWord(&ts[j]) && gazetteerRun(ts[j:]) == 0 && !hasLowerAfterHyphen(ts[j].text) ||
			ts[j].is(cParticle) && j+1 < len(ts) && isNameWord(&ts[j+1]) || surnameAt(ts, i, j)) {
			j++
		}
		isOrgWord := func(t token) bool {
			return t.kind == tWord && t.cap && (t.is(cOrg) || publicBodyNouns[strings.ToLower(t.base)])
		}
		followedByOrg := j < len(ts) && isOrgWord(ts[j])
		switch {
		case followedByOrg:
			k := j
			for k < len(ts) && isOrgWord(ts[k]) && !ts[k-1].poss {
				k++
			}
			r.noteOrg(joinBases(ts[i:k], p))
			r.orgAt = append(r.orgAt, orgMention{para, ts[i].start, joinBases(ts[i:k], p)})
			j = k
		case isPlaceRun(ts[i:j]):
		case j-i >= 2 && para < 0:
			// A headline's capitals make names of anything ("Delta Hits
			// Back"): its runs wait until the body names them.
			i += peelTitle(ts[i:j])
			if r.headline == nil {
				r.headline = map[string]string{}
			}
			r.headline[ts[j-1].base] = joinBases(ts[i:j], p)
		case j-i >= 2:
			i += peelTitle(ts[i:j])
			name := joinBases(ts[i:j], p)
			pr := r.find(name)
			if pr == nil {
				pr = &person{name: name, title: r.titleAround(ts, i, j, p), place: sentencePlace(ts[sentStart:], p)}
				r.add(pr)
				r.surnames[ts[j-1].base] = pr
				if r.firsts[ts[i].base] == nil {
					r.firsts[ts[i].base] = pr
				}
			} else if pr.title == "" {
				pr.title = r.titleAround(ts, i, j, p)
			}
			mod := describesName(ts, j) || inPlacePhrase(ts, sentStart, i)
			r.mentions = append(r.mentions, personAt{para, ts[i].start, pr, !named && !mod})
			named = named || !mod
		default:
			if full := r.headline[ts[i].base]; full != "" && r.byWord(ts[i].base) == nil && para >= 0 {
				// The body names by surname someone the headline named in full.
				pr := &person{name: full}
				r.add(pr)
				r.surnames[ts[i].base] = pr
			}
			pr := r.byWord(ts[i].base)
			if pr == nil && para >= 0 && titledSurname(ts, i) {
				// "Mr. Lee", "Senator Lee", named by no full name the
				// quotations leave outside: still someone "he" or "she" may
				// stand for, known by the surname a cue gives them.
				pr = &person{name: ts[i].base, gender: nameGender(ts[i-1].base)}
				r.add(pr)
				r.surnames[ts[i].base] = pr
			}
			if pr != nil {
				mod := describesName(ts, j) || inPlacePhrase(ts, sentStart, i)
				r.mentions = append(r.mentions, personAt{para, ts[i].start, pr, !named && !mod})
				named = named || !mod
			}
		}
		i = j
	}
}

// titleAround reads the title before a name and the apposition after it.
func (r *registry) titleAround(ts []token, i, j int, p string) string {
	pre := stripDeterminers(collectLeft(ts, i-1))
	if len(pre) == 0 && i >= 2 && ts[i-1].text == "," {
		// "The airline's chief executive, Tomas Berg, said"
		if t := stripDeterminers(collectLeft(ts, i-2)); len(t) > 0 && (t[len(t)-1].is(cRole) || t[len(t)-1].is(cTitle)) {
			pre = t
		}
	}
	var appos []token
	if j < len(ts) && ts[j].text == "," {
		appos = appositionAt(ts, j+1)
	}
	return joinNonEmpty(joinTokens(pre, p), joinTokens(appos, p))
}

// noteOrg adds an organisation's name to orgs, once: looked up in a set,
// as an article naming thousands of organisations would make a search of
// the list its length squared.
func (r *registry) noteOrg(name string) {
	if r.orgNamed[name] {
		return
	}
	if r.orgNamed == nil {
		r.orgNamed = map[string]bool{}
	}
	r.orgNamed[name] = true
	r.orgs = append(r.orgs, name)
}

// orgFor finds the organisation a plain noun stands for: "the airline" is
// the last-named organisation with a word starting "airline" in its name
// ("Northwind Airlines"), "the authority" the "Civil Aviation Authority".
func (r *registry) orgFor(noun string) string {
	for k := len(r.orgs) - 1; k >= 0; k-- {
		for _, w := range strings.Fields(strings.ToLower(r.orgs[k])) {
			if strings.HasPrefix(w, noun) {
				return r.orgs[k]
			}
		}
	}
	return ""
}

// orgInPhrase finds the organisation a phrase names by a plain noun:
// "spokesperson for the airline", "the authority's chief executive".
func (r *registry) orgInPhrase(phrase string) string {
	for _, w := range strings.Fields(strings.ToLower(phrase)) {
		w = strings.TrimSuffix(strings.TrimSuffix(strings.Trim(w, ",.;:"), "’s"), "'s")
		if plainOrgNouns[w] {
			if org := r.orgFor(w); org != "" {
				return org
			}
		}
	}
	return ""
}

// lastNamedAt returns the person most recently mentioned before a
// position, and where.
func (r *registry) lastNamedAt(para, offset int) (*person, [2]int) {
	if k := r.mentionsBefore(para, offset); k > 0 {
		m := r.mentions[k-1]
		return m.p, [2]int{m.para, m.offset}
	}
	return nil, [2]int{}
}

// mentionsBefore is how many mentions come before a position: those up to
// the first at or after it. The body's mentions are in reading order, so
// it is found by bisection: a pronoun's statement is resolved without
// reading every name before it, which a long article of "he said" would
// make its length squared.
func (r *registry) mentionsBefore(para, offset int) int {
	atOrAfter := func(k int) bool {
		m := &r.mentions[k]
		return m.para > para || m.para == para && m.offset >= offset
	}
	if para < 0 {
		// The title block's mentions, title then subtitle, are not in
		// one order of offsets: read in turn.
		k := 0
		for k < len(r.mentions) && !atOrAfter(k) {
			k++
		}
		return k
	}
	return sort.Search(len(r.mentions), atOrAfter)
}

// lastSubjectAt returns the person most recently named first in a
// sentence before a position, whom the pronoun may stand for, and where.
// The first person a sentence names is mostly its subject, and "he said"
// in the next sentence mostly goes back to the subject, not to someone
// the sentence only mentions.
func (r *registry) lastSubjectAt(para, offset int, pronoun string) (*person, [2]int) {
	for k := r.mentionsBefore(para, offset) - 1; k >= 0; k-- {
		if m := &r.mentions[k]; m.subject && m.p.fits(pronoun) {
			return m.p, [2]int{m.para, m.offset}
		}
	}
	return nil, [2]int{}
}

// fits reports whether the pronoun may stand for the person, by their
// given name or the title that named them.
func (p *person) fits(pronoun string) bool {
	if p.gender != 0 {
		g := pronounGender(pronoun)
		return g == 0 || g == p.gender
	}
	return fits(pronoun, p.name)
}

// titledSurname reports whether ts[i] is a lone name word that a title or
// honorific before it marks as a person's surname: "Mrs. Lee", "Gov. Lee".
func titledSurname(ts []token, i int) bool {
	return i > 0 && ts[i-1].cap && ts[i-1].is(cHonorific|cTitle) && surnameTitles[ts[i-1].lower] && isNameWord(&ts[i]) && !ts[i].is(cPlace)
}

// surnameTitles are the honorifics and offices that news puts before a
// surname alone; others ("Senior", "National") open names of things too.
var surnameTitles = words(`mr mr. mrs mrs. ms ms. miss dr dr. president senator sen.
rep. representative gov. governor pope judge mayor secretary`)

// inPlacePhrase reports whether ts[i] lies in a prepositional phrase that
// opens the sentence at ts[from] and ends in a comma: "At a dinner with Ann
// Lee, he said" — the sentence is about someone else, as sentenceSubject
// reads it too.
func inPlacePhrase(ts []token, from, i int) bool {
	if from >= len(ts) || !ts[from].cap || !introPrepositions[ts[from].lower] {
		return false
	}
	for k := from + 1; k < len(ts) && k-from < maxIntroPhrase; k++ {
		if ts[k].text == "," || ts[k].kind == tQuote && strings.HasSuffix(trimClosers(ts[k].text), ",") {
			return i < k // a quotation may hold the comma: At the rally, billed as “Hard Hats,” Lee spoke
		}
	}
	return false
}

// introPrepositions open a phrase of place, time or company before a
// sentence's subject.
var introPrepositions = words(`at in on with from during inside outside near under among amid like unlike`)

// after reports whether position a comes after position b.
func after(a, b [2]int) bool {
	return a[0] > b[0] || a[0] == b[0] && a[1] > b[1]
}

func hasLowerAfterHyphen(w string) bool {
	i := strings.IndexByte(w, '-')
	return i >= 0 && i+1 < len(w) && w[i+1] >= 'a' && w[i+1] <= 'z'
}

// gazetteerRun returns how many capitalised words at the start of ts form a
// gazetteer entry ("North Korea", "Hong Kong"), or 0.
func gazetteerRun(ts []token) int {
	if len(ts) == 0 || ts[0].kind != tWord || !ts[0].cap || !ts[0].is(cGazetteer) {
		return 0
	}
	var buf [maxGazetteerWords]string
	ws := buf[:0]
	for i := range min(len(ts), maxGazetteerWords) {
		if ts[i].kind != tWord {
			break
		}
		ws = append(ws, ts[i].base)
	}
	_, n := lookupParty(ws)
	return n
}
