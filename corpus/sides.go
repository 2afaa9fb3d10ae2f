package corpus

import (
	"cmp"
	"slices"
	"strings"
)

// sides decides which party accuses and which is accused in an article.
// Who stands accused matters more than the verbs a statement uses: once an
// article frames a party as accused, its counter-attacks are responses.
//
// The evidence, weighed together:
//   - the lead (title, subtitle, first two paragraphs): the subject of a
//     rebuttal ("China rejected …", "is refuting claims by …") is accused
//     and the maker of the charge accuses; the subject of a charging or
//     punishing verb ("NATO condemns …", "fined") accuses and its object is
//     accused, the other way round in the passive ("were banned by …"); the
//     subject of a wrongdoing verb ("hacked", "rigged") is accused;
//   - the statements: a party whose own words deny or apologise is accused,
//     a party whose own words charge, or whose lawsuit is quoted, accuses;
//     words that cut both ways ("lies", "misleading") tell no side;
//   - with one side found, the other is the party answering it by name
//     (see counterpart); with neither, the article has no sides: "other"
//     is better than a confident wrong side.
type sides struct {
	accused, accuser map[string]int
	charge           strings.Builder // the words after the lead's charging verbs
	paras            []string        // the article's paragraphs, when known
	quotes           []Quote         // the article's statements, when known,
	quoteParty       []string        // and their parties
	claimants        map[string]bool // parties whose claims the lead answers ("claims by X")
}

// Weights of the evidence. A statement weighs less than the lead, so that
// one denial further down (a round-up's second story) does not outweigh
// the dispute the lead frames; but an article usually has several
// statements per party.
const (
	leadWeight      = 4
	statementWeight = 3
)

