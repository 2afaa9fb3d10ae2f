package corpus

import (
	"cmp"
	"slices"
	"strings"
)

// Reading the lead for sides: which party a charging, punishing or
// rebutting verb has before it (its subject) and after it (its object),
// passives and participles turned round, and the parties a description,
// a title or a denied act names. decideSides weighs what this finds.

// Bits of leadVerbs: the lead-verb tables a word is in.
const (
	lvRebuttal = 1 << iota
	lvStand
	lvBack
	lvAccusation
	lvAttack
	lvWrongdoing
	lvAgainst
)

// leadVerbs folds the lead-verb tables into one, so that reading a lead
// costs one look-up a word.
var leadVerbs = func() map[string]uint8 {
	m := map[string]uint8{"against": lvAgainst}
	for bit, set := range map[uint8]map[string]bool{
		lvRebuttal: leadRebuttals, lvStand: standVerbs, lvBack: backVerbs,
		lvAccusation: leadAccusations, lvAttack: attackVerbs, lvWrongdoing: wrongdoingVerbs,
	} {
		for w := range set {
			m[w] |= bit
		}
	}
	return m
}()

// attackVerbs attack a party: the attack is a charge of its own, or a
// counter-attack when it is over a charge or a punishment (see overWhat).
var attackVerbs = words(`slam slams slammed slamming blast blasts blasted blasting
lambast lambasts lambasted lambasting`)

// standVerbs with "by" defend what is attacked: "stood by its story".
var standVerbs = words(`stand stands stood standing`)

// What an attack is over.
const (
	overNothing = iota
	overACharge
	overAGrievance
)

// maxOverWords is how far after an attack verb its "over" or "for" is
// looked for, and how far after it what the attack is over.
const maxOverWords = 8

// overWhat reads what an attack in a lead sentence is over: a charge or a
// punishment ("over hacking claims", "over a doping ban"), something else
// ("over sewage spills", "for pumping sewage"), or nothing said.
func overWhat(ts []token) int {
	for k := 0; k < len(ts) && k < maxOverWords && !endsSentence(&ts[k]); k++ {
		if w := ts[k].lower; w != "over" && w != "for" {
			continue
		}
		for j := k + 1; j < len(ts) && j <= k+maxOverWords && !endsSentence(&ts[j]); j++ {
			if w := leadWord(&ts[j]); chargeNouns[w] || punishments[w] || decisionNouns[w] {
				return overACharge
			}
		}
		return overAGrievance
	}
	return overNothing
}

// maxAgentGap is how many tokens may come between a passive verb and its
// "by": "were banned from the cup by", "fined £20,000 by".
const maxAgentGap = 8

// agentAfter finds the "by" of a passive within the next few words ("were
// banned from the cup by the league", "fined £20,000 by the league") and
// returns the index after it, or 0.
func agentAfter(ts []token, i int) int {
	for k := i; k < len(ts) && k < i+maxAgentGap; k++ {
		if ts[k].kind != tWord && !isAmountMark(&ts[k]) {
			return 0
		}
		if ts[k].lower == "by" {
			return k + 1
		}
	}
	return 0
}

// isAmountMark: a currency sign or a digit group's comma, inside an amount.
func isAmountMark(t *token) bool {
	return t.kind == tPunct && strings.Contains("£$€,", t.text)
}

// participleAlone: a verb in -ed with no object of its own is a passive
// whose auxiliary a headline drops: "Harbour City fined for crowd trouble",
// "Rovers banned over unpaid fees", "Harbour City fined £20,000" (an amount
// is what was imposed, unless "from" gives whom it was taken from:
// "deducted ten points from Rovers").
func participleAlone(ts []token, v int) bool {
	if v+1 >= len(ts) {
		return true
	}
	next := &ts[v+1]
	if next.kind == tWord && !next.cap && passivePreps[next.lower] {
		return true
	}
	if !isAmountMark(next) && (next.kind != tWord || next.text[0] < '0' || next.text[0] > '9') {
		return false
	}
	for k := v + 1; k < len(ts) && k < v+maxAgentGap && !endsSentence(&ts[k]); k++ {
		if ts[k].lower == "from" {
			return false
		}
	}
	return true
}

