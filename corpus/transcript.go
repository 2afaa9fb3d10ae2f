package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// labelRe matches a speaker label opening a transcript paragraph: "Q:",
// "Answer:", "Cordray:", "[John] Harwood:", "MR SMITH:". findTranscript
// reads labels with matchLabel, which matches the same.
var labelRe = regexp.MustCompile(`^((?:\[?\p{Lu}[\p{L}\p{M}'’.\-]*\]?)(?:\s+\[?\p{Lu}[\p{L}\p{M}'’.\-]*\]?){0,3})\s*:\s+\S`)

// matchLabel is labelRe.FindStringSubmatch(p)[1], the label, without the
// regular expression: a transcript of a short turn per line has a label
// on every line, and the expression cost many times the rest of a line's
// analysis. The expression never needs to backtrack — a word ends where
// the next character cannot go on it, and a shorter run of words leaves a
// word, not the colon, after it — so one pass reads it.
func matchLabel(p string) (string, bool) {
	end, words := 0, 0
	for i := 0; words < maxLabelWords; words++ {
		j := i
		if j < len(p) && p[j] == '[' {
			j++
		}
		r, n := utf8.DecodeRuneInString(p[j:])
		if n == 0 || !unicode.Is(unicode.Lu, r) {
			break
		}
		for j += n; j < len(p); j += n {
			r, n = utf8.DecodeRuneInString(p[j:])
			if !unicode.Is(unicode.L, r) && !unicode.Is(unicode.M, r) && r != '\'' && r != '’' && r != '.' && r != '-' {
				break
			}
		}
		if j < len(p) && p[j] == ']' {
			j++
		}
		end = j
		// Another word only after white space.
		for i = j; i < len(p) && isPatternSpace(p[i]); i++ {
		}
		if i == j {
			words++
			break
		}
	}
	if words == 0 {
		return "", false
	}
	k := end
	for k < len(p) && isPatternSpace(p[k]) {
		k++
	}
	if k == len(p) || p[k] != ':' {
		return "", false
	}
	k++
	after := k
	for k < len(p) && isPatternSpace(p[k]) {
		k++
	}
	if k == after || k == len(p) {
		return "", false
	}
	return p[:end], true
}

// maxLabelWords is the most words a label holds.
const maxLabelWords = 4

// isPatternSpace is a regular expression's \s: ASCII white space but for
// the vertical tab.
func isPatternSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// notLabels open paragraphs with a colon without being a speaker.
var notLabels = words(`note update editor's editors photo source related read watch listen
correction disclaimer transcript warning breaking live background context`)

// questionLabels and answerLabels are the generic transcript labels.
var (
	questionLabels = words(`q question interviewer journalist reporter host`)
	answerLabels   = words(`a answer`)
)

// turn is one paragraph of a transcript.
type turn struct {
	para       int
	label      string // as written, "" when the paragraph continues a turn
	start, end int    // the words of the turn
}

// maxLabelBytes bounds where a label's colon can be: four words of a name.
const maxLabelBytes = 80

// minTurns is how many labelled paragraphs make a transcript: fewer is a
// dateline ("BEIJING: …") or an aside, not an interview.
const minTurns = 3

// findTranscript returns the turns of an interview transcript in the body,
// or nil. Paragraphs after the first label and without one continue the
// last label's turn until a separator ("* * *").
func findTranscript(paras []string) []turn {
	labels := make([]string, len(paras))
	count, changes, distinct := 0, 0, map[string]bool{}
	prev := ""
	for i, p := range paras {
		// A label ends with a colon near the start: most paragraphs are
		// ruled out without the regular expression.
		if c := strings.IndexByte(p[:min(len(p), maxLabelBytes)], ':'); c < 0 {
			continue
		}
		label, ok := matchLabel(p)
		if !ok {
			continue
		}
		// The label's first word: its words are parted by ASCII spaces.
		first := label
		if k := strings.IndexAny(label, " \t\n\f\r"); k >= 0 {
			first = label[:k]
		}
		var buf [64]byte
		if notLabels[string(lowerInto(buf[:0], first))] {
			continue
		}
		labels[i] = label
		key := labelKey(label)
		count++
		distinct[key] = true
		if prev != "" && prev != key {
			changes++
		}
		prev = key
	}
	if count < minTurns || len(distinct) < 2 || changes < 2 {
		return nil
	}
	turns := make([]turn, 0, count)
	current := ""
	for i, p := range paras {
		switch {
		case labels[i] != "":
			current = labels[i]
			rest := strings.TrimLeft(p[len(labels[i]):], " :")
			start := len(p) - len(rest)
			s, e := unwrap(p, start)
			turns = append(turns, turn{para: i, label: current, start: s, end: e})
		case current != "" && !hasLetter(p):
			current = "" // a separator ends the interview part
		case current != "":
			s, e := unwrap(p, 0)
			turns = append(turns, turn{para: i, start: s, end: e})
		}
	}
	return turns
}

