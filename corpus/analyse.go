package corpus

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// maxScareWords is the longest quotation taken for a scare quote or a
// title when no one is said to speak it.
const maxScareWords = 3

// scratch is per-goroutine working memory for the analysis: the token slab
// is the largest allocation, and reusing it spares the garbage collector.
type scratch struct {
	tokens []token
	quotes []Quote
	words  wordSet
	text   []byte   // the search text being built
	topics []uint64 // the debate's topic stems
}

var scratchPool = sync.Pool{New: func() any { return &scratch{tokens: make([]token, 0, 4096)} }}

// turnInfo is a transcript statement as the role rules see it.
type turnInfo struct {
	question bool // asked by the interviewer
	newTopic bool // a separator came before it
}

// analyse runs the engine over a parsed article: quotations and transcript
// turns, their speakers, the sides and the roles; the debate when debate
// is set, and the search text when index is.
func analyse(a *Article, index, debate bool) {
	paras := a.Paragraphs
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	turns := findTranscript(paras)
	skip := make([]bool, len(paras))
	for _, t := range turns {
		skip[t.para] = true
	}
	a.Quotes, sc.quotes = extractQuotes(paras, skip, sc.quotes)

	// Tokens, with each quotation standing as one token.
	refs := make([][]quoteRef, len(paras))
	for i := range a.Quotes {
		q := &a.Quotes[i] // not a copy of each quotation
		refs[q.Paragraph] = append(refs[q.Paragraph], quoteRef{i, q.open, q.close})
	}
	buf := sc.tokens[:0]
	toks := make([][]token, len(paras))
	read := make([][]token, len(paras)) // toks without short asides, for the speaker rules
	people := newRegistry()
	head := []string{a.Title, a.Dek}
	headToks := make([][]token, len(head))
	for k, h := range head {
		buf = roomFor(buf, h)
		n := len(buf)
		buf = tokenize(buf, h, nil)
		headToks[k] = buf[n:len(buf):len(buf)]
		people.scan(-1, headToks[k], h)
	}
	for i, p := range paras {
		buf = roomFor(buf, p)
		n := len(buf)
		buf = tokenize(buf, p, refs[i])
		toks[i] = buf[n:len(buf):len(buf)]
		read[i] = withoutAsides(toks[i])
		people.scan(i, read[i], p)
	}
	sc.tokens = buf // keep the last chunk, the largest, for the next article

	at := newAttributor(a, people, read)
	at.run()
	for i := range a.Quotes {
		q := &a.Quotes[i]
		e := at.speaker[i]
		// A short quotation is a scare quote or a name unless someone is
		// said to speak it, or it is a whole sentence ("We will appeal.")
		// carried on from the speaker before.
		wholeSentence := e != nil && isSentence(q.Text)
		// A naming word makes a name of it ("hackers called “Hafnium”"),
		// unless a person is the one calling: "Lee called the plan “a
		// fraud”" is Lee's charge.
		if isShort(q.Text) && !wholeSentence && (e == nil || !at.own[i] || e.kind != mPerson && namedHere(at.around(i), i) || !strings.Contains(q.Text, " ") && labelsANoun(at.around(i), i) || namesATitle(at.around(i), i, q.Text)) {
			q.Kind, e = Scare, nil
		}
		if e != nil {
			q.Speaker = e.name
		}
		at.speaker[i] = e
	}
	infos := addTurns(a, turns, people, at)

	// Parties are read once every title is known.
	quoteParty := make([]string, len(a.Quotes))
	local := partyOf(a.Dateline)
	// A speaker's party depends on the speaker alone, and most speakers
	// have several statements: it is worked out once for each.
	partyOfSpeaker := map[*entity]string{}
	for i := range a.Quotes {
		if e := at.speaker[i]; e != nil {
			if p, ok := partyOfSpeaker[e]; ok {
				a.Quotes[i].Party = p
				a.Quotes[i].RoleTitle = e.title()
				quoteParty[i] = p
				continue
			}
			a.Quotes[i].Party = e.affiliation()
			if a.Quotes[i].Party == "" {
				// "the authority's chief executive": the organisation named before.
				for _, t := range e.titles {
					if org := people.orgInPhrase(t); org != "" {
						a.Quotes[i].Party = cmp.Or(partyOf(org), org)
						break
					}
				}
			}
			if a.Quotes[i].Party == "" && servesGovernment(e.titles) {
				// "foreign ministry spokesman" in a story from BEIJING,
				// or in a sentence opening "In Minsk,".
				a.Quotes[i].Party = cmp.Or(e.place, placeOf(a.Quotes, e, at.speaker), local)
			}
			if a.Quotes[i].Party == "" {
				a.Quotes[i].Party = e.name
			}
			a.Quotes[i].RoleTitle = e.title()
			quoteParty[i] = a.Quotes[i].Party
			partyOfSpeaker[e] = a.Quotes[i].Party
		}
	}
	// The quotations of a sentence share its cue: lowered and read once.
	var cue, cueLower string
	var cueLex lexSet
	for i := range a.Quotes {
		q := &a.Quotes[i]
		if q.cue != cue || i == 0 {
			cue, cueLower = q.cue, strings.ToLower(q.cue)
			cueLex = cueLexicons(cueLower)
		}
		q.lower, q.textLen = lowerWithCue(q.Text, cueLower)
		q.accuses, q.denies = accusesDenies(q.lower, q.textLen, cueLex)
	}
	lead := append(headToks, read[:min(2, len(read))]...)
	leadText := append(head, paras[:min(2, len(paras))]...)
	a.Accuser, a.Accused = decideSides(a, lead, leadText, people, quoteParty)
	if len(turns) > 0 && a.Accused == "" {
		a.Accused = questionedParty(a, infos)
	}
	reattributeEchoes(a)
	assignRoles(a, infos)
	relayCharges(a, infos)
	a.Speakers = speakersOf(a.Quotes)
	if debate {
		a.Debate, sc.topics = buildDebate(a, sc.topics[:0])
	}
	if index {
		sc.text = a.indexWords(&sc.words, toks, sc.text[:0])
	}
	for i := range a.Quotes {
		a.Quotes[i].lower, a.Quotes[i].cue = "", ""
	}
}