// passivePreps right after a charging verb in -ed leave it no object:
// "fined for", "banned over", "sued after".
var passivePreps = words(`for over after amid following in as`)

// leadWord is a lead token's lower-case form, also for capitalised words
// no table holds (a headline's "Refuting").
func leadWord(t *token) string {
	if t.lower != "" {
		return t.lower
	}
	return strings.ToLower(t.base)
}

func (s *sides) readLead(ts []token, p string, people *registry) {
	for v := range ts {
		t := &ts[v]
		// A word in none of the lead tables (most words) has none of
		// their class bits, and is passed over without being lowered.
		if t.kind != tWord || !t.is(cLeadVerb|cRebuttal|cAccusing) {
			continue
		}
		w := leadWord(t)
		f := leadVerbs[w] // one look-up for every table a lead verb may be in
		if f == 0 && !t.is(cRebuttal) && !t.is(cAccusing) {
			continue
		}
		next := ""
		if v+1 < len(ts) && ts[v+1].kind == tWord {
			next = leadWord(&ts[v+1])
		}
		// "Rovers banned by league": a headline drops the auxiliary, and
		// the agent after "by" tells the passive.
		passive := strings.HasSuffix(w, "ed") && (agentAfter(ts, v+1) > 0 || participleAlone(ts, v)) ||
			v > 0 && (ts[v-1].lower == "was" || ts[v-1].lower == "were" || ts[v-1].lower == "been" || ts[v-1].lower == "is" || ts[v-1].lower == "are" || ts[v-1].lower == "being")
		rebuts := t.is(cRebuttal) || f&lvRebuttal != 0 || f&lvStand != 0 && next == "by"
		if f&lvBack != 0 {
			rebuts = next == "back" || next == "out"
		}
		accuses := t.is(cAccusing) || f&lvAccusation != 0 || f&lvAttack != 0 && !rebuts
		if f&lvAttack != 0 || f&lvBack != 0 && next == "out" {
			// "slams the US over hacking claims", "hits out at the
			// federation over a doping ban": an attack over a charge or a
			// punishment answers it; "blasts the water company over sewage
			// spills" makes a charge of its own.
			switch overWhat(ts[v+1:]) {
			case overACharge:
				rebuts, accuses = true, false
			case overAGrievance:
				rebuts, accuses = false, true
			}
		}
		switch {
		case rebuts:
			if party := s.partyBefore(ts, v, p, people); party != "" {
				s.accused[party] += leadWeight
			}
			if party := s.partyAfter(ts, v+1, p, people); party != "" {
				s.accuser[party] += leadWeight
			} else if party := s.wrongedIn(ts, v+1, people); party != "" {
				// "denied racially abusing defender Joe Flint": the one
				// the denied act wronged is the likelier accuser, and
				// their words the account the denial answers.
				s.accuser[party] += leadWeight - 1
				if s.claimants == nil {
					s.claimants = map[string]bool{}
				}
				s.claimants[party] = true
			}
		case accuses && next == "that":
			// "the airline warned that staff could face dismissal": a
			// warning of what may come, not a charge against a party.
		case accuses && (passive || next == "of" || next == "over"):
			s.noteCharge(ts[v+1:], p)
			// "Garforth are banned", "the scientist accused of falsifying
			// data": the subject stands accused, and who acts is named
			// after "by".
			if party := s.partyBefore(ts, v, p, people); party != "" {
				s.accused[party] += leadWeight
			}
			if by := agentAfter(ts, v+1); by > 0 {
				if party := s.partyAfter(ts, by, p, people); party != "" {
					s.accuser[party] += leadWeight
				}
			}
		case accuses && punishedBefore(ts[v+1:]):
			// "Clifford accuses the FA of a vendetta after his club is
			// banned": the punished party hitting back at its punisher.
			if party := s.partyBefore(ts, v, p, people); party != "" {
				s.accused[party] += leadWeight
			}
			if party := s.partyAfter(ts, v+1, p, people); party != "" {
				s.accuser[party] += leadWeight
			}
		case accuses:
			s.noteCharge(ts[v+1:], p)
			if party := s.partyBefore(ts, v, p, people); party != "" {
				s.accuser[party] += leadWeight
			}
			if party := s.partyAfter(ts, v+1, p, people); party != "" {
				s.accused[party] += leadWeight
			}
		case f&lvWrongdoing != 0 && !passive:
			if party := s.partyBefore(ts, v, p, people); party != "" {
				s.accused[party] += leadWeight
			}
		case w == "against" && v > 0 && chargeBefore[leadWord(&ts[v-1])]:
			// "a fine against the airline", "a lawsuit filed against the
			// company": what is brought against a party charges it.
			if party := s.partyAfter(ts, v+1, p, people); party != "" {
				s.accused[party] += leadWeight - 1
			}
		}
	}
}

