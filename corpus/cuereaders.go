// The cue readers: the words before or after a quotation that say who
// speaks ("…,” Lee said", "Lee said: “…”", "Name: “…”").

package corpus

import (
	"strings"
)

// rightCue reads the words after a quotation: "…,” he said", "…,” said
// Zhao Lijian, spokesperson for …", "…,” according to X".
func rightCue(ts []token, p string, people *registry, clauseEnds bool) mention {
	first := 0
	for first < len(ts) && ts[first].kind == tPunct {
		first++
	}
	for v := first; v < len(ts) && v-first < maxRightCue; v++ {
		t := &ts[v]
		if t.kind != tWord {
			if t.text == "," && v > first {
				// "…,” Graham, a former candidate, told …": a name, an
				// apposition of any shape, then the verb after a comma.
				if m := nameThenVerb(ts, first, v, p, people); m.kind != mNone {
					return m
				}
				// "…,” since most cases were close, said Lee Epstein": an
				// aside of the writer's, then the cue; only after a
				// quotation that ends its clause, not a word inside one.
				// Inside a clause, only a named person or "he"/"she"
				// carries the quotation this far ("to ‘beg’ for help, the
				// spox added" may be the writer's summary).
				if m := cueAfterAside(ts, v, p, people); clauseEnds || m.kind == mPerson || personalPronoun(m) {
					return m
				}
				return mention{}
			}
			if t.text != "-" {
				return mention{}
			}
			continue
		}
		if t.lower == "according" && v+1 < len(ts) && ts[v+1].lower == "to" {
			np, appos := npAfter(ts, v+2)
			return roleName(interpret(np, appos, p, people), np, ts, v+2, p, people)
		}
		if !isSpeechVerb(t) {
			continue
		}
		if v == first {
			np, appos := npAfter(ts, v+1)
			m := loneName(roleName(interpret(np, appos, p, people), np, ts, v+1, p, people), np, p)
			if m.kind != mPerson {
				if pm := describedName(ts, v+1, p, people); pm.kind == mPerson {
					return pm
				}
			}
			return m
		}
		np, appos := npBefore(ts, v)
		if len(np) == 0 {
			return mention{}
		}
		if np[0].start == ts[first].start {
			return loneName(interpret(np, appos, p, people), np, p)
		}
		if np[0].start != ts[first].start {
			// "Sanders campaign manager Jeff Weaver said": words the
			// phrase does not take may lead it, if they are only words.
			if m := interpret(np, appos, p, people); m.kind == mPerson && onlyWords(ts, first, v) {
				return m
			}
			return mention{}
		}
		return interpret(np, appos, p, people)
	}
	return mention{}
}

// maxApposedCue is how far the speech verb may stand after a name and its
// apposition: "…,” Trump, the front-runner in most national polls, said.
const maxApposedCue = 30

// nameThenVerb reads "Name, apposition, said" after a quotation, where
// ts[first:comma] is the name and the apposition is any phrase closed by a
// comma that a speech verb follows.
func nameThenVerb(ts []token, first, comma int, p string, people *registry) mention {
	m := interpret(ts[first:comma], nil, p, people)
	if m.kind == mRole || m.kind == mOrg || m.kind == mNone && describesSomeone(ts[first:comma]) {
		// "…,” the White House spokesman, Josh Earnest, said.
		if k := nextComma(ts, comma+1); k > comma+1 && k+1 < len(ts) && isSpeechVerb(&ts[k+1]) && allNameWords(ts[comma+1:k]) {
			if pm := interpret(ts[comma+1:k], nil, p, people); pm.kind == mPerson {
				pm.title = joinNonEmpty(joinTokens(stripDeterminers(ts[first:comma]), p), pm.title)
				return pm
			}
		}
	}
	// "…,” Xinhua, the official news agency, wrote": a named organisation
	// with an apposition of its own speaks like a person.
	org := m.kind == mOrg && m.name != "" && comma+1 < len(ts) && ts[comma+1].is(cDeterminer)
	if m.kind != mPerson && !org {
		return mention{}
	}
	for k := comma + 1; k < len(ts) && k-comma < maxApposedCue; k++ {
		t := &ts[k]
		if t.kind == tQuote || endsSentence(t) && !abbreviationStop(ts, k) {
			return mention{}
		}
		if t.text != "," {
			continue
		}
		if org && k+1 < len(ts) && !isSpeechVerb(&ts[k+1]) {
			return mention{} // an organisation's apposition is one short phrase
		}
		v := k + 1
		for v < len(ts) && ts[v].kind == tWord && (ts[v].is(cFiller) || isTimeWord(&ts[v])) {
			v++
		}
		if v < len(ts) && (isSpeechVerb(&ts[v]) || ts[v].kind == tWord && ts[v].is(cSpeech) && ts[v].lower != "") {
			// A capitalised verb here is a typo ("…, Tweeted on Friday").
			m.title = joinNonEmpty(m.title, joinTokens(ts[comma+1:k], p))
			return m
		}
	}
	return mention{}
}

