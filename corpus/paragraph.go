package corpus

import (
	"strings"
	"unicode/utf8"
)

// maxParagraph is the longest paragraph the analysis reads in one piece; a
// longer line is cut into paragraphs of at most this size, at a sentence
// end when one is near, else at a space. Real news paragraphs stay under
// 3 KB (the longest in 860 measured articles is 2.6 KB), so this changes no
// real article, but it bounds the cost of any stage that is worse than
// linear in a paragraph's length: a 4 MiB file of one line costs at most
// 512 times one 8 KiB paragraph instead of one 4 MiB paragraph.
const maxParagraph = 8 << 10

// appendParagraphs appends line to out, cut as maxParagraph says.
func appendParagraphs(out []string, line string) []string {
	for len(line) > maxParagraph {
		cut := cutPoint(line[:maxParagraph])
		if p := strings.TrimSpace(line[:cut]); p != "" {
			out = append(out, p)
		}
		line = strings.TrimSpace(line[cut:])
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

// cutPoint is where to end a paragraph within s: after the last sentence
// end in its second half, else after its last space, else at its last
// whole rune.
func cutPoint(s string) int {
	if cut, ok := sentenceCut(s); ok {
		return cut
	}
	if i := strings.LastIndexByte(s[len(s)/2:], ' '); i >= 0 {
		return len(s)/2 + i + 1
	}
	i := len(s)
	for i > 0 && !utf8.RuneStart(s[i-1]) {
		i--
	}
	if i > 0 {
		i-- // s[i] starts the last rune, which may be cut: leave it
	}
	if i == 0 {
		return len(s)
	}
	return i
}

// sentenceEnds are the ends cutPoint prefers, best first: the last ". " in
// the second half, else the last "? ", and so on.
var sentenceEnds = []string{". ", "? ", "! ", ".” ", "” "}

// sentenceCut is where cutPoint ends a paragraph after a sentence: just
// past the last of the first of sentenceEnds that starts in the second half
// of s. Every end finishes with a space, so one pass back over the spaces
// of the second half finds the last of each.
func sentenceCut(s string) (int, bool) {
	half := len(s) / 2
	var last [5]int // where the last of each end starts, or -1
	for k := range last {
		last[k] = -1
	}
	for j := len(s) - 1; j >= half; j-- {
		if s[j] != ' ' {
			continue
		}
		for k, end := range sentenceEnds {
			if i := j + 1 - len(end); last[k] < 0 && i >= half && s[i:j+1] == end {
				if k == 0 {
					return i + len(end), true // the best end: nothing beats it
				}
				last[k] = i
			}
		}
	}
	for k, i := range last {
		if i >= 0 {
			return i + len(sentenceEnds[k]), true
		}
	}
	return 0, false
}