func decideSides(a *Article, lead [][]token, leadText []string, people *registry, quoteParty []string) (accuser, accused string) {
	s := sides{accused: map[string]int{}, accuser: map[string]int{}, paras: a.Paragraphs, quotes: a.Quotes, quoteParty: quoteParty}
	var descriptor map[string]bool // each party read once, not once a statement
	for i, p := range quoteParty {
		// "Transport minister Rosa Lind": a capital that only opens the
		// sentence names no organisation.
		if p == "" || p == a.Quotes[i].Speaker || strings.Contains(p, " ") {
			continue
		}
		only, ok := descriptor[p]
		if !ok {
			if descriptor == nil {
				descriptor = map[string]bool{}
			}
			only = onlyOpensSentences(p, a.Paragraphs)
			descriptor[p] = only
		}
		if only {
			quoteParty[i], a.Quotes[i].Party = a.Quotes[i].Speaker, a.Quotes[i].Speaker
		}
	}
	for k, ts := range lead {
		s.readLead(ts, leadText[k], people)
	}
	unaffiliated(a, quoteParty, people)
	names := partyNames(quoteParty, people, a.Paragraphs)
	for i, p := range quoteParty {
		if full := fullPartyName(p, names); full != p {
			quoteParty[i], a.Quotes[i].Party = full, full
		}
	}
	s.accused, s.accuser = canonicalScores(s.accused, names), canonicalScores(s.accuser, names)
	for p := range s.claimants {
		s.claimants[fullPartyName(p, names)] = true
	}
	// "Simon Moss … after his club Riverside Rangers was expelled": the
	// owner and his club are one side, under the club's name.
	for person, org := range ownOrganisations(lead, leadText, people) {
		org = fullPartyName(org, names)
		for i, p := range quoteParty {
			if p == person {
				quoteParty[i], a.Quotes[i].Party = org, org
			}
		}
		for _, scores := range []map[string]int{s.accused, s.accuser} {
			if n, ok := scores[person]; ok {
				scores[org] += n
				delete(scores, person)
			}
		}
	}
	speaking := map[string]bool{}
	for _, p := range quoteParty {
		speaking[p] = true
	}
	pruneUnnamed(s.accused, speaking, a.Paragraphs)
	pruneUnnamed(s.accuser, speaking, a.Paragraphs)
	interviewer := interviewerOf(a.Quotes)
	firstCharge := map[string]int{} // the statement where each party first charges
	// A party whose own denials are as many as its charges is on the
	// accused side; its charging words are then a counter-attack, not
	// evidence that it accuses. One denial among many charges is not.
	denied, charged := map[string]int{}, map[string]int{}
	for i, q := range a.Quotes {
		party := quoteParty[i]
		// Short quotations are too thin to tell a side by; an interviewer
		// takes no side.
		if party == "" || q.Kind == Scare || q.question || isShort(q.Text) || interviewer != "" && q.Speaker == interviewer {
			continue
		}
		switch {
		case q.Kind == Transcript && !q.denies:
			// An interviewee's answer speaks of the charge put to them
			// ("the allegations"): it makes no charge of its own.
		case q.denies && deniesOutright(q.lower):
			s.accused[party] += statementWeight
			denied[party] += statementWeight
		case isChargeDocument(q.Speaker):
			// "the complaint says": a lawsuit speaks for the side that sues.
			s.accuser[party] += statementWeight
			if _, ok := firstCharge[party]; !ok {
				firstCharge[party] = i
			}
		case statementAccuses(q.lower, q.textLen) && !onlyCallsLies(q.lower[:q.textLen]):
			s.accuser[party] += statementWeight
			charged[party] += statementWeight
			if _, ok := firstCharge[party]; !ok {
				firstCharge[party] = i
			}
		}
	}
	for p, n := range denied {
		if n >= charged[p] {
			if s.accuser[p] -= charged[p]; s.accuser[p] <= 0 {
				delete(s.accuser, p)
			}
		}
	}
	defer func() {
		a.accusedPeople, a.leadCharge = peopleOf(people, accused, a.Paragraphs), s.charge.String()
		// "the mayor" is the accused mayor.
		a.accusedPeople = append(a.accusedPeople, titleNouns(people, accused)...)
		// "X denied claims by Y": Y's statements are the claims.
		if accuser != "" && s.claimants[accuser] {
			for i := range a.Quotes {
				if quoteParty[i] == accuser && a.Quotes[i].Kind == Direct {
					a.Quotes[i].accuses = true
				}
			}
		}
	}()
	accused = bestSpeaking(s.accused, "", speaking)
	accuser = bestSpeaking(s.accuser, accused, speaking)
	if accused == "" {
		// Two parties charging each other: the first to charge accuses,
		// the other's charge is the counter-attack.
		for p, n := range s.accuser {
			if at, ok := firstCharge[p]; ok && p != accuser && n == s.accuser[accuser] && at < firstCharge[accuser] {
				accuser = p
			}
		}
	}
	switch {
	case accused == "" && accuser != "":
		// A charge with no denial: the accused is the party that answers
		// the accuser by name, or that the accuser's words name.
		// A charge that rests on one statement or lead verb is weak: its
		// target is only a party answering it by name.
		strong := s.accuser[accuser] >= 2*statementWeight || chargedByDocument(a, quoteParty, accuser)
		accused = counterpart(a, quoteParty, accuser, titleNouns(people, accuser), false, strong)
	case accuser == "" && accused != "":
		accuser = counterpart(a, quoteParty, accused, titleNouns(people, accused), true, true)
	}
	return accuser, accused
}

