// Reading the subject of a sentence: the noun phrase that opens it, past
// datelines, introductory phrases and the words that describe a name.

package corpus

import "strings"

// afterIntroOnly reports whether the quotation s[k] ends its sentence
// after no more than a short lower-case phrase and a comma, no speech verb
// or name among them: "Unless the owners change course, “…”" — the words
// carry on the speaker before them.
func afterIntroOnly(s []token, k int) bool {
	if k < 2 || k > maxIntroPhrase || s[k-1].text != "," || len(s)-k > 2 || !quoteEndsSentence(s[k].text) {
		return false
	}
	for i := range s[:k-1] {
		t := &s[i]
		if t.kind != tWord || i > 0 && t.cap || isSpeechVerb(t) {
			return false
		}
	}
	return true
}

// sentencePlace returns the party of the place an "In Beijing," or "From
// Moscow," opening names, or "".
func sentencePlace(s []token, p string) string {
	if len(s) < 3 || s[0].lower != "in" && s[0].lower != "from" {
		return ""
	}
	for k := 1; k < len(s) && k < 5; k++ {
		if s[k].text == "," {
			return partyOf(joinTokens(s[1:k], p))
		}
	}
	return ""
}

// maxIntroPhrase is the longest introductory phrase skipped to find a
// sentence's subject ("Asked how the tactics … differ from …,").
const maxIntroPhrase = 30

// sentenceSubject reads the noun phrase that opens a sentence, after an
// introductory phrase such as "In Beijing," or "On Wednesday,".
func sentenceSubject(s []token, p string, people *registry) mention {
	i := 0
	conjunction := len(s) > 1 && s[0].is(cStop) && conjunctions[s[0].lower] && s[1].text != ","
	if conjunction && s[1].is(cPronoun) && s[1].lower != "it" {
		i = 1 // "But he wanted to know, “…”": the pronoun is the subject
	}
	// "In Ohio, …", "But a day later, …": an introductory phrase; never
	// "He also issued a statement, saying …", whose pronoun is the subject.
	if i == 0 && len(s) > 0 && s[0].cap && (s[0].is(cStop) && !s[0].is(cDeterminer|cPronoun) || opensIntro(&s[0])) {
		for k := 0; k < len(s) && k < maxIntroPhrase; k++ {
			if s[k].text == "," {
				i = k + 1
				break
			}
		}
	}
	if i == 0 && conjunction {
		i = 1 // "But Lee claims …": the conjunction joins, Lee is the subject
	}
	if i == 0 {
		i = datelineLength(s)
	}
	// "At an event in Ames, Iowa, on Sunday, Mrs. Lee …": the place and
	// time that carry on the introduction are not the subject either.
	for n := 0; n < 3 && i > 0 && i < len(s); n++ {
		k := i
		for k < len(s) && k-i < 4 && s[k].kind == tWord && (isTimeWord(&s[k]) || s[k].cap && (s[k].is(cGazetteer) || s[k].is(cPlace) && placeNames[strings.ToLower(s[k].base)])) {
			k++
		}
		if k == i || k >= len(s) || s[k].text != "," {
			break
		}
		i = k + 1
	}
	np, appos := npAfter(s, i)
	m := interpret(np, appos, p, people)
	if pm := nameAfterRole(s, i+len(np), p, people); pm.kind == mPerson && len(np) > 0 && (m.kind != mPerson || np[len(np)-1].poss || !np[len(np)-1].cap) {
		return pm // "Clinton campaign manager Robby Mook released …"
	}
	if m.kind != mPerson {
		if pm := modifiedName(s, i, p, people); pm.kind == mPerson {
			return pm
		}
	}
	return m
}

// conjunctions open a sentence that goes on from the one before. All are
// stop words (cStop), which spares most sentences the look-up.
var conjunctions = words(`but and yet so or`)

// datelineLength is how many tokens a dateline opening a sentence takes:
// "WASHINGTON –", "Washington (AFP) —" (its aside already dropped).
func datelineLength(s []token) int {
	for k := 0; k < len(s) && k < 4; k++ {
		t := &s[k]
		if t.kind == tPunct && (t.text == "–" || t.text == "—" || t.text == "-") {
			if k > 0 && k+1 < len(s) && s[k+1].cap {
				return k + 1
			}
			return 0
		}
		if t.kind != tWord || !t.cap {
			return 0
		}
	}
	return 0
}

// maxRoleModifiers is how many lower-case words may stand between a noun
// phrase and the role noun that introduces a name: "Clinton campaign
// manager Robby Mook", "Clinton’s top foreign policy aide Jake Sullivan".
const maxRoleModifiers = 4

// nameAfterRole reads, from ts[k], a few lower-case words ending in a role
// noun and then a name: the person the phrase before was only describing.
func nameAfterRole(ts []token, k int, p string, people *registry) mention {
	j := k
	for j < len(ts) && j-k <= maxRoleModifiers && ts[j].kind == tWord && !ts[j].cap && !ts[j].is(cSpeech) {
		j++
	}
	if j == k || j >= len(ts) || !ts[j-1].is(cRole|cTitle) || !isNameWord(&ts[j]) {
		return mention{}
	}
	np, appos := npAfter(ts, j)
	return interpret(np, appos, p, people)
}

// opensIntro reports whether a capitalised first word opens an
// introductory phrase rather than the subject: "Speaking at a rally, …",
// "Hours later, …", "Asked about it, …".
func opensIntro(t *token) bool {
	if t.kind != tWord || t.is(cGiven) {
		return false
	}
	l := t.lower
	var buf [64]byte
	if l == "" {
		l = string(lowerInto(buf[:0], t.base)) // a capitalised word in no table
	}
	return strings.HasSuffix(l, "ing") || strings.HasSuffix(l, "ed") || strings.HasSuffix(l, "ly") || isTimeWord(t) ||
		l == "hours" || l == "days" || l == "weeks" || l == "months" || l == "years" || l == "minutes"
}

// maxNameModifiers is how many words may describe a subject before its
// name: "Democratic presidential candidate Bernie Sanders is …".
const maxNameModifiers = 5

// modifiedName reads a subject whose name follows a few describing words,
// none of them a verb.
func modifiedName(s []token, i int, p string, people *registry) mention {
	for k := i; k < len(s) && k-i <= maxNameModifiers; k++ {
		t := &s[k]
		if t.kind != tWord || t.is(cSpeech) {
			return mention{}
		}
		if k > i && t.cap && isNameWord(t) {
			np, appos := npAfter(s, k)
			return interpret(np, appos, p, people)
		}
		if !t.cap && !t.is(cRole|cTitle|cRoleAdj) && (strings.HasSuffix(t.lower, "ed") || strings.HasSuffix(t.lower, "s")) {
			return mention{} // a verb, most likely
		}
	}
	return mention{}
}