func (s *sides) partyBefore(ts []token, v int, p string, people *registry) string {
	// "Key obviously shielded …": an adverb between subject and verb.
	for v > 1 && ts[v-1].kind == tWord && !ts[v-1].cap && len(ts[v-1].lower) > 4 && strings.HasSuffix(ts[v-1].lower, "ly") {
		v--
	}
	if side := sideNounBefore(ts, v); side != "" {
		return side
	}
	np, appos := npBefore(ts, v)
	if party := s.mentionParty(interpret(np, appos, p, people), people); party != "" {
		return party
	}
	if party := s.subjectBeforeAside(ts, v, p, people); party != "" {
		return party
	}
	k := v - 1
	for k >= 0 && ts[k].kind == tWord && auxiliaries[ts[k].lower] {
		k--
	}
	// "The rights group Justice Watch has accused …": the name that ends
	// the subject's description.
	if k >= 0 && ts[k].kind == tWord && ts[k].cap {
		j := k
		for j > 0 && ts[j-1].kind == tWord && ts[j-1].cap {
			j--
		}
		for j <= k && stopCaps[strings.ToLower(ts[j].base)] {
			j++ // "In March Justice Watch accused …"
		}
		if j <= k {
			if party := s.knownName(ts[j:k+1], p, people); party != "" {
				return party
			}
			// A name the article writes mid-sentence too, though no table
			// knows it: "Justice Watch".
			if name := joinBases(ts[j:k+1], p); k-j < maxSubjectNameWords && strings.Contains(name, " ") {
				if _, mid := capitalUse(name, s.paras); mid {
					return name
				}
			}
		}
	}
	// "A councillor has blasted …": the speaker the article titles so.
	if k >= 1 && ts[k].kind == tWord && !ts[k].cap && ts[k-1].is(cDeterminer) {
		return s.speakerTitled(leadWord(&ts[k]), people)
	}
	return ""
}

// maxLeadAside is the longest aside between a lead subject and its verb.
const maxLeadAside = 16

// subjectBeforeAside reads a subject set off from its verb by an aside
// with a clause of its own: "Dan Moss, the coach who left Hillside last
// year, has accused …".
func (s *sides) subjectBeforeAside(ts []token, v int, p string, people *registry) string {
	k := v - 1
	for k >= 0 && ts[k].kind == tWord && auxiliaries[ts[k].lower] {
		k--
	}
	if k < 1 || ts[k].text != "," {
		return ""
	}
	for j := k - 1; j > 0 && j >= k-maxLeadAside; j-- {
		if endsSentence(&ts[j]) {
			return ""
		}
		if ts[j].text == "," {
			np, appos := npBefore(ts, j)
			return s.mentionParty(interpret(np, appos, p, people), people)
		}
	}
	return ""
}

var auxiliaries = words(`has have had is was are were will would`)