// maxTokenChunk is the most tokens roomFor allocates at once beyond what
// one paragraph needs: 5 MB.
const maxTokenChunk = 1 << 16

// roomFor returns buf, or an empty chunk to go on in when buf has no room
// for the tokens of text (at most one per byte). The tokens already made
// stay where they are, in the chunk before, as the paragraphs' slices of
// it: growing one slab by append copied every token made so far each time
// it grew, and held both copies, which for a 4 MiB file of punctuation was
// 2 GB.
func roomFor(buf []token, text string) []token {
	if cap(buf)-len(buf) > len(text) {
		return buf
	}
	return make([]token, 0, max(min(2*cap(buf), maxTokenChunk), len(text)+1))
}

// addTurns turns the transcript's paragraphs into statements, each labelled
// turn attributed to its speaker and unlabelled paragraphs to the last one.
func addTurns(a *Article, turns []turn, people *registry, at *attributor) []turnInfo {
	infos := make([]turnInfo, len(a.Quotes), len(a.Quotes)+len(turns))
	if len(turns) == 0 {
		return infos
	}
	// Room for every turn at once: a transcript of a statement per line
	// would otherwise grow these a few dozen times.
	a.Quotes = slices.Grow(a.Quotes, len(turns))
	at.speaker = slices.Grow(at.speaker, len(turns))
	interviewee, interviewer := interviewRoles(people, a.Paragraphs, turns[0].para)
	questioner := questionerLabel(a.Paragraphs, turns)
	fullLabel := map[string]string{} // "harwood" → "John Harwood", from "[John] Harwood"
	// A label's key and name depend on the label alone: a transcript of
	// thousands of turns has a handful of labels.
	type labelRead struct{ key, name string }
	labels := map[string]labelRead{}
	lastNames := lastNameIndex{people: people}
	var who *entity
	question, newTopic := false, false
	prevPara := turns[0].para
	for _, t := range turns {
		if t.para > prevPara+1 {
			newTopic = true // a separator or narrative came between
		}
		prevPara = t.para
		if t.label != "" {
			l, ok := labels[t.label]
			if !ok {
				l = labelRead{labelKey(t.label), labelName(t.label, people, interviewee, interviewer, &lastNames)}
				labels[t.label] = l
			}
			question = l.key == questioner
			name := l.name
			if full, ok := fullLabel[l.key]; ok && !strings.Contains(name, " ") {
				name = full
			} else if strings.Contains(name, " ") {
				fullLabel[l.key] = name
			} else if full := byInitials(t.label, fullLabel); full != "" {
				name = full // "K:" after "Key:" gave John Key
			}
			who = at.entity(name, mPerson)
			if pr := people.find(name); pr != nil {
				who.addTitle(pr.title)
			}
		}
		p := a.Paragraphs[t.para]
		a.Quotes = append(a.Quotes, Quote{
			Paragraph: t.para, Start: t.start, End: t.end, Text: p[t.start:t.end],
			Kind: Transcript, Speaker: who.name, question: question,
		})
		at.speaker = append(at.speaker, who)
		infos = append(infos, turnInfo{question: question, newTopic: newTopic})
		newTopic = false
	}
	// Keep reading order: transcript turns among the other quotations
	// (nothing to move when they all come after them, or there are none).
	inOrder := true
	for i := 1; i < len(a.Quotes) && inOrder; i++ {
		inOrder = !before(&a.Quotes[i], &a.Quotes[i-1])
	}
	if inOrder {
		return infos
	}
	idx := make([]int, len(a.Quotes))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return before(&a.Quotes[idx[i]], &a.Quotes[idx[j]]) })
	quotes := make([]Quote, len(idx))
	speakers := make([]*entity, len(idx))
	sortedInfos := make([]turnInfo, len(idx))
	for k, i := range idx {
		quotes[k], speakers[k], sortedInfos[k] = a.Quotes[i], at.speaker[i], infos[i]
	}
	a.Quotes, at.speaker = quotes, speakers
	return sortedInfos
}

