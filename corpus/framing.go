package corpus

import "strings"

// framingWords bounds the words kept before a partial quotation.
const framingWords = 6

// Framing returns the words that lead into a partial quotation ("asked the
// alliance to stop "), so that a fragment never reads as the opposite of
// what was said. A quotation that opens its sentence, or follows a colon
// or comma ("said:", "said,"), stands on its own and gets none.
func (a *Article) Framing(q *Quote) string {
	if q.Paragraph < 0 || q.Paragraph >= len(a.Paragraphs) {
		return ""
	}
	p := a.Paragraphs[q.Paragraph]
	if q.Start <= 0 || q.Start > len(p) {
		return ""
	}
	before := strings.TrimRight(p[:q.Start], " ")
	before = strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(before, "“"), "\""), " ")
	if before == "" || strings.ContainsAny(before[len(before)-1:], ":,.!?;") || strings.HasSuffix(before, "”") {
		return ""
	}
	// Only the sentence the quotation is in.
	if i := strings.LastIndexAny(before, ".!?:;"); i >= 0 {
		before = strings.TrimSpace(before[i+1:])
	}
	words := strings.Fields(before)
	if len(words) == 0 {
		return ""
	}
	lead := ""
	if len(words) > framingWords {
		words, lead = words[len(words)-framingWords:], "…"
	}
	return lead + strings.Join(words, " ") + " "
}
