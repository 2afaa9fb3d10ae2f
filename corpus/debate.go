package corpus

import (
	"sort"
)

// Pair is one row of an article's debate: a response next to the
// accusation it answers. Either side may be nil for a statement that stands
// alone.
type Pair struct {
	Accusation *Quote
	Response   *Quote
}

// minTopicOverlap is how many content words a response must share with an
// accusation to be paired with it.
const minTopicOverlap = 2

// buildDebate pairs every response with the accusation it shares most
// topic words with (the nearest earlier one on a tie); accusations and
// responses left over get rows of their own. Rows follow the article.
func buildDebate(a *Article) []Pair {
	type stmt struct {
		q     *Quote
		topic map[string]bool
	}
	var accs, resps []stmt
	for i := range a.Quotes {
		q := &a.Quotes[i]
		switch q.Role {
		case Accusation:
			accs = append(accs, stmt{q, topicWords(q.lower)})
		case Response:
			resps = append(resps, stmt{q, topicWords(q.lower)})
		}
	}
	answered := map[*Quote][]*Quote{}
	var alone []*Quote
	for _, r := range resps {
		var pick *Quote
		top := minTopicOverlap - 1
		for _, ac := range accs {
			n := overlap(ac.topic, r.topic)
			if n > top || n == top && pick != nil && before(ac.q, r.q) {
				top, pick = n, ac.q
			}
		}
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
	return rows
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

// topicWords are the content words of a text, cut to a five-letter stem so
// that "accountable" meets "accountability".
func topicWords(text string) map[string]bool {
	set := map[string]bool{}
	forEachWord(text, func(w string) bool {
		if len(w) < 4 || topicStop[w] {
			return true
		}
		set[w[:min(5, len(w))]] = true
		return true
	})
	return set
}

func overlap(a, b map[string]bool) int {
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return n
}
