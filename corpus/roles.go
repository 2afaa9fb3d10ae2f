package corpus

import (
	"slices"
	"strings"
)

// Roles: what each statement does in the article's dispute, once the
// sides are known.

// assignRoles gives each statement its role from the speaker's side, and
// from its words when the speaker is on neither side.
func assignRoles(a *Article, turns []turnInfo) {
	answering := answeringParties(a)
	var cues cueReader
	var turnRoles turnRoles
	for i := range a.Quotes {
		q := &a.Quotes[i]
		switch {
		case q.Kind == Scare || q.Speaker == "":
			q.Role = Other
		case q.Kind == Transcript:
			q.Role = turnRoles.turnRole(a, i, turns)
		case a.Accused != "" && q.Party == a.Accused && !quotesPublishedPiece(q.lower[q.textLen:]):
			q.Role = Response
		case a.Accuser != "" && q.Party == a.Accuser:
			// The accuser's words are a charge when they carry one, name
			// the accused (also by its plain noun: "the union") or one of
			// its people, call something a lie (the
			// accuser denies nothing), speak of the complaint or the
			// allegations, are given as a claim ("reportedly told"), or are
			// the words of a lawsuit.
			if q.accuses || mentionsParty(q.lower, a.Accused) || mentionsAny(q.lower, a.accusedPeople) || namesByItsNoun(q.lower[:q.textLen], a.Accused) ||
				hasAny(q.lower[:q.textLen], lieWords) || isChargeDocument(q.Speaker) || namesTheCharge(q.lower[:q.textLen]) || reportsAClaim(q.lower[q.textLen:]) ||
				overlap(topicWords(q.lower[:q.textLen]), topicWords(a.leadCharge)) >= minTopicOverlap {
				q.Role = Accusation
			} else {
				q.Role = Other
			}
		case answering[q.Party]:
			// Someone answering a charge of their own: "I categorically
			// deny them," said a player the story's main dispute is not about.
			q.Role = Response
		case thirdPartyCharges(q, a),
			a.Accused == "" && statementAccuses(q.lower, q.textLen, &cues):
			// With no accused framed, only the speaker's own charging words
			// (or a charging verb around them) make an accusation.
			q.Role = Accusation
		default:
			q.Role = Other
		}
	}
	shareStatementRoles(a)
	for i := range a.Quotes {
		if q := &a.Quotes[i]; q.Role == Accusation && callsChargeFalse(q.lower[:q.textLen]) {
			// "incorrect allegations": the words of the side that denies,
			// whoever the sentence seems to give them to.
			q.Role = Other
		}
	}
	a.accusedPeople, a.leadCharge = nil, ""
}

// callsChargeFalse: the words name a charge against someone ("allegations",
// "accusations") and call it false in the same breath ("baseless
// allegations", "the accusations are untrue"). Words that charge as often
// as they deny ("misleading") do not count, nor do "claims", which may be
// the product claims a charge is about ("false claims in its adverts").
func callsChargeFalse(lower string) bool {
	both := allegationLexicon.bit | falseWords.bit
	return lexiconsIn(lower, both)&both == both
}

// namesTheCharge: the words speak of "the complaint", "the allegations",
// "the charges".
func namesTheCharge(lower string) bool {
	return hasAny(lower, chargeNamingWords)
}

var complaintNouns = words(`complaint complaints charges`)

// chargeNamingWords are the nouns namesTheCharge looks for, matched in one
// pass over the words.
var chargeNamingWords = wholeWords(allegationNouns, complaintNouns)

// allegationNouns name a charge against a party, and nothing else.
var allegationNouns = words(`allegation allegations accusation accusations`)

var allegationLexicon = wholeWords(allegationNouns)

// falseWords call a statement untrue. Verbs ("they deny the allegations")
// are left out: an accuser reports the other side's denial in them.
var falseWords = prefixes(`false untrue baseless groundless unfounded ill-founded
fabricat incorrect inaccura unsubstantiat spurious bogus absurd`)

