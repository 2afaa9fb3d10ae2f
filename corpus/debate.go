package corpus

import (
	"slices"
	"sort"
	"strings"
)

// Pair is one row of an article's debate: a response next to the
// accusation it answers. Either side may be nil for a statement that stands
// alone.
type Pair struct {
	Accusation *Quote
	Response   *Quote
}

// statement is a quotation with its topic words: those of the quoted
// words, and those of the words and the sentence around them together.
type statement struct {
	q          *Quote
	words, cue topic
}

// minTopicOverlap is how many content words a response must share with an
// accusation to be paired with it.
const minTopicOverlap = 2

// buildDebate pairs every response with the accusation it shares most
// topic words with (the nearest earlier one on a tie); accusations and
// responses left over get rows of their own. Rows follow the article.
//
// Topic stems are gathered in arena, scratch the caller reuses, which is
// returned for reuse.
func buildDebate(a *Article, arena []uint64) ([]Pair, []uint64) {
	var accs, resps []statement
	nAcc, nResp := 0, 0
	var wholeResponse map[string]bool // parties with a response of more than a fragment
	for _, q := range a.Quotes {
		switch q.Role {
		case Accusation:
			nAcc++
		case Response:
			nResp++
			if !isFragment(q.Text) {
				if wholeResponse == nil {
					wholeResponse = map[string]bool{}
				}
				wholeResponse[q.Party] = true
			}
		}
	}
	// Topics are needed only when there is something to pair.
	needTopics := nAcc > 0 && nResp > 0
	for i := range a.Quotes {
		q := &a.Quotes[i]
		if q.Role != Accusation && q.Role != Response {
			continue
		}
		if q.Role == Response && wholeResponse[q.Party] && isFragment(q.Text) {
			continue // a word or two of a party that answers at length
		}
		s := statement{q: q}
		if needTopics {
			s.words, s.cue, arena = topics(q.lower, q.textLen, arena)
		}
		if q.Role == Accusation {
			accs = append(accs, s)
		} else {
			resps = append(resps, s)
		}
	}
	answered := map[*Quote][]*Quote{}
	var alone []*Quote
	for _, r := range resps {
		pick := bestCharge(accs, r, a)
		if pick == nil {
			alone = append(alone, r.q)
			continue
		}
		answered[pick] = append(answered[pick], r.q)
	}
	var rows []Pair
	for _, ac := range accs {
		if len(answered[ac.q]) == 0 {
			rows = append(rows, Pair{Accusation: ac.q})
		}
		for _, r := range answered[ac.q] {
			rows = append(rows, Pair{Accusation: ac.q, Response: r})
		}
	}
	for _, r := range alone {
		rows = append(rows, Pair{Response: r})
	}
	sort.SliceStable(rows, func(i, j int) bool { return rowPos(rows[i]) < rowPos(rows[j]) })
	return rows, arena
}

