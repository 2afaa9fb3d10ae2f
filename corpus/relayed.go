package corpus

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// An interviewer often puts a charge to the interviewee in the words of
// those who make it: "Critics say, "You are a crook." What do you say?"
// Those quoted words are then the only quoted form of the charge the
// answers rebut, so they stand in the debate as the accusation.

// minRelayedWords is the fewest words a quotation inside a question needs
// to stand as a charge: one or two words are a label, not a statement.
const minRelayedWords = 3

// relayCharges adds, for each interviewer's question to the accused that
// quotes a charge, the quoted words as an accusation of their own, spoken
// by whoever the question says said them ("People say, …" → People).
func relayCharges(a *Article, infos []turnInfo) {
	if a.Accused == "" {
		return
	}
	var added []Quote
	for i, q := range a.Quotes {
		if q.Kind != Transcript || !infos[i].question {
			continue
		}
		for _, r := range quotedIn(q.Text) {
			text := q.Text[r.start:r.end]
			lower := strings.ToLower(text)
			question := strings.ToLower(q.Text)
			if len(strings.Fields(text)) < minRelayedWords || !hasAny(lower, accusationWords) && !hasAny(question, accusationWords) {
				continue
			}
			added = append(added, Quote{
				Paragraph: q.Paragraph, Start: q.Start + r.start, End: q.Start + r.end, Text: text,
				Kind: Direct, Speaker: relayedSpeaker(q.Text[:r.open]), Role: Accusation,
				lower: lower + " " + question, textLen: len(lower), accuses: true,
			})
		}
	}
	if len(added) == 0 {
		return
	}
	a.Quotes = append(a.Quotes, added...)
	slices.SortStableFunc(a.Quotes, func(x, y Quote) int {
		switch {
		case before(&x, &y):
			return -1
		case before(&y, &x):
			return 1
		}
		return 0
	})
}

// quotedSpan is a quotation inside a text: open is the byte of its opening
// mark, start and end bound its words.
type quotedSpan struct{ open, start, end int }

// quotedIn finds the double-quoted spans of a text, straight or curly.
func quotedIn(s string) []quotedSpan {
	var out []quotedSpan
	open, start := -1, 0
	for i, r := range s {
		switch {
		case open < 0 && (r == '“' || r == '"'):
			open, start = i, i+utf8.RuneLen(r)
		case open >= 0 && (r == '”' || r == '"'):
			if i > start {
				out = append(out, quotedSpan{open, start, i})
			}
			open = -1
		}
	}
	return out
}

// maxRelayerWords is the longest subject read as the maker of a relayed
// charge: "People", "Your critics", "The Wall Street Journal".
const maxRelayerWords = 4

// relayedSpeaker reads who a question says spoke the words after it: the
// subject of a speech verb just before the quotation, in the same sentence
// ("Your critics say, " → "Your critics"), or "" when none is given.
func relayedSpeaker(before string) string {
	before = strings.TrimRight(before, " ,:")
	sentence := before[strings.LastIndexAny(before, ".?!")+1:]
	ws := strings.Fields(sentence)
	if len(ws) < 2 || len(ws) > maxRelayerWords+1 || !speechForms[strings.ToLower(ws[len(ws)-1])] {
		return ""
	}
	subject := ws[:len(ws)-1]
	if first, _ := utf8.DecodeRuneInString(subject[0]); !unicode.IsUpper(first) {
		return ""
	}
	if pronouns[strings.ToLower(subject[0])] || strings.EqualFold(subject[0], "you") {
		return ""
	}
	return strings.Join(subject, " ")
}