// thirdPartyCharges: a speaker on neither side charges the accused when
// their words name the accused, or one of its people, and charge them or
// call what they say a lie ("everything the minister says is a lie"). A
// lie said of a charge ("the claims are a lie") defends instead.
func thirdPartyCharges(q *Quote, a *Article) bool {
	if a.Accused == "" || !mentionsParty(q.lower, a.Accused) && !mentionsAny(q.lower, a.accusedPeople) {
		return false
	}
	own := q.lower[:q.textLen]
	return q.accuses || hasAny(own, lieWords) && !hasAny(own, chargeNounWords)
}

// quotesPublishedPiece: the cue gives a published story or report as the
// words' source ("the paper's story cited …", "the report said …"). The
// accused's own earlier reporting is what the charge is about, not an
// answer to it.
func quotesPublishedPiece(cue string) bool {
	piece, found := false, false
	forEachWord(cue, func(w string) bool {
		in := lexiconsOf(w)
		found = piece && in.has(speechLexicon)
		piece = in.has(pieceLexicon)
		return !found
	})
	return found
}

// pieceNouns name a published piece of reporting.
var pieceNouns = words(`story article report editorial column piece headline broadcast`)

var pieceLexicon, speechLexicon = wholeWords(pieceNouns), wholeWords(speechForms)

// answeringParties are the parties, on neither side of the article's main
// dispute, that deny a charge in their own name ("I deny", "we reject"):
// they stand accused of something, so their statements answer it.
func answeringParties(a *Article) map[string]bool {
	var out map[string]bool
	for _, q := range a.Quotes {
		if q.Party == "" || q.Party == a.Accused || q.Party == a.Accuser || q.Kind != Direct || q.question {
			continue
		}
		text := q.lower[:q.textLen]
		if (hasAny(text, flatDenials) || refusesToAgree(text)) && speaksForItself(text) {
			if out == nil {
				out = map[string]bool{}
			}
			out[q.Party] = true
		}
	}
	return out
}

// refusesToAgree: "we do not agree with the findings", "I don't accept
// the ruling": a negation just before agree or accept disputes a charge.
func refusesToAgree(lower string) bool {
	negated, found := 0, false
	forEachWord(lower, func(w string) bool {
		switch {
		case negations[w]:
			negated = 2 // "do not fully agree": one word may come between
		case negated > 0 && (w == "agree" || w == "accept"):
			found = true
		default:
			negated--
		}
		return !found
	})
	return found
}

// negations turn the verb after them round. "don't" reads as "don" and
// "t": the letter after the apostrophe stands for the negation.
var negations = words(`not never cannot t`)

// speaksForItself: the words are in the first person.
func speaksForItself(lower string) bool {
	found := false
	forEachWord(lower, func(w string) bool {
		found = w == "i" || w == "we" || w == "my" || w == "our" || w == "me" || w == "us"
		return !found
	})
	return found
}

// shareStatementRoles gives one statement one role: the parts of a
// quotation split by its attribution ("…,” she said. “…”) and the
// paragraphs of a quotation that runs on are one statement, so a charge
// made in one part makes the others part of the charge.
func shareStatementRoles(a *Article) {
	qs := a.Quotes
	for i := 0; i < len(qs); {
		j := i + 1
		for j < len(qs) && sameStatement(&qs[j-1], &qs[j], a.Paragraphs) {
			j++
		}
		if j-i > 1 {
			role := Other
			for k := i; k < j; k++ {
				if qs[k].Role == Accusation || qs[k].Role == Response {
					role = qs[k].Role
					break
				}
			}
			if role != Other {
				for k := i; k < j; k++ {
					if qs[k].Role == Other && qs[k].Kind == Direct {
						qs[k].Role = role
					}
				}
			}
		}
		i = j
	}
}