// questionerLabel is the label whose turns are mostly questions: "Q" and
// "Question" by name, else the one that asks most.
func questionerLabel(paras []string, turns []turn) string {
	asks := map[string]int{}
	for _, t := range turns {
		if t.label == "" {
			continue
		}
		if questionLabels[labelKey(t.label)] {
			return labelKey(t.label)
		}
		if strings.HasSuffix(trimRightSet(paras[t.para][t.start:t.end], "\"”’ "), "?") {
			asks[labelKey(t.label)]++
		}
	}
	return best(asks, "")
}

// labelName turns a transcript label into a speaker: the interviewee for
// "A:", the interviewer for "Q:", a full name for a surname.
func labelName(label string, people *registry, interviewee, interviewer string, lastNames *lastNameIndex) string {
	l := strings.ToLower(strings.Trim(label, "."))
	switch {
	case answerLabels[l]:
		if interviewee != "" {
			return interviewee
		}
		return "Interviewee"
	case questionLabels[l]:
		if interviewer != "" {
			return interviewer
		}
		return "Interviewer"
	}
	name := dropBrackets.Replace(label)
	if !strings.Contains(name, " ") {
		if full := people.bySurname(name); full != "" {
			return full
		}
		// An all-capitals label ("CORDRAY") names the same person.
		if full := lastNames.find(name); full != "" {
			return full
		}
	}
	return name
}

// lastNameIndex finds the first person whose last word is a name, in any
// case: the people are indexed once, not read once for each label, which
// for a transcript of thousands of speakers was labels × people.
type lastNameIndex struct {
	people *registry
	index  map[string]string // foldKey of a last word → the first person's name
}