// onlyWords reports whether ts[from:to] holds words only, none of them a
// sentence opener ("But", "However").
func onlyWords(ts []token, from, to int) bool {
	for _, t := range ts[from:to] {
		if t.kind != tWord || t.cap && t.is(cStop) && !t.is(cDeterminer) {
			return false
		}
	}
	return true
}

// leftCue reads the words before a quotation: "X said: “…”", "X accused
// China of “…”", "X told reporters that China was “…”".
func leftCue(ts []token, p string, people *registry) mention {
	// "Asked about Lee’s demand, Kim responded, “…”": the verb right
	// before the quotation is its cue, whatever verbs come earlier. A
	// participle ("…, writing, “…”") has the sentence's subject, not the
	// word before it.
	if n := len(ts); n >= 3 && (ts[n-1].text == "," || ts[n-1].text == ":") && isSpeechVerb(&ts[n-2]) && !strings.HasSuffix(ts[n-2].lower, "ing") {
		np, appos := npBefore(ts, n-2)
		if m := interpret(np, appos, p, people); m.kind == mPerson || personalPronoun(m) {
			return m
		}
	}
	inherit := false // a verb with no subject of its own: "…, adding that “…”"
	for v := range ts {
		t := &ts[v]
		if t.kind != tWord {
			continue
		}
		if t.lower == "according" && v+1 < len(ts) && ts[v+1].lower == "to" {
			np, appos := npAfter(ts, v+2)
			return roleName(interpret(np, appos, p, people), np, ts, v+2, p, people)
		}
		if v == 0 && t.cap && (t.lower == "said" || t.lower == "says") {
			// "Said Ann Lee, who grew up there, “…”"
			np, appos := npAfter(ts, v+1)
			if m := interpret(np, appos, p, people); m.kind != mNone {
				return m
			}
		}
		if (t.lower == "put" || t.lower == "puts") && v+1 < len(ts) && ts[v+1].lower == "it" {
			// "as Ann Lee, a former minister, put it: “…”"
			np, appos := npBefore(ts, v)
			if m := interpret(np, appos, p, people); m.kind != mNone {
				return m
			}
			// "As Ann Lee, professor of law at Yale, put it": whatever
			// the aside, the phrase after "as" is who put it so.
			for k := v - 1; k >= 0 && v-k <= maxApposedCue; k-- {
				if ts[k].lower == "as" {
					np, appos := npAfter(ts, k+1)
					if m := interpret(np, appos, p, people); m.kind == mPerson || m.kind == mOrg && m.name != "" {
						return m
					}
					break
				}
			}
		}
		if !isSpeechVerb(t) || nounState(ts, v) {
			continue
		}
		np, appos := npBefore(ts, v)
		if m := interpret(np, appos, p, people); m.kind != mNone {
			return m
		}
		if v == 0 || ts[v-1].text == "," || ts[v-1].lower == "and" || ts[v-1].lower == "but" {
			inherit = true
		}
	}
	if inherit {
		return mention{kind: mInherit}
	}
	return mention{}
}

// colonCue reads "Name: “…”" and "the ministry: “…”", a speaker introduced
// by a colon with no verb.
func colonCue(left []token, p string, people *registry) mention {
	if len(left) < 2 || left[len(left)-1].text != ":" {
		return mention{}
	}
	np := collectLeft(left, len(left)-2)
	if len(np) == 0 {
		return mention{}
	}
	if m := interpret(np, nil, p, people); m.kind == mPerson || m.kind == mOrg && m.name != "" {
		return m
	}
	return mention{}
}

