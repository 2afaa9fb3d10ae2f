package corpus

import "strings"

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
	s := sides{accused: map[string]int{}, accuser: map[string]int{}}
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
	defer func() { a.accusedPeople, a.leadCharge = peopleOf(people, accused, a.Paragraphs), s.charge.String() }()
	speaking := map[string]bool{}
	for _, p := range quoteParty {
		speaking[p] = true
	}
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
		accused = counterpart(a, quoteParty, accuser, false, strong)
	case accuser == "" && accused != "":
		accuser = counterpart(a, quoteParty, accused, true, true)
	}
	return accuser, accused
}

// counterpart is the speaking party, other than party, that most often
// names it or is named by it: the other side of a two-sided dispute. Unless
// the evidence for party's side is strong, only a party answering it by
// name, with a denial or a charge, counts.
func counterpart(a *Article, quoteParty []string, party string, accusing, strong bool) string {
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
		names[k] = names[k] || mentionsParty(q.lower, party)
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
// "after receiving an order banning his club".
const maxPunishGap = 5

// punishedBefore reads the rest of a lead sentence for a punishment of the
// subject that came first: "after being fined", "after receiving an order
// banning his club", "after he was suspended". Someone else's punishment
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
			own = own || subjectMarkers[w]
		}
	}
	return false
}

// subjectMarkers, between "after" and a punishment, make the punished one
// the sentence's subject.
var subjectMarkers = words(`being receiving getting he she it they`)

// agentAfter finds the "by" of a passive within the next few words ("were
// banned from the cup by the league") and returns the index after it, or 0.
func agentAfter(ts []token, i int) int {
	for k := i; k < len(ts) && k < i+6; k++ {
		if ts[k].kind != tWord {
			return 0
		}
		if ts[k].lower == "by" {
			return k + 1
		}
	}
	return 0
}

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
		if t.kind != tWord {
			continue
		}
		w := leadWord(t)
		next := ""
		if v+1 < len(ts) && ts[v+1].kind == tWord {
			next = leadWord(ts[v+1])
		}
		// "Rovers banned by league": a headline drops the auxiliary, and
		// the agent after "by" tells the passive.
		passive := strings.HasSuffix(w, "ed") && agentAfter(ts, v+1) > 0 ||
			v > 0 && (ts[v-1].lower == "was" || ts[v-1].lower == "were" || ts[v-1].lower == "been" || ts[v-1].lower == "is" || ts[v-1].lower == "are" || ts[v-1].lower == "being")
		rebuts := t.is(cRebuttal) || leadRebuttals[w]
		if backVerbs[w] {
			rebuts = next == "back" || next == "out"
		}
		accuses := t.is(cAccusing) || leadAccusations[w]
		switch {
		case rebuts:
			if party := s.partyBefore(ts, v, p, people); party != "" {
				s.accused[party] += leadWeight
			}
			if party := s.partyAfter(ts, v+1, p, people); party != "" {
				s.accuser[party] += leadWeight
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
		case wrongdoingVerbs[w] && !passive:
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
	if party := mentionParty(interpret(np, appos, p, people), people); party != "" {
		return party
	}
	return s.subjectBeforeAside(ts, v, p, people)
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
			return mentionParty(interpret(np, appos, p, people), people)
		}
	}
	return ""
}

var auxiliaries = words(`has have had is was are were will would`)

// partyAfter reads the object of a verb: "rejected the US indictment",
// "pushes back against U.S. accusations", "accused China of".
func (s *sides) partyAfter(ts []token, i int, p string, people *registry) string {
	for i < len(ts) && ts[i].kind == tWord && (ts[i].lower == "back" || ts[i].lower == "against" || ts[i].lower == "on" || ts[i].lower == "to") {
		i++
	}
	// "refuting claims by the union", "rejects allegations from Ottawa",
	// "rejecting claims made by a former worker": the party is the one that
	// made the charge.
	k := i
	for k < len(ts) && k < i+5 && ts[k].kind == tWord && !ts[k].cap && ts[k].lower != "by" && ts[k].lower != "from" {
		k++
	}
	if k > i && k+1 < len(ts) && (ts[k].lower == "by" || ts[k].lower == "from") && (chargeNouns[leadWord(ts[k-1])] || chargeBefore[leadWord(ts[k-1])]) {
		i = k + 1
	}
	np, appos := npAfter(ts, i)
	return mentionParty(interpret(np, appos, p, people), people)
}

// mentionParty is the side a lead mention stands for.
func mentionParty(m mention, people *registry) string {
	switch m.kind {
	case mPerson:
		e := &entity{name: m.name, kind: mPerson, titles: []string{m.title}}
		if pr := people.find(m.name); pr != nil {
			e.addTitle(pr.title)
		}
		return e.party()
	case mOrg, mGroup, mRole, mDoc:
		if m.name == "" && m.kind == mOrg && m.head != "" {
			// "the company" is the company the article names.
			return mentionParty(mention{kind: mOrg, name: people.orgFor(m.head)}, people)
		}
		if m.name == "" {
			return ""
		}
		if p := partyOf(m.name); p != "" {
			return p
		}
		if m.kind == mOrg {
			return m.name
		}
		return orgPart(m.name, m.head)
	}
	return ""
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