func (x *lastNameIndex) find(name string) string {
	if x.index == nil {
		x.index = make(map[string]string, len(x.people.people))
		for _, p := range x.people.people {
			k := foldKey(lastWord(p.name))
			if _, ok := x.index[k]; !ok {
				x.index[k] = p.name
			}
		}
	}
	return x.index[foldKey(name)]
}

// foldKey is the same for two strings exactly when strings.EqualFold
// holds: each rune stands as the least rune of its case-folding orbit.
func foldKey(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b = utf8.AppendRune(b, least)
	}
	return string(b)
}

// dropBrackets takes the brackets out of a label: "[John] Harwood".
var dropBrackets = strings.NewReplacer("[", "", "]", "")

// questionedParty: in an interview whose questions put a charge to the
// interviewee, the interviewee's side is the accused one.
func questionedParty(a *Article, infos []turnInfo) string {
	charged := false
	for i, q := range a.Quotes {
		if q.Kind == Transcript && infos[i].question && hasAny(strings.ToLower(q.Text), accusationWords) {
			charged = true
		}
	}
	if !charged {
		return ""
	}
	for i, q := range a.Quotes {
		if q.Kind == Transcript && !infos[i].question {
			if q.Party != "" {
				return q.Party
			}
			a.Quotes[i].Party = q.Speaker
			return q.Speaker
		}
	}
	return ""
}

// turnRoles gives transcript turns their roles (turnRole), with what
// every turn's role reads worked out once for the article: who asks, and
// the topic words of each stretch of the exchange.
type turnRoles struct {
	asks      func(int) bool
	lastTurn  []int               // the last transcript turn at or before each statement, or -1
	stretch   []int               // each turn's stretch: a new topic opens the next one
	firstSaid map[stretchStem]int // where a stem is first said in a stretch
}

type stretchStem struct {
	stretch int
	stem    uint64
}

// turnRole: questions are "other"; an answer by the accused is a response
// when it or its question speaks of the charge, when it opens the
// transcript before any question, or when its question follows up an answer
// that was one without opening a new topic.
func (r *turnRoles) turnRole(a *Article, i int, infos []turnInfo) Role {
	q := a.Quotes[i]
	if r.asks == nil {
		r.asks = interviewerTurns(a, infos)
	}
	asks := r.asks
	if asks(i) || a.Accused == "" || q.Party != a.Accused && q.Speaker != a.Accused {
		if !asks(i) && hasAny(strings.ToLower(q.Text), accusationWords) {
			return Accusation
		}
		return Other
	}
	// The question this turn answers, the answer before it, and whether a
	// separator came between.
	question, prevAnswer, newTopic, asked := "", -1, infos[i].newTopic, -1
	for k := i - 1; k >= 0; k-- {
		if a.Quotes[k].Kind != Transcript {
			continue
		}
		if asks(k) {
			if asked < 0 {
				question, asked = a.Quotes[k].Text, k
				newTopic = newTopic || infos[k].newTopic
			}
			continue
		}
		prevAnswer = k
		break
	}
	question = strings.ToLower(question)
	switch {
	case q.denies || hasAny(question, accusationWords) || hasAny(question, denialWords):
		return Response
	case asked < 0 && prevAnswer < 0:
		// The accused's opening words, before any question, take up the
		// charge the article frames.
		return Response
	case prevAnswer < 0 || a.Quotes[prevAnswer].Role != Response || newTopic:
		return Other
	}
	// A follow-up question carries the exchange on: it shares a topic word
	// with the exchange so far, or brings at most one new one ("Did you
	// ask for them?").
	topic := topicWords(question)
	if len(topic) <= 1 || r.saidSoFar(a, infos, asked, topic) {
		return Response
	}
	return Other
}

