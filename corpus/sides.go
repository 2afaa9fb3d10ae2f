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
	// "Transport minister Rosa Lind": a capital that only opens the
	// sentence names no organisation. Each party is read once, not once a
	// statement, and all of them in one pass over the paragraphs.
	var parties []string
	seen := map[string]bool{}
	for i, p := range quoteParty {
		if p == "" || p == a.Quotes[i].Speaker || strings.Contains(p, " ") || seen[p] {
			continue
		}
		seen[p] = true
		parties = append(parties, p)
	}
	descriptor := onlyOpenSentences(parties, a.Paragraphs)
	for i, p := range quoteParty {
		// descriptor holds only the one-word parties gathered above.
		if descriptor[p] && p != a.Quotes[i].Speaker {
			quoteParty[i], a.Quotes[i].Party = a.Quotes[i].Speaker, a.Quotes[i].Speaker
		}
	}
	for k, ts := range lead {
		s.readLead(ts, leadText[k], people)
	}
	unaffiliated(a, quoteParty, people)
	names := newPartyNameIndex(partyNames(quoteParty, people, a.Paragraphs))
	for i, p := range quoteParty {
		if full := names.of(p); full != p {
			quoteParty[i], a.Quotes[i].Party = full, full
		}
	}
	s.accused, s.accuser = canonicalScores(s.accused, names), canonicalScores(s.accuser, names)
	for p := range s.claimants {
		s.claimants[names.of(p)] = true
	}
	// "Simon Moss … after his club Riverside Rangers was expelled": the
	// owner and his club are one side, under the club's name.
	for person, org := range ownOrganisations(lead, leadText, people) {
		org = names.of(org)
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
	var cues cueReader
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
		case statementAccuses(q.lower, q.textLen, &cues) && !onlyCallsLies(q.lower[:q.textLen]):
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
	if w := strings.ToLower(lastWordOf(pr.title)); titleWords[w] || roleNouns[w] {
		return []string{w}
	}
	return nil
}

// reportsAClaim: the words around a statement give it as a claim against
// someone: "an eyewitness reportedly told the magazine", "she claimed".
func reportsAClaim(cue string) bool {
	return hasAny(cue, claimCues)
}

var claimCues = wholeWords(words(`reportedly allegedly claimed claims claiming alleged alleges`))

// onlyCallsLies: the statement's only accusation words call something a
// lie, which answers a charge as often as it makes one.
func onlyCallsLies(lower string) bool {
	found := false
	forEachWord(lower, func(w string) bool {
		in := lexiconsOf(w)
		found = in.has(accusationWords) && !in.has(lieWords)
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
	for k := range ts {
		t := &ts[k]
		if endsSentence(t) {
			return false
		}
		if t.kind != tWord || t.lower != "after" {
			continue
		}
		own := false
		for j := k + 1; j < len(ts) && j <= k+maxPunishGap && !endsSentence(&ts[j]); j++ {
			w := leadWord(&ts[j])
			if punishments[w] {
				return own
			}
			// "after his club was expelled": the subject's own side.
			ownOrg := possessives[w] && j+1 < len(ts) && plainOrgNouns[leadWord(&ts[j+1])]
			own = own || subjectMarkers[w] || ownOrg
		}
	}
	return false
}

// subjectMarkers, between "after" and a punishment, make the punished one
// the sentence's subject.
var subjectMarkers = words(`being receiving getting he she it they`)

// possessives before an organisation noun make it the subject's own:
// "after his club", "after their company". All are determiners
// (cDeterminer).
var possessives = words(`his her their its`)

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
	var buf [64]byte
	return speaker != "" && chargeDocuments[string(lowerInto(buf[:0], lastWordOf(speaker)))]
}

// ownOrganisations finds, in the lead, the organisations a person's
// sentence calls theirs by name: "Simon Moss, the developer, said … after
// his club Riverside Rangers was expelled" ties Simon Moss to Riverside
// Rangers. The person is the first one the sentence names.
func ownOrganisations(lead [][]token, leadText []string, people *registry) map[string]string {
	var out map[string]string
	for k, ts := range lead {
		if !hasOwnOrganisation(ts) {
			continue // most leads: no name need be looked up
		}
		person := ""
		for i := 0; i < len(ts); i++ {
			t := &ts[i]
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
			if person == "" || !t.is(cDeterminer) || !possessives[t.lower] || t.lower == "its" || i+2 >= len(ts) || !plainOrgNouns[leadWord(&ts[i+1])] || !ts[i+2].cap {
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

// hasOwnOrganisation reports whether a lead paragraph holds "his club
// Riverside Rangers": a possessive, a plain organisation noun and a
// capital, the phrase ownOrganisations ties to a person.
func hasOwnOrganisation(ts []token) bool {
	for i := 0; i+2 < len(ts); i++ {
		if t := &ts[i]; t.is(cDeterminer) && possessives[t.lower] && t.lower != "its" && plainOrgNouns[leadWord(&ts[i+1])] && ts[i+2].cap {
			return true
		}
	}
	return false
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
	var read []string // the parties whose use decides
	for p := range scores {
		if speaking[p] || isGazetteerParty(p) {
			continue
		}
		if strings.Contains(p, " ") && allCapitalised(p) {
			continue // "Hillside Rovers", even when only a headline names it
		}
		read = append(read, p)
	}
	uses := capitalUses(read, paras)
	for _, p := range read {
		if !uses[p][1] {
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
	for k := range ts {
		t := &ts[k]
		if k == maxChargeWords || endsSentence(t) {
			break
		}
		if t.kind == tWord {
			w := t.lower // the word lowered, unless it is a possessive or in no table
			if t.poss || w == "" {
				w = strings.ToLower(t.text)
			}
			s.charge.WriteString(w)
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