// sameStatement: b carries on a's statement, in the same paragraph or in
// the next one that continues an open quotation.
func sameStatement(a, b *Quote, paras []string) bool {
	if a.Speaker == "" || a.Speaker != b.Speaker || a.Kind != Direct || b.Kind != Direct {
		return false
	}
	if b.Paragraph == a.Paragraph+1 && b.continued && a.openEnded {
		return true
	}
	// Only an attribution between the two parts: "…,” he said. “…".
	// Partial quotes strung through reported speech are separate claims.
	return a.Paragraph == b.Paragraph && a.close <= b.open && isAttributionOnly(paras[a.Paragraph][a.close:b.open])
}

// maxAttributionWords is the longest run of words read as only an
// attribution between two parts of one quotation.
const maxAttributionWords = 10

func isAttributionOnly(gap string) bool {
	n, speech := 0, false
	forEachWord(strings.ToLower(gap), func(w string) bool {
		n++
		speech = speech || speechForms[w]
		return n <= maxAttributionWords
	})
	return speech && n <= maxAttributionWords
}

// mentionsParty reports whether a lower-case text names a party or a
// place the gazetteer ties to it.
func mentionsParty(lower, party string) bool {
	if party == "" {
		return false
	}
	if strings.Contains(lower, strings.ToLower(party)) {
		return true
	}
	// "Northwind" stands for "Northwind Airlines": the distinctive words
	// of the party's name, not its organisation word.
	var own []string
	for _, w := range strings.Fields(strings.ToLower(party)) {
		if len(w) >= 4 && !orgWords[w] && !titleWords[w] && !orgWords[strings.TrimSuffix(w, "s")] {
			own = append(own, w)
		}
	}
	found := false
	forEachWord(lower, func(w string) bool {
		p, ok := gazetteer[w]
		found = ok && p == party || slices.Contains(own, w)
		return !found
	})
	return found
}

// namesByItsNoun: the words speak of the party by the plain noun its
// name ends in: "the union" for "Bakery Drivers Union", "the airline" for
// "Skyway Airlines".
func namesByItsNoun(lower, party string) bool {
	noun := strings.ToLower(lastWord(party))
	if !plainOrgNouns[noun] {
		noun = strings.TrimSuffix(noun, "s")
	}
	if !plainOrgNouns[noun] {
		return false
	}
	prev, found := "", false
	forEachWord(lower, func(w string) bool {
		found = prev == "the" && w == noun
		prev = w
		return !found
	})
	return found
}

// peopleOf lists the surnames, in lower case, of the people the article
// places with a party, by their title or by the words just before their
// name ("Lumen Studios design director Paul Grey"): a charge against one of
// them is a charge against the party.
func peopleOf(people *registry, party string, paras []string) []string {
	if party == "" {
		return nil
	}
	var out []string
	add := func(p *person) {
		s := strings.ToLower(lastWordOf(p.name))
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, p := range people.people {
		if p.title == "" || p.name == party {
			continue
		}
		e := entity{name: p.name, kind: mPerson, titles: []string{p.title}}
		if aff := e.affiliation(); aff != "" && (aff == party || containsWordRun(party, aff)) {
			add(p)
		}
	}
	for _, m := range people.mentions {
		if m.para < 0 || m.para >= len(paras) || m.p.name == party {
			continue
		}
		if before := paras[m.para][max(0, m.offset-maxTitleBytes):m.offset]; strings.Contains(before, party) {
			add(m.p)
		}
	}
	return out
}

// maxTitleBytes is how far before a name its title is looked for.
const maxTitleBytes = 48

// mentionsAny reports whether a lower-case text holds any of the words.
func mentionsAny(lower string, ws []string) bool {
	if len(ws) == 0 {
		return false
	}
	found := false
	forEachWord(lower, func(w string) bool {
		found = slices.Contains(ws, w)
		return !found
	})
	return found
}