// partyAfter reads the object of a verb: "rejected the US indictment",
// "pushes back against U.S. accusations", "hit back at the paper",
// "accused China of".
func (s *sides) partyAfter(ts []token, i int, p string, people *registry) string {
	for i < len(ts) && ts[i].kind == tWord && (ts[i].lower == "back" || ts[i].lower == "out" || ts[i].lower == "against" || ts[i].lower == "on" || ts[i].lower == "to" || ts[i].lower == "at") {
		i++
	}
	// "refuting claims by the union", "rejects allegations from Ottawa",
	// "rejecting claims made by a former worker": the party is the one that
	// made the charge.
	k := i
	for k < len(ts) && k < i+5 && ts[k].kind == tWord && !ts[k].cap && ts[k].lower != "by" && ts[k].lower != "from" {
		k++
	}
	claims := k > i && k+1 < len(ts) && (ts[k].lower == "by" || ts[k].lower == "from") && (chargeNouns[leadWord(&ts[k-1])] || chargeBefore[leadWord(&ts[k-1])])
	if claims {
		i = k + 1
	}
	np, appos := npAfter(ts, i)
	party := s.mentionParty(interpret(np, appos, p, people), people)
	if party == "" {
		party = s.objectNamed(ts, i, people)
	}
	if claims && party != "" {
		if s.claimants == nil {
			s.claimants = map[string]bool{}
		}
		s.claimants[party] = true
	}
	return party
}

// maxObjectTokens is how far after a lead verb its object is read for a
// name.
const maxObjectTokens = 10

// objectNamed reads a lead verb's object that a description opens, for the
// name it goes on to give or the organisation it stands for: "her
// challenger, businessman Tom Brandt,", "the bus operator Metroline
// Coaches", "its pilots' union" (the union the article names). The object
// ends at the preposition or clause that follows it ("… of hiding").
func (s *sides) objectNamed(ts []token, i int, people *registry) string {
	commas, noun, head := 0, "", ""
	for k := i; k < len(ts) && k < i+maxObjectTokens; k++ {
		t := &ts[k]
		if endsSentence(t) || t.kind == tQuote || t.kind == tWord && !t.cap && objectEnds[t.lower] {
			break
		}
		if t.text == "," {
			if commas++; commas == 2 {
				break
			}
			continue
		}
		if t.kind != tWord {
			continue
		}
		if !t.cap {
			w := strings.ToLower(t.base)
			if chargeNouns[w] || strings.HasSuffix(w, "ing") {
				// "refuting discrimination claims involving a tennis
				// star": the object is the charge, and who made it is
				// named only after "by".
				return ""
			}
			if plainOrgNouns[w] {
				noun = w
			}
			if !t.is(cDeterminer) {
				head = w
			}
			continue
		}
		j := k
		for j < len(ts) && ts[j].kind == tWord && ts[j].cap {
			j++
		}
		run := make([]string, 0, j-k)
		for _, n := range ts[k:j] {
			run = append(run, n.base)
		}
		if party := s.knownName(ts[k:j], "", people); party != "" {
			return party
		}
		k = j - 1
	}
	if noun != "" {
		if org := people.orgFor(noun); org != "" {
			return cmp.Or(partyOf(org), org)
		}
	}
	return s.speakerTitled(head, people)
}

// speakerTitled is the party of the one speaker whose title ends in a
// lead's unnamed noun: "claims by a young designer" are those of
// "designer Nora Quist", "an eyewitness" is the speaker "eyewitness".
func (s *sides) speakerTitled(noun string, people *registry) string {
	if len(noun) < minTitleNoun || roleNouns[noun] && !descriptiveRoles[noun] {
		return ""
	}
	found := ""
	for i, q := range s.quotes {
		if q.Kind != Direct || q.Speaker == "" || s.quoteParty[i] == "" {
			continue
		}
		title := q.RoleTitle
		if pr := people.find(q.Speaker); pr != nil {
			title += " " + pr.title
		}
		title = strings.ToLower(title)
		if strings.ToLower(q.Speaker) != noun && !containsWordRun(title, noun) && !s.namedAfter(q.Speaker, noun, people) {
			continue
		}
		if found != "" && found != s.quoteParty[i] {
			return "" // two speakers so titled: no telling which
		}
		found = s.quoteParty[i]
	}
	return found
}

