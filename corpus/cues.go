package corpus

// moreSpeechVerbs are verbs of saying that news uses after a quotation or
// before a partial one, beyond the core list in lexicon.go: "…,” Lee
// quipped; Kim thanked them for “…”. Inflected like the others. Kept in
// their own table so that the core list stays readable.
var moreSpeechVerbs = words(`
bark mock thank bemoan muse recount lash snap concur caution gush mutter
marvel exclaim grumble acknowledge insist chide scold taunt sneer ridicule
applaud hail commend laud lambast excoriate assail berate castigate deride
jab needle tease wonder ponder opine posit interject elaborate clarify
emphasize recollect reminisce vent bristle rail whine grouse gripe
concede surmise declare profess reckon figure guess believe retaliate
fire remember beam
`)

// moreSpeechForms is every inflected form of moreSpeechVerbs, with the
// doubled consonants inflect does not make.
var moreSpeechForms = func() map[string]bool {
	m := inflect(moreSpeechVerbs)
	// "shot back" and "went on" are speech only with their particle, but
	// the particle stands after the verb, where a cue has already been
	// found; thought and felt are irregular.
	for _, f := range []string{"snapped", "snapping", "jabbed", "jabbing", "shot", "went", "thought", "thinks", "felt", "feels"} {
		m[f] = true
	}
	return m
}()

// maxAsideTokens is the longest parenthetical aside dropped from a
// sentence's tokens.
const maxAsideTokens = 6

// withoutAsides returns a paragraph's tokens without their short
// parenthetical asides: "Sen. Ann Lee (D-Ore.) said" reads as "Sen. Ann
// Lee said", and "Rep. Bo Kim (R-Texas), who …" keeps its apposition. An
// aside holding a quotation stays, as do unclosed or long ones. The tokens
// themselves are shared, so offsets still point into the paragraph; a
// paragraph with no aside is returned as it is, without a copy.
func withoutAsides(ts []token) []token {
	// Most paragraphs have no parenthesis: found by the kind of token
	// first, without comparing text.
	first := 0
	for first < len(ts) && (ts[first].kind != tPunct || ts[first].text != "(") {
		first++
	}
	if first == len(ts) {
		return ts
	}
	var out []token
	for i := first; i < len(ts); i++ {
		if ts[i].text == "(" {
			j := i + 1
			for j < len(ts) && j-i <= maxAsideTokens && ts[j].text != ")" && ts[j].text != "(" && ts[j].kind != tQuote {
				j++
			}
			if j < len(ts) && ts[j].text == ")" && j-i <= maxAsideTokens {
				if out == nil {
					out = append(make([]token, 0, len(ts)), ts[:i]...)
				}
				i = j
				continue
			}
		}
		if out != nil {
			out = append(out, ts[i])
		}
	}
	if out == nil {
		return ts
	}
	return out
}

// moreRoleNouns are the jobs and parts news gives people before or after
// their names ("Republican strategist Al Ruiz", "band member Flea",
// "delegate Ann Cole"), beyond the core list in lexicon.go.
var moreRoleNouns = words(`
delegate delegates strategist strategists pollster pollsters operative
operatives activist activists candidate candidates nominee nominees
commentator commentators anchor co-anchor consultant consultants donor donors
supporter supporters economist economists historian historians member
members organizer organiser organizers organisers chairperson treasurer
councillor councilman councilwoman congressman congresswoman legislator
legislators campaigner campaigners advocate advocates scholar surrogate
surrogates pastor preacher lobbyist lobbyists strategist columnist
columnists blogger bloggers writer author producer comedian actor actress
singer rapper player coach manager captain striker goalkeeper veteran
veterans organiser staffer staffers aide adviser pundit pundits speaker
ally allies friend confidant eyewitness witness bystander onlooker passerby
engineer teacher nurse farmer neighbour neighbor physician
surgeon retiree
`)

// moreHonorifics are the abbreviated titles news puts before a name
// ("Florida Gov. Ann Lee", "Lt. Gov. Tom Hart", "Rep. Kim"), beyond
// lexicon.go's list, so that they are never read as part of the name.
var moreHonorifics = words(`gov. govs. lt. col. maj. capt. sgt. adm. cmdr. rev. amb. sens. reps.`)

// moreStopCaps are capitalised sentence openers that are never part of a
// name ("Because Twitter …", "Whether Lee …"), beyond lexicon.go's list.
var moreStopCaps = words(`
because whether unless until upon amid amidst regarding perhaps besides
throughout toward towards across against beyond via per than to of into
onto rather nevertheless nonetheless otherwise likewise thus hence therefore
overall instead
`)

// labelsANoun reports whether quotation i stands between a determiner and
// a noun, as a label of it ("the “no-limits” partnership", "a ‘zero
// tolerance’ policy"): a scare quote, whoever the sentence's speaker.
func labelsANoun(ts []token, i int) bool {
	for k := range ts {
		t := &ts[k]
		if t.kind != tQuote || t.quote != i {
			continue
		}
		if k == 0 || k+1 >= len(ts) || !ts[k-1].is(cDeterminer) {
			return false
		}
		n := ts[k+1]
		return n.kind == tWord && !n.cap && !n.is(cStop|cConnector|cFiller|cSpeech)
	}
	return false
}

// namesATitle reports whether quotation i is a title after a determiner
// ("its “Strategic Compass”", "the “Green Deal”"): every word
// capitalised, so a name, not words said.
func namesATitle(ts []token, i int, text string) bool {
	if !titleCase(text) {
		return false
	}
	for k := range ts {
		t := &ts[k]
		if t.kind == tQuote && t.quote == i {
			return k > 0 && ts[k-1].is(cDeterminer)
		}
	}
	return false
}
