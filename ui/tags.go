package ui

import (
	"strings"
	"unicode"

	"counterpoint/corpus"
)

// tagWidth is the cells a speaker's tag takes: two letters, and a + when
// another speaker's quotation starts on the same line.
const tagWidth = 3

// speakerTags gives each speaker of an article a short tag, the initials
// of their name, different from every other speaker's tag in the article.
// The tag stands in the margin where the speaker's quotations start and in
// the legend, so who said what reads without colour.
func speakerTags(a *corpus.Article) map[string]string {
	tags := map[string]string{}
	used := map[string]bool{}
	for _, sp := range a.Speakers {
		for _, t := range tagCandidates(sp.Name) {
			if !used[t] {
				tags[sp.Name], used[t] = t, true
				break
			}
		}
	}
	return tags
}

// tagCandidates lists tags for a name, best first: the initials of its
// first and last words, then its first letter with each later letter,
// then its first letter with a digit.
func tagCandidates(name string) []string {
	var letters []rune
	var words [][]rune
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		words = append(words, []rune(w))
		letters = append(letters, []rune(w)...)
	}
	if len(letters) == 0 {
		return []string{"?1", "?2", "?3", "?4", "?5", "?6", "?7", "?8", "?9"}
	}
	first := unicode.ToUpper(letters[0])
	var out []string
	if len(words) > 1 {
		out = append(out, string([]rune{first, unicode.ToUpper(words[len(words)-1][0])}))
	}
	for _, l := range letters[1:] {
		out = append(out, string([]rune{first, unicode.ToUpper(l)}))
	}
	for d := '1'; d <= '9'; d++ {
		out = append(out, string([]rune{first, d}))
	}
	return out
}