// counterpart is the speaking party, other than party, that most often
// names it (by name, or by its title: "the mayor") or is named by it: the other side of a two-sided dispute. Unless
// the evidence for party's side is strong, only a party answering it by
// name, with a denial or a charge, counts.
func counterpart(a *Article, quoteParty []string, party string, titles []string, accusing, strong bool) string {
	score := map[string]int{}
	interviewer := interviewerOf(a.Quotes)
	// Allies name each other too: to answer the accuser, a statement must
	// also deny or charge. A statement split by its attribution ("…,” it
	// said. “…") is read whole.
	type statementKey struct {
		para    int
		speaker string
	}
	names, stance := map[statementKey]bool{}, map[statementKey]bool{}
	for i, q := range a.Quotes {
		other := quoteParty[i]
		if other == "" || other == party || q.Kind == Scare || q.question || isShort(q.Text) || q.Speaker == interviewer {
			continue
		}
		k := statementKey{q.Paragraph, q.Speaker}
		names[k] = names[k] || mentionsParty(q.lower, party) || mentionsAny(q.lower[:q.textLen], titles)
		stance[k] = stance[k] || accusing || q.denies || q.accuses
	}
	for i, q := range a.Quotes {
		k := statementKey{q.Paragraph, q.Speaker}
		if names[k] && stance[k] {
			score[quoteParty[i]]++
			names[k] = false // once per statement
		}
	}
	for i, q := range a.Quotes {
		if !strong || quoteParty[i] != party || q.Kind == Scare {
			continue
		}
		for j, other := range quoteParty {
			if other != "" && other != party && a.Quotes[j].Kind != Scare && a.Quotes[j].Speaker != interviewer && mentionsParty(q.lower, other) {
				score[other]++
			}
		}
	}
	if len(score) == 0 && strong {
		// No one names anyone: the only other party that speaks, if, when
		// it is wanted as the accuser, its own words make a charge or the
		// reporter gives them as a claim ("reportedly told"); a report
		// "describing" the accused makes none, nor does a denial of "the
		// accusations".
		charged := !accusing
		for i, q := range a.Quotes {
			other := quoteParty[i]
			if other == "" || other == party || q.Kind == Scare || q.question || isShort(q.Text) || q.Speaker == interviewer {
				continue
			}
			if len(score) > 0 && score[other] == 0 {
				return ""
			}
			score[other]++
			own := q.lower[:q.textLen]
			if accusing && deniesOutright(own) {
				return "" // a party that denies is no accuser
			}
			charged = charged || hasAny(own, accusationWords) || isChargeDocument(q.Speaker) || reportsAClaim(q.lower[q.textLen:])
		}
		if !charged {
			return ""
		}
	}
	return best(score, party)
}

// titleNouns is the title noun of a party that is a person ("mayor" for
// Mayor Frank Dillon): their words may name them by it ("the mayor").
func titleNouns(people *registry, party string) []string {
	pr := people.find(party)
	if pr == nil || pr.title == "" {
		return nil
	}
	if w := strings.ToLower(lastWord(pr.title)); titleWords[w] || roleNouns[w] {
		return []string{w}
	}
	return nil
}

// reportsAClaim: the words around a statement give it as a claim against
// someone: "an eyewitness reportedly told the magazine", "she claimed".
func reportsAClaim(cue string) bool {
	return hasWordIn(cue, claimCues)
}

var claimCues = words(`reportedly allegedly claimed claims claiming alleged alleges`)

// onlyCallsLies: the statement's only accusation words call something a
// lie, which answers a charge as often as it makes one.
func onlyCallsLies(lower string) bool {
	found := false
	forEachWord(lower, func(w string) bool {
		found = accusationWords.matches(w) && !lieWords.matches(w)
		return !found
	})
	return !found
}

// maxPunishGap is how far after "after" the punishment may be named:
// "after receiving an order banning his club", "after his club Riverside
// Rangers were expelled".
const maxPunishGap = 7

// punishedBefore reads the rest of a lead sentence for a punishment of the
// subject that came first: "after being fined", "after receiving an order
// banning his club", "after he was suspended", "after his club was
// expelled". Someone else's punishment
// ("accuse the police of brutality after protesters were arrested") is
// the charge itself.
func punishedBefore(ts []token) bool {
	for k, t := range ts {
		if endsSentence(t) {
			return false
		}
		if t.kind != tWord || t.lower != "after" {
			continue
		}
		own := false
		for j := k + 1; j < len(ts) && j <= k+maxPunishGap && !endsSentence(ts[j]); j++ {
			w := leadWord(ts[j])
			if punishments[w] {
				return own
			}
			// "after his club was expelled": the subject's own side.
			ownOrg := possessives[w] && j+1 < len(ts) && plainOrgNouns[leadWord(ts[j+1])]
			own = own || subjectMarkers[w] || ownOrg
		}
	}
	return false
}