// namedAfter reports whether the article writes a noun just before a
// person's name: "designer Nora Quist".
func (s *sides) namedAfter(name, noun string, people *registry) bool {
	for _, m := range people.mentions {
		if m.p.name != name || m.para < 0 || m.para >= len(s.paras) {
			continue
		}
		before := strings.TrimRight(s.paras[m.para][max(0, m.offset-maxTitleBytes):m.offset], " ")
		if strings.HasSuffix(strings.ToLower(before), " "+noun) {
			return true
		}
	}
	return false
}

// minTitleNoun is the shortest noun read as a speaker's title: shorter
// words are function words ("to", "the").
const minTitleNoun = 4

// descriptiveRoles are role nouns that describe one person rather than a
// post many hold: a lead's "a former employee" is the one the article
// quotes.
var descriptiveRoles = words(`employee worker`)

// wrongedIn reads a denied act ("denied hacking US systems", "denied
// racially abusing defender Joe Flint") for the party it names: a person
// or organisation the article knows, or a place's party.
func (s *sides) wrongedIn(ts []token, i int, people *registry) string {
	for i < len(ts) && ts[i].kind == tWord && !ts[i].cap && strings.HasSuffix(ts[i].lower, "ly") {
		i++ // "racially"
	}
	if i >= len(ts) || ts[i].kind != tWord || ts[i].cap || !strings.HasSuffix(ts[i].lower, "ing") {
		return ""
	}
	for k := i + 1; k < len(ts) && k <= i+maxObjectTokens; k++ {
		t := &ts[k]
		if endsSentence(t) || t.kind == tQuote || t.kind == tWord && !t.cap && actEnds[t.lower] {
			return ""
		}
		if t.kind != tWord || !t.cap {
			continue
		}
		j := k
		for j < len(ts) && ts[j].kind == tWord && ts[j].cap {
			j++
		}
		if party := s.knownName(ts[k:j], "", people); party != "" {
			return party
		}
		k = j - 1
	}
	return ""
}

// actEnds close the description of a denied act: "… during the match",
// "… in January".
var actEnds = words(`during in at on after before while when since because that which who`)

// maxSubjectNameWords is the longest unknown name read as a lead's subject.
const maxSubjectNameWords = 4

// knownName is the party of a run of capitalised words that the article
// names as a person or an organisation, or that places a party; "" for a
// run it does not know.
func (s *sides) knownName(run []token, _ string, people *registry) string {
	words := make([]string, 0, len(run))
	for i := range run {
		t := &run[i]
		words = append(words, t.base)
	}
	name := strings.Join(words, " ")
	if pr := people.find(name); pr != nil {
		return s.mentionParty(mention{kind: mPerson, name: pr.name}, people)
	}
	if slices.Contains(people.orgs, name) || orgWords[strings.ToLower(words[len(words)-1])] {
		return cmp.Or(partyOf(name), name)
	}
	return partyOf(name)
}

// objectEnds close a lead verb's object: "accused X of …", "blamed X for
// …", "said X had …".
var objectEnds = words(`of for over that after about with who which in on at by from
to as amid following when while because had has have was were is are`)

// mentionParty is the side a lead mention stands for.
func (s *sides) mentionParty(m mention, people *registry) string {
	switch m.kind {
	case mPerson:
		e := &entity{name: m.name, kind: mPerson, titles: []string{m.title}}
		if pr := people.find(m.name); pr != nil {
			e.addTitle(pr.title)
		}
		if p := e.party(); !onlyOpensSentences(p, s.paras) {
			return p
		}
		return e.name
	case mOrg, mGroup, mRole, mDoc:
		if m.name == "" && m.kind == mOrg && m.head != "" {
			// "the company" is the company the article names.
			return s.mentionParty(mention{kind: mOrg, name: people.orgFor(m.head)}, people)
		}
		if m.name == "" {
			return ""
		}
		if p := partyOf(m.name); p != "" {
			return p
		}
		if m.kind == mOrg {
			return capitalisedTail(m.name)
		}
		return orgPart(m.name, m.head)
	}
	return ""
}