// saidSoFar reports whether the turns before turn asked, back to the last
// one that opened a new topic, say a stem of topic. The stems of every
// stretch are read once for the article: reading the exchange again for
// each answer cost turns² in a long transcript of follow-ups.
func (r *turnRoles) saidSoFar(a *Article, infos []turnInfo, asked int, topic topic) bool {
	if r.firstSaid == nil {
		r.lastTurn = make([]int, len(a.Quotes))
		r.stretch = make([]int, len(a.Quotes))
		r.firstSaid = map[stretchStem]int{}
		last, stretch := -1, 0
		for k := range a.Quotes {
			if a.Quotes[k].Kind == Transcript {
				if infos[k].newTopic {
					stretch++
				}
				last = k
				r.stretch[k] = stretch
				for _, stem := range topicWords(strings.ToLower(a.Quotes[k].Text)) {
					if _, ok := r.firstSaid[stretchStem{stretch, stem}]; !ok {
						r.firstSaid[stretchStem{stretch, stem}] = k
					}
				}
			}
			r.lastTurn[k] = last
		}
	}
	if asked < 1 {
		return false
	}
	k := r.lastTurn[asked-1]
	if k < 0 {
		return false
	}
	for _, stem := range topic {
		if first, ok := r.firstSaid[stretchStem{r.stretch[k], stem}]; ok && first <= k {
			return true
		}
	}
	return false
}

// interviewerTurns tells the interviewer's turns: those asked as questions
// and every other turn by the same speaker, whatever label it carries.
func interviewerTurns(a *Article, infos []turnInfo) func(int) bool {
	interviewer := ""
	for k, q := range a.Quotes {
		if q.Kind == Transcript && infos[k].question && q.Speaker != "" {
			interviewer = q.Speaker
			break
		}
	}
	return func(k int) bool {
		return infos[k].question || interviewer != "" && a.Quotes[k].Kind == Transcript && a.Quotes[k].Speaker == interviewer
	}
}

// placeOf is the first place given for any statement of entity e.
func placeOf(qs []Quote, e *entity, speakers []*entity) string {
	for i, q := range qs {
		if speakers[i] == e && q.place != "" {
			return q.place
		}
	}
	return ""
}

// isShort reports whether a quotation has at most maxScareWords words,
// without splitting it.
func isShort(s string) bool {
	words, in := 0, false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\n'
		if !space && !in {
			if words++; words > maxScareWords {
				return false
			}
		}
		in = !space
	}
	return true
}

// isSentence reports whether a text reads as a sentence of its own: a
// capital first, a full stop, question or exclamation mark last.
func isSentence(s string) bool {
	s = trimRightSet(s, " ”\"’'")
	if s == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last := s[len(s)-1]
	return unicode.IsUpper(first) && (last == '.' || last == '!' || last == '?')
}

// namedHere reports whether quotation i directly follows a naming word.
func namedHere(ts []token, i int) bool {
	for k, t := range ts {
		if t.kind == tQuote && t.quote == i {
			return k > 0 && ts[k-1].is(cNaming)
		}
	}
	return false
}

// governmentWords in a title mark an official of the government of the
// place the story is filed from, when the title names no country.
var governmentWords = words(`ministry minister government foreign embassy president premier
spokesman spokeswoman spokesperson cabinet`)

func servesGovernment(titles []string) bool {
	for _, t := range titles {
		for _, w := range strings.Fields(strings.ToLower(t)) {
			if governmentWords[w] {
				return true
			}
		}
	}
	return false
}

// speakersOf lists the article's speakers in order of first statement.
func speakersOf(qs []Quote) []Speaker {
	var out []Speaker
	at := map[string]int{}
	for _, q := range qs {
		if q.Speaker == "" {
			continue
		}
		k, ok := at[q.Speaker]
		if !ok {
			k = len(out)
			at[q.Speaker] = k
			out = append(out, Speaker{Name: q.Speaker, RoleTitle: q.RoleTitle, Party: q.Party})
		}
		out[k].Quotes++
	}
	return out
}

// title is the entity's most descriptive title: the first one given.
func (e *entity) title() string {
	for _, t := range e.titles {
		if t != e.name {
			return t
		}
	}
	return ""
}
