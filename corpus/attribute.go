package corpus

import (
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

func (at *attributor) entity(name string, kind mentionKind) *entity {
	// Names are looked up far more often than made: an ASCII name is
	// lowered on the stack, and its key allocated only when it is new.
	var buf [64]byte
	key := lowerInto(buf[:0], name)
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