// subjectMarkers, between "after" and a punishment, make the punished one
// the sentence's subject.
var subjectMarkers = words(`being receiving getting he she it they`)

// possessives before an organisation noun make it the subject's own:
// "after his club", "after their company".
var possessives = words(`his her their its`)

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
	for k := 0; k < len(ts) && k < maxOverWords && !endsSentence(ts[k]); k++ {
		if w := ts[k].lower; w != "over" && w != "for" {
			continue
		}
		for j := k + 1; j < len(ts) && j <= k+maxOverWords && !endsSentence(ts[j]); j++ {
			if w := leadWord(ts[j]); chargeNouns[w] || punishments[w] || decisionNouns[w] {
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
		if ts[k].kind != tWord && !isAmountMark(ts[k]) {
			return 0
		}
		if ts[k].lower == "by" {
			return k + 1
		}
	}
	return 0
}

// isAmountMark: a currency sign or a digit group's comma, inside an amount.
func isAmountMark(t token) bool {
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
	next := ts[v+1]
	if next.kind == tWord && !next.cap && passivePreps[next.lower] {
		return true
	}
	if !isAmountMark(next) && (next.kind != tWord || next.text[0] < '0' || next.text[0] > '9') {
		return false
	}
	for k := v + 1; k < len(ts) && k < v+maxAgentGap && !endsSentence(ts[k]); k++ {
		if ts[k].lower == "from" {
			return false
		}
	}
	return true
}

// passivePreps right after a charging verb in -ed leave it no object:
// "fined for", "banned over", "sued after".
var passivePreps = words(`for over after amid following in as`)

// chargedByDocument: a lawsuit or complaint of the party is quoted.
func chargedByDocument(a *Article, quoteParty []string, party string) bool {
	for i, q := range a.Quotes {
		if quoteParty[i] == party && isChargeDocument(q.Speaker) {
			return true
		}
	}
	return false
}

func isChargeDocument(speaker string) bool {
	return speaker != "" && chargeDocuments[strings.ToLower(lastWord(speaker))]
}

// leadWord is a lead token's lower-case form, also for capitalised words
// no table holds (a headline's "Refuting").
func leadWord(t token) string {
	if t.lower != "" {
		return t.lower
	}
	return strings.ToLower(t.base)
}

func (s *sides) readLead(ts []token, p string, people *registry) {
	for v, t := range ts {
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
			next = leadWord(ts[v+1])
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
		case w == "against" && v > 0 && chargeBefore[leadWord(ts[v-1])]:
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
		return s.speakerTitled(leadWord(ts[k]), people)
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
		if endsSentence(ts[j]) {
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
	claims := k > i && k+1 < len(ts) && (ts[k].lower == "by" || ts[k].lower == "from") && (chargeNouns[leadWord(ts[k-1])] || chargeBefore[leadWord(ts[k-1])])
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
		t := ts[k]
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
		t := ts[k]
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
	for _, t := range run {
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

// ownOrganisations finds, in the lead, the organisations a person's
// sentence calls theirs by name: "Simon Moss, the developer, said … after
// his club Riverside Rangers was expelled" ties Simon Moss to Riverside
// Rangers. The person is the first one the sentence names.
func ownOrganisations(lead [][]token, leadText []string, people *registry) map[string]string {
	var out map[string]string
	for k, ts := range lead {
		person := ""
		for i := 0; i < len(ts); i++ {
			t := ts[i]
			if endsSentence(t) {
				person = ""
				continue
			}
			if t.kind != tWord {
				continue
			}
			if t.cap && person == "" {
				j := i
				for j < len(ts) && ts[j].kind == tWord && ts[j].cap {
					j++
				}
				if pr := people.find(joinBases(ts[i:j], leadText[k])); pr != nil {
					person = pr.name
				}
				i = j - 1
				continue
			}
			if person == "" || !possessives[t.lower] || t.lower == "its" || i+2 >= len(ts) || !plainOrgNouns[leadWord(ts[i+1])] || !ts[i+2].cap {
				continue
			}
			j := i + 2
			for j < len(ts) && ts[j].kind == tWord && ts[j].cap {
				j++
			}
			if out == nil {
				out = map[string]string{}
			}
			out[person] = joinBases(ts[i+2:j], leadText[k])
			i = j - 1
		}
	}
	return out
}

// capitalisedTail drops the lower-case description before a name: "national
// broadcaster NorthCast" → "NorthCast".
func capitalisedTail(name string) string {
	for i, f := range strings.Fields(name) {
		if isUpperStart(f) {
			if i == 0 {
				return name
			}
			return name[strings.Index(name, f):]
		}
	}
	return name
}

// pruneUnnamed drops the lead's parties that are descriptions, not names:
// a word capitalised only where a headline or sentence opens ("Broadcaster
// stands by …"), or a run holding a lower-case word ("Football club denies
// …"), when no statement speaks for it.
func pruneUnnamed(scores map[string]int, speaking map[string]bool, paras []string) {
	for p := range scores {
		if speaking[p] || isGazetteerParty(p) {
			continue
		}
		if strings.Contains(p, " ") && allCapitalised(p) {
			continue // "Hillside Rovers", even when only a headline names it
		}
		if _, mid := capitalUse(p, paras); !mid {
			delete(scores, p)
		}
	}
}

func allCapitalised(name string) bool {
	for _, f := range strings.Fields(name) {
		if !isUpperStart(f) && !connectors[f] {
			return false
		}
	}
	return true
}

func best(scores map[string]int, except string) string {
	top, who := 0, ""
	for party, n := range scores {
		if party == except {
			continue
		}
		if n > top || n == top && party < who {
			top, who = n, party
		}
	}
	return who
}

// sideNounBefore reads "the opposition" or "the government" before a lead
// verb as the side of that name, which a title such as "Opposition Leader"
// gives its speakers.
func sideNounBefore(ts []token, v int) string {
	if v < 2 || ts[v-1].kind != tWord || ts[v-1].cap || !ts[v-2].is(cDeterminer) {
		return ""
	}
	switch ts[v-1].lower {
	case "opposition":
		return "Opposition"
	case "government":
		return "Government"
	}
	return ""
}

// bestSpeaking is best, except that between equal scores a party with
// statements of its own wins: the lead may name one side two ways ("Labor",
// "the opposition"), and the name its speakers carry is the one to use.
func bestSpeaking(scores map[string]int, except string, speaking map[string]bool) string {
	top, who := 0, ""
	for party, n := range scores {
		if party == except {
			continue
		}
		better := n > top || n == top && (speaking[party] && !speaking[who] || speaking[party] == speaking[who] && party < who)
		if better {
			top, who = n, party
		}
	}
	return who
}

// maxChargeWords is how much of a lead sentence after a charging verb is
// kept as the charge.
const maxChargeWords = 12

// noteCharge keeps the words after a charging verb, to the end of the
// sentence: "… of poaching its drivers".
func (s *sides) noteCharge(ts []token, p string) {
	for k, t := range ts {
		if k == maxChargeWords || endsSentence(t) {
			break
		}
		if t.kind == tWord {
			s.charge.WriteString(strings.ToLower(t.text))
			s.charge.WriteByte(' ')
		}
	}
}

// interviewerOf is the speaker of a transcript's questions, or "": all their
// turns are questions, whatever label each carries.
func interviewerOf(qs []Quote) string {
	for _, q := range qs {
		if q.Kind == Transcript && q.question && q.Speaker != "" {
			return q.Speaker
		}
	}
	return ""
}