// unwrap returns the span of a turn's words: inside its quotation marks
// when the whole turn is one quotation, else everything after the label.
func unwrap(p string, start int) (int, int) {
	rest := p[start:]
	if spans := scanQuotes(rest); len(spans) > 0 && spans[0].open == 0 &&
		strings.TrimSpace(rest[spans[0].close:]) == "" {
		return start + spans[0].start, start + spans[0].end
	}
	return start, len(strings.TrimRight(p, " "))
}

// labelKey identifies a speaker across label forms: "[John] Harwood" and
// "Harwood" are one.
func labelKey(label string) string {
	w := lastWordOf(label)
	for w != "" && (w[0] == '[' || w[0] == ']' || w[0] == '.') {
		w = w[1:] // strings.Trim(w, "[].") without making its cutset each time
	}
	for w != "" && (w[len(w)-1] == '[' || w[len(w)-1] == ']' || w[len(w)-1] == '.') {
		w = w[:len(w)-1]
	}
	if len(w) == 1 && 'A' <= w[0] && w[0] <= 'Z' {
		// "Q", "A": a turn's label is read several times, and a lowered
		// letter needs no new string.
		return lowerLetters[w[0]-'A' : w[0]-'A'+1]
	}
	return strings.ToLower(w)
}

const lowerLetters = "abcdefghijklmnopqrstuvwxyz"

func hasLetter(s string) bool {
	for _, r := range s {
		if isWordRune(r) {
			return true
		}
	}
	return false
}

// interviewRoles finds who is interviewed and who asks, from the
// paragraphs before the transcript: the interviewee is the first person
// named, preferring one in a sentence about the interview; the interviewer
// is another person named in such a sentence.
func interviewRoles(people *registry, intro []string, firstTurn int) (interviewee, interviewer string) {
	var cued []*person
	for _, m := range people.mentions {
		if m.para >= firstTurn {
			break
		}
		if interviewee == "" {
			interviewee = m.p.name
		}
		if m.para >= 0 && m.para < len(intro) && sentenceHasCue(intro[m.para], m.offset) {
			cued = append(cued, m.p)
		}
	}
	if len(cued) > 0 {
		interviewee = cued[0].name
		for _, p := range cued[1:] {
			if p.name != interviewee {
				interviewer = p.name
				break
			}
		}
	}
	return interviewee, interviewer
}

// sentenceHasCue reports whether the sentence around offset speaks of an
// interview.
func sentenceHasCue(p string, offset int) bool {
	start := strings.LastIndexAny(p[:offset], ".!?") + 1
	end := strings.IndexAny(p[offset:], ".!?")
	if end < 0 {
		end = len(p) - offset
	}
	for _, w := range strings.Fields(strings.ToLower(p[start : offset+end])) {
		if interviewCues[strings.Trim(w, ",;:")] {
			return true
		}
	}
	return false
}

// byInitials resolves a label of initials ("K:", "JK:", "M:") to the one
// full name, among the speakers labelled so far, that it abbreviates:
// transcripts often give a speaker's name in full at the first turn and
// initials after. A single letter may stand for the first name or the
// surname; several letters are the name's initials in order. It returns ""
// when no name, or more than one, fits.
func byInitials(label string, fullNames map[string]string) string {
	if len(fullNames) == 0 {
		return ""
	}
	l := strings.Trim(label, ".")
	if len(l) == 0 || len(l) > 3 || !isAllCaps(l) && len(l) > 1 || strings.ToUpper(l) != l {
		return ""
	}
	found := ""
	seen := map[string]bool{}
	for _, full := range fullNames {
		if seen[full] {
			continue
		}
		seen[full] = true
		ws := strings.Fields(full)
		match := false
		if len(l) == 1 {
			for _, w := range ws {
				match = match || strings.HasPrefix(w, l)
			}
		} else {
			var ini strings.Builder
			for _, w := range ws {
				ini.WriteString(w[:1])
			}
			match = ini.String() == l
		}
		if match {
			if found != "" {
				return ""
			}
			found = full
		}
	}
	return found
}