// verbAfterSubject reports whether the words before a quotation hold a
// lower-case word that reads as a finite verb (…ed, …s), so that the
// sentence's subject is doing something with the quoted words.
func verbAfterSubject(left []token) bool {
	for i := range left {
		t := &left[i]
		if t.kind == tWord && !t.cap && len(t.lower) > 3 && !t.is(cStop|cFiller|cConnector|cDeterminer) &&
			(strings.HasSuffix(t.lower, "ed") || strings.HasSuffix(t.lower, "s") && !strings.HasSuffix(t.lower, "ss")) {
			return true
		}
	}
	return false
}

// trailingCue reads the cue that closes a sentence of reported speech:
// "Cruz won the crowd over, Ann Lee said." Lee, not Cruz, is the one
// speaking.
func trailingCue(s []token, p string, people *registry) mention {
	n := len(s)
	if n > 0 && endsSentence(&s[n-1]) {
		n--
	}
	if n < 3 || !isSpeechVerb(&s[n-1]) {
		return mention{}
	}
	np, appos := npBefore(s, n-1)
	if len(np) == 0 || np[0].start == s[0].start {
		return mention{}
	}
	if k := len(s[:n]) - 1 - len(np) - 1; k < 0 || s[k].text != "," {
		return mention{}
	}
	return interpret(np, appos, p, people)
}

// loneName reads a single capitalised word right by a speech verb after a
// quotation ("…,” said Aida; “…,” Okafor snapped) as a person the article
// has not named in full, where interpret, not knowing it, takes it for an
// organisation.
func loneName(m mention, np []token, p string) mention {
	if m.kind != mOrg || len(np) != 1 || !isNameWord(&np[0]) || np[0].is(cPlainOrg) || isPlaceRun(np) {
		return m
	}
	return mention{kind: mPerson, name: np[0].base, title: m.title}
}

// nounBefore reports whether a plain noun or adjective stands right before
// a quotation, which then names or labels it ("the media platform “Blue
// Hour”", "a high ‘risk score’") rather than reports words.
func nounBefore(left []token) bool {
	if len(left) == 0 {
		return false
	}
	t := &left[len(left)-1]
	if t.kind != tWord || t.cap || t.is(cStop|cConnector|cDeterminer|cFiller|cSpeech|cNaming) {
		return false
	}
	l := t.lower
	return !strings.HasSuffix(l, "ed") && !strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ing")
}

// nounState reports whether "state" or "states" at ts[v] is the noun
// ("member states", "the state") rather than the verb, which news writes
// before "that", a colon or the quotation.
func nounState(ts []token, v int) bool {
	if ts[v].lower != "states" && ts[v].lower != "state" {
		return false
	}
	if v+1 >= len(ts) {
		return true
	}
	n := ts[v+1]
	return !(n.lower == "that" || n.text == ":" || n.text == "," || n.kind == tQuote)
}

// maxCueName is how many capitalised words may stand before the verb of a
// cue that follows a quotation ending with its own full stop or question
// mark: "…?” said Lee; …?” Senator Ann Lee said".
const maxCueName = 5

// cueFollows reports whether the words after a quotation carry on its
// sentence as its cue although the quotation ends with a stop of its own:
// they open with a speech verb, or with a few capitalised words and one.
func cueFollows(right []token) bool {
	k := 0
	for k < len(right) && right[k].kind == tPunct {
		k++
	}
	for j := k; j < len(right) && j-k <= maxCueName; j++ {
		t := &right[j]
		if isSpeechVerb(t) {
			return true
		}
		if t.text == "," && j > k {
			// "…!” Lee, the head of the group, said …"
			for c := j + 1; c+1 < len(right) && c-j < maxApposedCue && !endsSentence(&right[c]); c++ {
				if right[c].text == "," && right[c+1].kind == tWord && right[c+1].is(cSpeech) {
					return true
				}
			}
			return false
		}
		if t.kind != tWord || !t.cap && !t.is(cRole|cTitle|cRoleAdj|cDeterminer) || t.cap && t.is(cStop) && !t.is(cDeterminer) {
			return false // "….” But Lee claims …" starts a sentence of its own
		}
	}
	return false
}