// bestCharge is the accusation a response answers: the one it shares most
// topic words with (the quoted words weigh twice what the sentence around
// them does; on a tie, the nearest before the response), among the accuser's
// when the response names the accuser. A response from the
// accused side, or one naming the accuser, answers the article's charge even
// in other words: then the accuser's charge nearest before it, else the
// first after. A fragment of one to three words stands for the charge only
// when no whole statement of it is quoted. A party never answers itself.
func bestCharge(accs []statement, r statement, a *Article) *Quote {
	if saidEarlier(r.q.lower[r.q.textLen:]) {
		return nil // "he tweeted at the time": an answer to an older charge
	}
	// A response that names the accuser answers the accuser, not a third
	// party's remark on the same affair.
	namesAccuser := a.Accuser != "" && r.q.Party != a.Accuser && mentionsParty(r.q.lower, a.Accuser)
	for _, whole := range []bool{true, false} {
		var pick *Quote
		top := minTopicOverlap - 1
		for _, ac := range accs {
			if ac.q.Party != "" && ac.q.Party == r.q.Party || isShort(ac.q.Text) == whole || namesAccuser && ac.q.Party != a.Accuser {
				continue
			}
			n := 2*overlap(ac.words, r.words) + overlap(ac.cue, r.cue)
			if n > top || n == top && pick != nil && before(ac.q, r.q) && before(pick, ac.q) {
				top, pick = n, ac.q
			}
		}
		if pick != nil {
			return pick
		}
	}
	// A denial from outside the main dispute (a second story in a
	// round-up) answers a charge of its own, not the main accuser's.
	answersTheCharge := a.Accused != "" && r.q.Party == a.Accused || namesAccuser ||
		r.q.denies && (a.Accused == "" || a.Accuser == "")
	if !answersTheCharge {
		return nil
	}
	var charges []statement
	for _, whole := range []bool{true, false} {
		for _, ac := range accs {
			if ac.q.Party == r.q.Party || isShort(ac.q.Text) == whole {
				continue
			}
			if a.Accuser == "" || ac.q.Party == a.Accuser || r.q.denies && !namesAccuser && ac.q.Party != a.Accused {
				charges = append(charges, ac)
			}
		}
		if len(charges) > 0 {
			break
		}
	}
	return nearestCharge(charges, r.q)
}

// saidEarlier: the cue dates the statement before the story's dispute
// ("she said at the time").
func saidEarlier(cue string) bool {
	return strings.Contains(cue, "at the time")
}

// isFragment: one to three words that are no sentence of their own.
func isFragment(text string) bool {
	return isShort(text) && !isSentence(text)
}

// nearestCharge is the last accusation before q, else the first after it:
// a flat denial ("We reject these claims") answers the charge it follows.
func nearestCharge(accs []statement, q *Quote) *Quote {
	var last *Quote
	for _, s := range accs {
		if !before(s.q, q) {
			if last == nil {
				return s.q
			}
			break
		}
		last = s.q
	}
	return last
}

func before(a, b *Quote) bool {
	return a.Paragraph < b.Paragraph || a.Paragraph == b.Paragraph && a.Start < b.Start
}

func rowPos(p Pair) int {
	q := p.Accusation
	if q == nil {
		q = p.Response
	}
	return q.Paragraph<<20 + q.Start
}

// topicStop are frequent words that say nothing about a topic.
var topicStop = words(`that this with have from they their there were been will would
which what when where about also into more than such them then these those some other
only over said says told very just like because could should while being does made make
said against people time year years first last both each many much most even after before`)

// topic is the set of a text's content-word stems, as sorted hashes.
type topic []uint64

// topicWords are the content words of a lower-case text, cut to a
// five-letter stem so that "accountable" meets "accountability".
func topicWords(lower string) topic {
	_, all, _ := topics(lower, 0, nil)
	return all
}

// topics reads a lower-case statement and its cue in one pass: the stems
// of the first textLen bytes (the quoted words), and those of all of it.
// Both are carved from arena, which is returned grown.
func topics(lower string, textLen int, arena []uint64) (words, all topic, _ []uint64) {
	start := len(arena)
	var own []uint64
	off := 0
	forEachWord(lower, func(w string) bool {
		off = strings.Index(lower[off:], w) + off + len(w)
		// Party names are in every statement of a dispute: they say
		// nothing about which charge is answered.
		if len(w) < 4 || topicStop[w] || gazetteer[w] != "" {
			return true
		}
		h := hash(w[:min(5, len(w))])
		arena = append(arena, h)
		if off <= textLen {
			own = append(own, h)
		}
		return true
	})
	all = arena[start:len(arena):len(arena)]
	slices.Sort(all)
	all = slices.Compact(all)
	mid := len(arena)
	arena = append(arena, own...)
	words = arena[mid:len(arena):len(arena)]
	slices.Sort(words)
	return slices.Compact(words), all, arena
}

// overlap counts the stems two topics share.
func overlap(a, b topic) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}
