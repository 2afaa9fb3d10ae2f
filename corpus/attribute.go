package corpus

import (
	"cmp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// entity is a resolved speaker.
type entity struct {
	name   string
	kind   mentionKind
	titles []string // every title and role phrase the article gives them
	place  string   // party of the place they were introduced in, if any
}

// attributor walks an article in reading order and gives each quotation a
// speaker, keeping the state that "he said" and "the spokesman" need.
type attributor struct {
	a        *Article
	people   *registry
	toks     [][]token
	entities map[string]*entity
	last     *entity // speaker of the previous attributed quotation
	lastAt   [2]int  // paragraph and offset of that quotation
	inSent   *entity // speaker of an earlier quotation in the current sentence
	speaker  []*entity
	own      []bool // the quotation had a cue of its own
	// tokenAt is where each quotation stands among its paragraph's
	// tokens, -1 until run finds it.
	tokenAt []int
	// top is the last quotation given a speaker: those after it have
	// none yet, and latest starts from it.
	top int
	// reported is the named subject of the last sentence that reports
	// speech without quoting it ("Carter said there was an incident."),
	// whom a quotation standing alone right after it continues.
	reported   *entity
	reportedAt [2]int
	// reportedBy is who closes that sentence with a cue ("…, Lee said."),
	// and reportedFrom where the sentence starts.
	reportedBy   *entity
	reportedFrom [2]int
}

// maxRightCue is how far after a quotation its cue may start ("…,” Chinese
// Foreign Ministry spokesman Lin Jian told …").
const maxRightCue = 14

func newAttributor(a *Article, people *registry, toks [][]token) *attributor {
	at := &attributor{
		a: a, people: people, toks: toks, entities: map[string]*entity{},
		speaker: make([]*entity, len(a.Quotes)), own: make([]bool, len(a.Quotes)),
		tokenAt: make([]int, len(a.Quotes)), top: -1,
	}
	for i := range at.tokenAt {
		at.tokenAt[i] = -1
	}
	return at
}

// around returns the tokens of quotation i's paragraph from the one
// before it: the rules reading a quotation's neighbours (labelsANoun,
// namesATitle, namedHere) find it at once there, where searching the whole
// paragraph for each quotation cost a paragraph of thousands of them its
// size squared.
func (at *attributor) around(i int) []token {
	ts := at.toks[at.a.Quotes[i].Paragraph]
	if k := at.tokenAt[i]; k >= 0 {
		return ts[max(0, k-1):]
	}
	return ts
}

// run attributes every direct quotation.
func (at *attributor) run() {
	// The paragraphs holding quotations: each quotation is one token of
	// its paragraph (tokenize), and no aside that holds one is dropped
	// (withoutAsides), so the quotations tell without reading the tokens.
	quoted := make([]bool, len(at.toks))
	for _, q := range at.a.Quotes {
		quoted[q.Paragraph] = true
	}
	var qs []int // the quotations' positions in the sentence being read
	for pi, ts := range at.toks {
		if !quoted[pi] {
			if pi+1 < len(at.toks) && quoted[pi+1] {
				at.noteReported(pi, lastSentence(ts))
				at.noteIntroduced(pi, ts)
			}
			continue
		}
		// One pass splits the paragraph into sentences and finds their
		// quotations; words, most tokens, are passed over at once.
		start := 0
		qs = qs[:0]
		for i := range ts {
			t := &ts[i]
			if t.kind == tWord {
				continue
			}
			if t.kind == tQuote {
				qs = append(qs, i-start)
				at.tokenAt[t.quote] = i
			}
			if endsSentence(t) && !abbreviationStop(ts, i) {
				at.sentence(pi, ts[start:i+1], qs)
				start = i + 1
				qs = qs[:0]
			}
		}
		if start < len(ts) {
			at.sentence(pi, ts[start:], qs)
		}
	}
	at.chainContinuations()
}

// personalPronoun reports whether a mention is "he" or "she", who stand
// for a person the article names.
func personalPronoun(m mention) bool {
	return m.kind == mPronoun && (m.name == "he" || m.name == "she")
}

// quoteClosesSentence reports whether ts[i] is a quotation ending with its
// own full stop after which a new sentence opens: “We lost.” Ann Lee then
// left the room. A capitalised cue carries the sentence on instead:
// “We lost.” Ann Lee said.
func quoteClosesSentence(ts []token, i int) bool {
	return ts[i].kind == tQuote && i+1 < len(ts) && ts[i+1].kind == tWord && ts[i+1].cap &&
		quoteEndsSentence(ts[i].text) && !cueFollows(ts[i+1:])
}

// maxSaidLookback is how far before a quotation closesSaidSentence looks
// for the speech verb: a paragraph of thousands of quotations in one
// sentence stays linear.
const maxSaidLookback = 40

// closesSaidSentence reports whether the quotation ts[i] ends, with its own
// full stop, a sentence whose speech verb stands before it, so that the
// capitalised words after it open the next: "Lee called the plan “a
// fraud.” Hart, the mayor, said it was fair." The cue after it is Hart's,
// not Lee's.
func closesSaidSentence(ts []token, from, i int) bool {
	if i-from < 2 || i+1 >= len(ts) || ts[i+1].kind != tWord || !ts[i+1].cap || !quoteEndsSentence(ts[i].text) {
		return false
	}
	return hasSpeechVerb(ts[max(from, i-maxSaidLookback):i])
}

// sentence attributes the quotations of one sentence, at positions qs:
// each by its own cue first, then those without one from a neighbour in
// the same sentence.
func (at *attributor) sentence(pi int, s []token, qs []int) {
	if len(qs) == 0 {
		at.noteReported(pi, s)
		return
	}
	p := at.a.Paragraphs[pi]
	var subject *mention
	at.inSent = nil
	place := sentencePlace(s, p)
	lastBefore := at.last
	lastBeforeAt := at.lastAt
	cue := sentenceCue(s, p, len(qs)) // one for the sentence, shared by its quotations
	// closedAt is the quotation that closed a sentence of its own within
	// s (closesSaidSentence), after which the words open a new one; -1.
	closedAt := -1
	for n, k := range qs {
		q := &at.a.Quotes[s[k].quote]
		leftFrom := 0
		if n > 0 {
			leftFrom = qs[n-1] + 1
		}
		rightTo := len(s)
		if n+1 < len(qs) {
			rightTo = qs[n+1]
		}
		left, right := s[leftFrom:k], s[k+1:rightTo]
		q.cue = cue
		q.place = place

		m := mention{}
		useRight := !quoteEndsSentence(s[k].text) || n+1 == len(qs) && len(right) <= 10 || cueFollows(right)
		if useRight && n == 0 && closesSaidSentence(s, 0, k) {
			useRight, closedAt = false, 0
		}
		// The subject of the words before the quotation: the sentence's,
		// or that of the one opening after a quotation that closed its own.
		subjectOf := func() *mention {
			if n > 0 && closedAt == n-1 {
				sm := sentenceSubject(left, p, at.people)
				return &sm
			}
			if subject == nil {
				sm := sentenceSubject(s, p, at.people)
				subject = &sm
			}
			return subject
		}
		if useRight {
			m = rightCue(right, p, at.people, endsClause(s[k].text))
		}
		fromLeft := false // the cue stands before the quotation
		if m.kind == mNone {
			m, fromLeft = leftCue(left, p, at.people), true
		}
		if m.kind == mDoc && m.name == m.head || m.kind == mDoc && strings.EqualFold(m.name, m.head) {
			// "Lee issued a statement saying “…”": a bare document noun
			// speaks for the sentence's named subject.
			if subject == nil {
				sm := sentenceSubject(s, p, at.people)
				subject = &sm
			}
			// "She released a statement saying “…”" too; not a paper named
			// like a document ("…,” The Post reported), which speaks
			// itself, nor a statement speaking about "him" after the fact
			// ("He was “a fine colleague,” the statement said").
			if subject.kind == mPerson || subject.kind == mOrg && subject.name != "" || personalPronoun(*subject) && m.name == m.head && fromLeft {
				m = *subject
			}
		}
		if m.kind == mNone {
			m = colonCue(left, p, at.people)
		}
		if m.kind == mNone && len(left) > 1 && left[len(left)-1].text == ":" {
			// "She then turned to the crowd: “…”": the colon hands the
			// quotation to the sentence's subject.
			if subject == nil {
				sm := sentenceSubject(s, p, at.people)
				subject = &sm
			}
			if subject.kind == mPerson || subject.kind == mPronoun || subject.kind == mRole || subject.kind == mOrg && subject.name != "" {
				m = *subject
			}
		}
		if m.kind == mNone && len(left) > 1 && (n == 0 || closedAt == n-1) {
			// A partial quotation inside reported speech is the words of the
			// sentence's named subject: "Kim mocked the plan as “a fantasy”".
			sub := subjectOf()
			if (sub.kind == mPerson || personalPronoun(*sub)) && verbAfterSubject(left) && !nounBefore(left) && strings.Contains(strings.TrimSpace(q.Text), " ") {
				m = *sub
			}
		}
		if m.kind == mInherit || m.kind == mNone && hasSpeechVerb(left) {
			sub := subjectOf()
			if m.kind == mInherit && n > 0 && closedAt != n-1 && at.speaker[s[qs[n-1]].quote] != nil {
				at.setSpeaker(s[k].quote, at.speaker[s[qs[n-1]].quote], true)
				continue
			}
			m = *sub
		}
		if e := at.resolve(m, pi, s[k].start); e != nil {
			at.setSpeaker(s[k].quote, e, true)
			at.inSent = e
		}
	}
	at.inSent = nil
	// Quotations without a cue take the speaker of a neighbour in the sentence:
	// the nearest one with a speaker, the earlier one when two are as near.
	// next[n] is the nearest later one, found before any is filled in (the
	// loop fills in only the quotation it is at); prev, the nearest earlier.
	next := make([]int, len(qs))
	for n, m := len(qs)-1, -1; n >= 0; n-- {
		next[n] = m
		if at.speaker[s[qs[n]].quote] != nil {
			m = n
		}
	}
	prev := -1
	for n, k := range qs {
		qi := s[k].quote
		if at.speaker[qi] != nil {
			prev = n
			continue
		}
		m := prev
		if m < 0 || next[n] >= 0 && next[n]-n < n-m {
			m = next[n]
		}
		if m >= 0 && closedAt >= 0 && (m <= closedAt) != (n <= closedAt) {
			m = -1 // not across the sentence a quotation closed
		}
		if m >= 0 {
			// A person's cue covers the sentence's other short
			// quotations: "Lee said A was “a lightweight” and B
			// “a liar.”"
			nb := s[qs[m]].quote
			at.setSpeaker(qi, at.speaker[nb], at.own[nb] && at.speaker[nb].kind == mPerson && !titleCase(at.a.Quotes[qi].Text))
		}
		// A paragraph that is only a quotation, with no cue, continues the
		// previous speaker; so does a sentence that is only a quotation, or
		// opens with one and has no speech verb of its own (“…” before
		// the winter), following one attributed in the same paragraph.
		q := at.a.Quotes[qi]
		standsAlone := k == 0 && (len(s)-1 <= 2 || quoteEndsSentence(s[k].text) || !hasSpeechVerb(s)) || n == 0 && afterIntroOnly(s, k)
		prior, priorAt := lastBefore, lastBeforeAt
		if at.reported != nil && (prior == nil || after(at.reportedAt, priorAt)) && at.reportedAt[0] >= pi-1 {
			prior, priorAt = at.reported, at.reportedAt
		}
		if at.speaker[qi] == nil && prior != nil && (isWholeParagraph(q, p) || standsAlone && priorAt[0] == pi) {
			at.setSpeaker(qi, prior, false)
		}
		if at.speaker[qi] != nil {
			prev = n
		}
	}
	for _, k := range qs {
		if e := at.speaker[s[k].quote]; e != nil {
			at.last = e
			at.lastAt = [2]int{pi, s[k].start}
		}
	}
	if k := qs[len(qs)-1]; quoteClosesSentence(s, k) {
		// “….” But Lee claims it was an accident. — the words after the
		// last quotation are a sentence of their own, whose subject the
		// next quotation standing alone may continue.
		at.noteReported(pi, s[k+1:])
	}
}

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

// cueText is a sentence without its quotations: the words a role rule
// reads along with the statement.
func cueText(s []token, p string) string {
	n := 0
	for i := range s {
		if s[i].kind != tQuote {
			n += s[i].end - s[i].start + 1
		}
	}
	var b strings.Builder
	b.Grow(n) // one allocation, not one each time the builder doubles
	for i := range s {
		t := &s[i]
		if t.kind == tQuote {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p[t.start:t.end])
	}
	return b.String()
}

func (at *attributor) setSpeaker(qi int, e *entity, own bool) {
	at.speaker[qi] = e
	at.own[qi] = own
	if e != nil {
		at.top = max(at.top, qi)
	}
}

// isWholeParagraph: the quotation is all the paragraph holds, give or take
// its marks and final punctuation.
func isWholeParagraph(q Quote, p string) bool {
	before := strings.TrimSpace(p[:q.Start])
	after := strings.Trim(p[q.End:], " .,;:!?”\"’'»")
	return len(before) <= 3 && after == ""
}

// chainContinuations gives a quotation that runs over several paragraphs
// one speaker: the first attributed paragraph of the run speaks for all.
func (at *attributor) chainContinuations() {
	qs := at.a.Quotes
	for i := 0; i < len(qs); {
		j := i + 1
		for j < len(qs) && qs[j].continued && qs[j-1].openEnded {
			j++
		}
		if j-i > 1 {
			var who *entity
			for k := i; k < j && who == nil; k++ {
				who = at.speaker[k]
			}
			for k := i; k < j; k++ {
				if at.speaker[k] == nil || !at.own[k] {
					at.speaker[k] = who
					if who != nil {
						at.top = max(at.top, k)
					}
				}
				at.own[k] = at.own[k] || who != nil
			}
		}
		i = j
	}
}

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

// isSpeechVerb: a speech verb, written in lower case ("States" in "United
// States" is no verb).
func isSpeechVerb(t *token) bool {
	return t.kind == tWord && !t.cap && t.is(cSpeech)
}

func hasSpeechVerb(ts []token) bool {
	for i := range ts {
		t := &ts[i]
		if isSpeechVerb(t) {
			return true
		}
	}
	return false
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

// resolve turns a mention into a speaker, using what came before.
func (at *attributor) resolve(m mention, pi, offset int) *entity {
	switch m.kind {
	case mPerson:
		e := at.entity(m.name, mPerson)
		if pr := at.people.find(m.name); pr != nil {
			e.addTitle(pr.title)
			e.place = cmp.Or(e.place, pr.place)
		}
		e.addTitle(m.title)
		return e
	case mPronoun:
		if at.inSent != nil {
			return at.inSent
		}
		switch m.name {
		case "he", "she":
			// The speaker of the previous attributed quotation, unless
			// another person has since been the subject of a sentence;
			// never someone the pronoun's gender rules out.
			subj, subjAt := at.people.lastSubjectAt(pi, offset, m.name)
			last := at.last
			if last != nil && (last.kind != mPerson || !fits(m.name, last.name)) {
				last = nil
			}
			if last != nil && (subj == nil || !after(subjAt, at.lastAt) || subj.name == last.name) {
				return last
			}
			if r := at.reportedBy; r != nil && subj != nil && fits(m.name, r.name) && subjAt[0] == at.reportedAt[0] && !after(subjAt, at.reportedAt) && after(subjAt, at.reportedFrom) {
				// "Cruz won the crowd over, Lee said. “…,” he said.": the
				// subject named last spoke through Lee, who is "he".
				return r
			}
			if subj != nil {
				e := at.entity(subj.name, mPerson)
				e.addTitle(subj.title)
				return e
			}
			if named, _ := at.people.lastNamedAt(pi, offset); named != nil && fits(m.name, named.name) {
				e := at.entity(named.name, mPerson)
				e.addTitle(named.title)
				return e
			}
		case "they", "it", "we":
			if at.last != nil && at.last.kind != mPerson {
				return at.last
			}
			if m.name == "it" {
				// "it said": never a person; the organisation named.
				if org := at.people.orgMeant("", pi, offset); org != "" {
					return at.entity(org, mOrg)
				}
			}
		}
		return nil
	case mRole:
		return at.resolveRole(m)
	case mGroup:
		return at.entity(m.name, mGroup)
	case mOrg:
		if m.name != "" {
			return at.entity(m.name, mOrg)
		}
		if e := at.latest(func(e *entity) bool {
			return e.kind == mOrg && strings.Contains(strings.ToLower(e.name), m.head)
		}); e != nil {
			return e
		}
		// "the agency said in a statement": the body the article names.
		if org := at.people.orgMeant(m.head, pi, offset); org != "" {
			return at.entity(org, mOrg)
		}
		return at.latest(func(e *entity) bool { return e.kind == mOrg })
	case mDoc:
		if org := docOwner(m.name); org != "" {
			return at.entity(org, mOrg)
		}
		if e := at.possessiveOwner(m.name); e != nil {
			return e // "NATO’s 2022 Strategic Concept" speaks for NATO
		}
		if m.name == m.head || strings.ToLower(m.name) == m.head {
			if e := at.latest(func(e *entity) bool { return e.kind == mDoc && strings.Contains(strings.ToLower(e.name), m.head) }); e != nil {
				return e
			}
		}
		return at.entity(m.name, mDoc)
	}
	return nil
}

// resolveRole finds who "the spokesman" is: the speaker or named person
// last introduced with that role, else one of the same side, else the
// organisation the role phrase names.
func (at *attributor) resolveRole(m mention) *entity {
	if m.someone {
		// "an eyewitness told the paper": someone new, not whoever was
		// quoted before.
		e := at.entity(m.name, mRole)
		e.addTitle(m.title)
		return e
	}
	hasRole := func(titles ...string) bool {
		for _, t := range titles {
			if containsWord(strings.ToLower(t), m.head) {
				return true
			}
		}
		return false
	}
	if e := at.latest(func(e *entity) bool { return hasRole(e.titles...) }); e != nil {
		e.addTitle(m.title)
		return e
	}
	for k := len(at.people.people) - 1; k >= 0; k-- {
		if pr := at.people.people[k]; hasRole(pr.title) {
			e := at.entity(pr.name, mPerson)
			e.addTitle(pr.title)
			e.addTitle(m.title)
			return e
		}
	}
	// "a spokesperson for the airline" speaks for the airline named before.
	if org := at.people.orgInPhrase(m.name); org != "" {
		e := at.entity(org, mOrg)
		e.addTitle(m.title)
		return e
	}
	// "an Eir spokesperson" speaks for Eir, unless the last speaker is Eir's.
	org := orgPart(m.name, m.head)
	if org != "" && partyOf(org) == "" && at.namedTwice(org) {
		if at.last != nil && at.last.affiliation() == org {
			return at.last
		}
		e := at.entity(org, mOrg)
		e.addTitle(m.title) // so that "the spokesperson" finds it again
		return e
	}
	// "the Iranian diplomat": the last person quoted, if on that side. A
	// role tied to an organisation the article does not name ("a
	// spokesperson for the airline") is not someone else's.
	party := partyOf(m.title)
	if at.last != nil && at.last.kind == mPerson && !namesPlainOrg(m.name) && (party == "" || at.last.affiliation() == "" || at.last.affiliation() == party) {
		at.last.addTitle(m.title)
		return at.last
	}
	// Nobody to tie it to: the role itself speaks ("a senior US official").
	e := at.entity(m.name, mRole)
	e.addTitle(m.title)
	return e
}

// namesPlainOrg reports whether a phrase names an organisation by a plain
// noun ("the airline").
func namesPlainOrg(phrase string) bool {
	for _, w := range strings.Fields(strings.ToLower(phrase)) {
		if plainOrgNouns[strings.Trim(w, ",.;:")] {
			return true
		}
	}
	return false
}

// latest returns the most recently attributed entity that passes the
// first test, else the second, and so on. It reads back from the last
// quotation given a speaker: reading the quotations not yet attributed made
// a paragraph of thousands of "the spokesman said" its length squared.
func (at *attributor) latest(tests ...func(*entity) bool) *entity {
	for _, test := range tests {
		for k := min(at.top, len(at.speaker)-1); k >= 0; k-- {
			if e := at.speaker[k]; e != nil && test(e) {
				return e
			}
		}
	}
	return nil
}

func (at *attributor) entity(name string, kind mentionKind) *entity {
	// Names are looked up far more often than made: an ASCII name is
	// lowered on the stack, and its key allocated only when it is new.
	var buf [64]byte
	key, ascii := appendLowerASCII(buf[:0], name)
	if !ascii {
		key = []byte(strings.ToLower(name))
	}
	if e, ok := at.entities[string(key)]; ok {
		return e
	}
	e := &entity{name: name, kind: kind}
	at.entities[string(key)] = e
	return e
}

func (e *entity) addTitle(t string) {
	if t == "" {
		return
	}
	if c := t[0]; c == 't' || c == 'T' || c == 'a' || c == 'A' {
		for _, det := range []string{"the ", "The ", "a ", "A ", "an ", "An "} {
			t = strings.TrimPrefix(t, det)
		}
		if t == "" {
			return
		}
	}
	for _, have := range e.titles {
		if have == t {
			return
		}
	}
	e.titles = append(e.titles, t)
}

func containsWord(s, w string) bool {
	for _, f := range strings.Fields(s) {
		if strings.Trim(f, ",.") == w {
			return true
		}
	}
	return false
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

// noteReported remembers the named subject of a sentence that reports
// speech without quoting it.
func (at *attributor) noteReported(pi int, s []token) {
	if len(s) == 0 || !hasSpeechVerb(s) {
		return
	}
	p := at.a.Paragraphs[pi]
	at.reportedBy = nil
	m := trailingCue(s, p, at.people)
	by := m.kind == mPerson
	if !by {
		m = sentenceSubject(s, p, at.people)
	}
	if m.kind != mPerson && (m.kind != mOrg || m.name == "") {
		return
	}
	e := at.resolve(m, pi, s[0].start)
	at.reported, at.reportedAt = e, [2]int{pi, s[len(s)-1].end}
	if by {
		at.reportedBy, at.reportedFrom = e, [2]int{pi, s[0].start - 1}
	}
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

// noteIntroduced remembers the named subject of a paragraph that ends
// with a colon, introducing the quotation of the next one: "Governor Ann
// Lee issued the following statement:".
func (at *attributor) noteIntroduced(pi int, ts []token) {
	if len(ts) < 3 || ts[len(ts)-1].text != ":" {
		return
	}
	s := lastSentence(ts)
	m := sentenceSubject(s, at.a.Paragraphs[pi], at.people)
	if m.kind == mPerson || m.kind == mOrg && m.name != "" {
		at.reported, at.reportedAt = at.resolve(m, pi, s[0].start), [2]int{pi, s[len(s)-1].end}
	}
}

// lastSentence is the last sentence of a paragraph's tokens.
func lastSentence(ts []token) []token {
	for i := len(ts) - 2; i >= 0; i-- {
		if endsSentence(&ts[i]) {
			return ts[i+1:]
		}
	}
	return ts
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

// possessiveOwner resolves the owner a document's name opens with
// ("NATO’s 2022 Strategic Concept", "Lee’s complaint"): a person the
// article names, else the organisation, so that a body and its document
// are one speaker with one colour.
func (at *attributor) possessiveOwner(doc string) *entity {
	i := strings.Index(doc, "’s ")
	if j := strings.Index(doc, "'s "); i < 0 || j >= 0 && j < i {
		i = j
	}
	if i <= 0 {
		return nil
	}
	owner := doc[:i]
	if r := owner[0]; r < 'A' || r > 'Z' {
		return nil
	}
	if full := at.people.bySurname(owner); full != "" {
		return at.entity(full, mPerson)
	}
	if strings.Contains(owner, " ") && at.people.find(owner) != nil {
		return at.entity(owner, mPerson)
	}
	return at.entity(owner, mOrg)
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

// endsClause reports whether a quotation ends its clause with a comma, a
// full stop, a question or an exclamation mark inside its marks.
func endsClause(q string) bool {
	q = trimClosers(q)
	return strings.HasSuffix(q, ",") || quoteEndsSentence(q)
}

// trimClosers is strings.TrimRight(q, "”\"’' »"), the closing marks and
// spaces after a quotation's last word, without the rune-by-rune cutset
// search TrimRight makes for a cutset that is not all ASCII: every
// quotation's end is read this way several times.
func trimClosers(q string) string {
	for len(q) > 0 {
		switch {
		case q[len(q)-1] == '"' || q[len(q)-1] == '\'' || q[len(q)-1] == ' ':
			q = q[:len(q)-1]
		case strings.HasSuffix(q, "”") || strings.HasSuffix(q, "’"):
			q = q[:len(q)-len("”")]
		case strings.HasSuffix(q, "»"):
			q = q[:len(q)-len("»")]
		default:
			return q
		}
	}
	return q
}

// namedTwice reports whether the article names an organisation at least
// twice, so that "an Eir spokesperson" speaks for Eir, while an
// abbreviation used once ("the FM spox") is no organisation of its own.
func (at *attributor) namedTwice(org string) bool {
	n := 0
	for _, p := range at.a.Paragraphs {
		if n += strings.Count(p, org); n >= 2 {
			return true
		}
	}
	return strings.Contains(at.a.Title, org) && n >= 1
}

// titleCase reports whether every word of a short quotation is
// capitalised: a name or title ("Strategic Concept"), not words said.
func titleCase(q string) bool {
	n := 0
	for _, w := range strings.Fields(q) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n > 0
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

// describesSomeone reports whether a phrase is a determiner and a few
// plain lower-case words, as in "…,” the assailant, Tom Hart, told …":
// a description the name set off by commas after it belongs to.
func describesSomeone(ts []token) bool {
	if len(ts) < 2 || len(ts) > 4 || !ts[0].is(cDeterminer) {
		return false
	}
	for _, t := range ts[1:] {
		if t.kind != tWord || t.cap || t.is(cStop|cSpeech|cConnector) {
			return false
		}
	}
	return true
}