// nextComma is the index of the first comma at or after ts[i] within a
// short phrase, or -1.
func nextComma(ts []token, i int) int {
	for k := i; k < len(ts) && k-i <= maxCueName; k++ {
		if ts[k].text == "," {
			return k
		}
		if ts[k].kind != tWord {
			return -1
		}
	}
	return -1
}

// roleName prefers, to the mention of a phrase np read from ts[at], the
// person a role noun after it introduces, when the phrase only describes
// them: "said Clinton’s top foreign policy aide Jake Sullivan", "according
// to Idaho executive Frank Vance".
func roleName(m mention, np, ts []token, at int, p string, people *registry) mention {
	if pm := nameAfterRole(ts, at+len(np), p, people); pm.kind == mPerson {
		// Also after a person's name: "said Lee campaign spokesman Tom
		// Hart" is Hart's cue, the name before only describing him.
		return pm
	}
	return m
}

// cueAfterAside reads the cue that follows an aside after a quotation,
// from the comma at ts[k]: ", said Lee Epstein" or ", Mr. Turry said".
func cueAfterAside(ts []token, k int, p string, people *registry) mention {
	if k+1 >= len(ts) {
		return mention{}
	}
	if isSpeechVerb(&ts[k+1]) {
		np, appos := npAfter(ts, k+2)
		return interpret(np, appos, p, people)
	}
	np := collectRight(ts, k+1)
	if len(np) > 0 && k+1+len(np) < len(ts) && isSpeechVerb(&ts[k+1+len(np)]) {
		return interpret(np, nil, p, people)
	}
	return mention{}
}

// describedName reads, right after the verb that follows a quotation, a
// person described by a few words before or after the name: "…,” said
// retired surgeon Ben Osei; "…,” said the younger Mr. Lee; "…,” said
// another leading advocate, Ana Ruiz of the law firm …". Right after such
// a verb the phrase is the speaker, so describing words need not be role
// nouns; the name must be a full one (two name words, or a title and a
// name) so that a plain capitalised word does not pass for it.
func describedName(ts []token, k int, p string, people *registry) mention {
	j := k
	// Describing words: lower-case ones, and a capitalised one that
	// describes the lower-case word after it ("undecided Republican voter").
	describes := func(j int) bool {
		t := &ts[j]
		if t.kind != tWord || t.is(cSpeech|cConnector) || t.is(cStop) && !(j == k && t.is(cDeterminer)) {
			return false // "…,” adding that it's why Lee …" describes no one
		}
		return !t.cap || !t.is(cHonorific|cTitle) && j+1 < len(ts) && ts[j+1].kind == tWord && !ts[j+1].cap && !ts[j+1].is(cStop)
	}
	if j < len(ts) && ts[j].cap {
		// "said Ridge State University political scientist Ann Lee": a
		// body's name may open the description.
		e := j
		for e < len(ts) && e-j < maxCueName && ts[e].kind == tWord && ts[e].cap {
			e++
		}
		if e > j+1 && e < len(ts) && ts[e].kind == tWord && !ts[e].cap && interpret(ts[j:e], nil, p, people).kind == mOrg {
			j = e
		}
	}
	for j < len(ts) && j-k <= maxRoleModifiers+maxCueName && describes(j) {
		j++
	}
	if j < len(ts) && ts[j].text == "," && j > k {
		j++ // "another leading advocate, Ana Ruiz"
	}
	if j >= len(ts) || !ts[j].cap {
		return mention{}
	}
	e := j
	for e < len(ts) && e-j < 5 && ts[e].kind == tWord && ts[e].cap && !ts[e].is(cStop) {
		e++
	}
	if e-j < 2 || e < len(ts) && ts[e].kind == tWord && ts[e].cap {
		return mention{}
	}
	m := interpret(ts[j:e], nil, p, people)
	if m.kind != mPerson {
		return mention{}
	}
	m.title = joinNonEmpty(joinTokens(stripDeterminers(ts[k:j]), p), m.title)
	return m
}

// abbreviationStop reports whether the full stop at ts[k] closes an
// abbreviation inside a sentence rather than the sentence: a comma follows
// it ("Mitch Lee, R-Ky., said"; "retired in Dayton, Ohio., said").
func abbreviationStop(ts []token, k int) bool {
	return ts[k].text == "." && k+1 < len(ts) && ts[k+1].text == ","
}
