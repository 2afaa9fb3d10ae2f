package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The side a speaker is on, read from their name, titles and appositions.

// party is the side the entity is on: its affiliation, or, for someone
// with none, themselves.
func (e *entity) party() string {
	if p := e.affiliation(); p != "" {
		return p
	}
	return e.name
}

// affiliation is the first title or name that the gazetteer places, else
// the organisation a title names, else "".
func (e *entity) affiliation() string {
	for _, t := range e.titles {
		if p := partyOf(t); p != "" && !(e.kind == mPerson && leftOrganisation(t, p)) {
			return p
		}
	}
	if e.kind != mPerson {
		if p := partyOf(e.name); p != "" {
			return p
		}
		return e.name
	}
	for _, t := range e.titles {
		if leftOrganisation(t, "") {
			continue
		}
		// A title that is one capitalised word and nothing else ("Singer
		// Chris Brown", "Striker Joe Bloggs") describes the person; an
		// organisation comes with the role held in it ("Eir spokesperson").
		if org := capitalisedOrg(t); org != "" && !(org == t && !strings.Contains(t, " ")) {
			return org
		}
	}
	return ""
}

// docOwner finds the organisation behind "A statement from the Premier
// League".
func docOwner(name string) string {
	for _, sep := range []string{" from the ", " from ", " by the ", " by ", " of the "} {
		if i := strings.Index(name, sep); i >= 0 {
			if org := capitalisedOrg(name[i+len(sep):]); org != "" {
				return org
			}
		}
	}
	return ""
}

// orgPart strips the role noun from "Eir spokesperson" to leave "Eir".
func orgPart(name, head string) string {
	fields := strings.Fields(name)
	var keep []string
	for _, f := range fields {
		if strings.EqualFold(f, head) {
			continue
		}
		keep = append(keep, f)
	}
	return capitalisedOrg(strings.Join(keep, " "))
}

// capitalisedOrg returns the capitalised words of a phrase that are not
// titles: "spokesperson for Eir" → "Eir".
//
// A run that ends in an organisation word ("Premier League") is kept whole,
// even when it starts with a title word.
func capitalisedOrg(s string) string {
	var words [16]string // held on the stack: every speaker's titles are read here
	var buf [64]byte
	run := words[:0]
	for f := range strings.FieldsSeq(s) {
		w := strings.Trim(f, ",.;:")
		base := strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
		if w == "" || !isUpperStart(w) || stopCaps[string(lowerInto(buf[:0], base))] {
			if len(run) > 0 {
				break
			}
			continue
		}
		run = append(run, base)
		if base != w {
			break // a possessive ends the name: "Eir’s claim"
		}
	}
	if len(run) > 0 && orgWords[string(lowerInto(buf[:0], run[len(run)-1]))] {
		return strings.Join(run, " ")
	}
	var kept [16]string
	keep := kept[:0]
	titled := false
	for _, w := range run {
		lw := lowerInto(buf[:0], w)
		if titleWords[string(lw)] || roleNouns[string(lw)] {
			titled = true
			continue
		}
		keep = append(keep, w)
	}
	if titled && len(keep) == 1 && officeQualifiers[string(lowerInto(buf[:0], keep[0]))] {
		return "" // "District Attorney", "County Sheriff": a post, no body's name
	}
	return strings.Join(keep, " ")
}

// officeQualifiers say where a post is held, not whose it is.
var officeQualifiers = words(`district county city state federal regional provincial
municipal local`)

// partyOf finds the side a phrase names: an independent organisation
// ("executive editor of the Washington Post" → "Washington Post"), else the
// first gazetteer entry ("spokesperson for China’s Foreign Ministry" →
// "China").
//
// Every title of every speaker is read here: the words are held and
// lowered on the stack.
func partyOf(s string) string {
	var fields [16]string
	ws := fields[:0]
	for f := range strings.FieldsSeq(s) {
		f = strings.Trim(f, ",.;:()")
		ws = append(ws, strings.TrimSuffix(strings.TrimSuffix(f, "’s"), "'s"))
	}
	var buf [64]byte
	for i := 0; i < len(ws); i++ {
		if !isUpperStart(ws[i]) || stopCaps[string(lowerInto(buf[:0], ws[i]))] {
			continue // "A British Gas spokesperson": the article opens no name
		}
		j := i + 1
		for j < len(ws) && (isUpperStart(ws[j]) || connectors[ws[j]] && j+1 < len(ws) && isUpperStart(ws[j+1])) {
			j++
		}
		// A run that is a gazetteer entry as a whole ("Downing Street",
		// "White House") stands for its government, even when it ends in an
		// organisation word.
		if p, n := lookupParty(ws[i:j]); p != "" && n == j-i {
			return p
		}
		if last := lowerInto(buf[:0], ws[j-1]); orgWords[string(last)] && !eventWords[string(last)] && j-i > 1 {
			return strings.Join(ws[i:j], " ")
		}
		if isBrandAfterPlace(ws[i:j]) {
			return strings.Join(ws[i:j], " ")
		}
		i = j - 1
	}
	for i := range ws {
		if p, _ := lookupParty(ws[i:]); p != "" {
			return p
		}
	}
	return ""
}

// isBrandAfterPlace reports whether a capitalised run is a company named
// after a country ("British Gas", "China Eastern"): a place or demonym
// followed at once by a capitalised word that is no title, role or state
// noun. "Chinese Foreign Ministry" and "US President" stay governments.
func isBrandAfterPlace(run []string) bool {
	_, n := lookupParty(run)
	if n == 0 || n >= len(run) {
		return false
	}
	var buf [64]byte
	if eventWords[string(lowerInto(buf[:0], run[len(run)-1]))] {
		return false // "NATO Summit" is NATO's
	}
	next := lowerInto(buf[:0], run[n])
	return !titleWords[string(next)] && !roleNouns[string(next)] && !stateNouns[string(next)] && !plainOrgNouns[string(next)] &&
		!governmentWords[string(next)] && !stopCaps[string(next)] && gazetteer[string(next)] == ""
}

// lastWordOf is lastWord, reading an ASCII text byte by byte instead of
// testing each rune for white space: names, titles and labels are read
// this way for every statement.
func lastWordOf(s string) string {
	if !isASCII(s) {
		return lastWord(s)
	}
	end := len(s)
	for end > 0 && isASCIISpace(s[end-1]) {
		end--
	}
	start := end
	for start > 0 && !isASCIISpace(s[start-1]) {
		start--
	}
	return s[start:end]
}

// isASCIISpace is unicode.IsSpace for an ASCII byte.
func isASCIISpace(c byte) bool {
	return c == ' ' || '\t' <= c && c <= '\r'
}

// lowerInto appends w in lower case to dst, which a caller keeps on the
// stack so that looking a word up in a table allocates nothing.
func lowerInto(dst []byte, w string) []byte {
	if b, ascii := appendLowerASCII(dst, w); ascii {
		return b
	}
	return append(dst, strings.ToLower(w)...)
}

// onlyOpensSentences reports whether a one-word party is a word the
// article capitalises only where a sentence or quotation opens: "Transport"
// in "Transport minister Rosa Lind said", "Pop" in "Pop singer Mia Lane
// denied". A name is capitalised wherever it stands ("said Eir",
// "the Unite union"). Names of more than one word, and places, are names.
func onlyOpensSentences(party string, paras []string) bool {
	if len(paras) == 0 || !mayBeDescriptor(party) {
		return false
	}
	seen, mid := capitalUse(party, paras)
	return seen && !mid
}

// mayBeDescriptor: a party onlyOpensSentences reads the paragraphs for,
// one word that is neither a place nor capitalised inside.
func mayBeDescriptor(party string) bool {
	return party != "" && !strings.Contains(party, " ") && !isGazetteerParty(party) && !innerCapital(party)
}

// onlyOpenSentences is onlyOpensSentences for each of parties, reading the
// paragraphs once for all of them.
func onlyOpenSentences(parties []string, paras []string) map[string]bool {
	if len(parties) == 0 {
		return nil
	}
	var words []string
	for _, p := range parties {
		if len(paras) > 0 && mayBeDescriptor(p) {
			words = append(words, p)
		}
	}
	uses := capitalUses(words, paras)
	only := make(map[string]bool, len(parties))
	for _, p := range parties {
		u, ok := uses[p]
		only[p] = ok && u[0] && !u[1]
	}
	return only
}

// capitalUse reports whether the paragraphs hold a word, whole, and whether
// they hold it anywhere but where a sentence or quotation opens.
func capitalUse(word string, paras []string) (seen, midSentence bool) {
	if word == "" {
		return false, false // an empty word is found at every index and never moves the scan on
	}
	for _, p := range paras {
		for i := 0; ; {
			k := strings.Index(p[i:], word)
			if k < 0 {
				break
			}
			k += i
			i = k + len(word)
			after, _ := utf8.DecodeRuneInString(p[i:])
			before, _ := utf8.DecodeLastRuneInString(p[:k])
			if i < len(p) && isLetterOrDigit(after) || k > 0 && isLetterOrDigit(before) {
				continue // part of a longer word
			}
			seen = true
			if !opensSentence(p[:k]) {
				return true, true
			}
		}
	}
	return seen, false
}

// maxScannedWords is the most words capitalUses looks for one by one;
// beyond it the paragraphs are read once for all of them, since a text
// naming thousands of parties would cost parties × bytes.
const maxScannedWords = 8

// capitalUses is capitalUse for each of words: seen, and seen mid-sentence.
func capitalUses(words []string, paras []string) map[string][2]bool {
	uses := make(map[string][2]bool, len(words))
	var each []string // looked for one by one
	for _, w := range words {
		if w != "" && allLettersOrDigits(w) {
			uses[w] = [2]bool{}
		} else {
			each = append(each, w)
		}
	}
	if len(uses) <= maxScannedWords {
		each = words
		clear(uses)
	} else {
		// A word whole is a run of letters and digits with none either
		// side: each run of the paragraphs is looked up.
		for _, p := range paras {
			for i := 0; i < len(p); {
				r, n := utf8.DecodeRuneInString(p[i:])
				if !isLetterOrDigit(r) {
					i += n
					continue
				}
				start := i
				for i < len(p) {
					if r, n = utf8.DecodeRuneInString(p[i:]); !isLetterOrDigit(r) {
						break
					}
					i += n
				}
				if u, ok := uses[p[start:i]]; ok && !u[1] {
					uses[p[start:i]] = [2]bool{true, !opensSentence(p[:start])}
				}
			}
		}
	}
	for _, w := range each {
		if w == "" {
			continue // nowhere whole
		}
		seen, mid := capitalUse(w, paras)
		uses[w] = [2]bool{seen, mid}
	}
	return uses
}

func allLettersOrDigits(w string) bool {
	for _, r := range w {
		if !isLetterOrDigit(r) {
			return false
		}
	}
	return true
}

// opensSentence: the text before a word ends where a sentence or a
// quotation starts. A quotation closed on a comma ("…,” Acme chief
// executive Jo Bell said) leaves its sentence open.
func opensSentence(before string) bool {
	before = strings.TrimRight(before, " ")
	if before == "" {
		return true
	}
	r, n := utf8.DecodeLastRuneInString(before)
	if r == '"' || r == '”' || r == '’' || r == '\'' {
		if inner, _ := utf8.DecodeLastRuneInString(before[:len(before)-n]); inner == ',' {
			return false
		}
	}
	return strings.ContainsRune(".!?:;\"“‘'”’—–(", r)
}

func isLetterOrDigit(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// innerCapital: a capital after the first letter ("NorthCast", "NATO") is
// a name's, wherever it stands.
func innerCapital(w string) bool {
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// leftOrganisation: a former post ("Brightline's former chief executive",
// "a former Acme employee") ties a person to an organisation they have
// left, and who may be suing it. Their country stays theirs ("former
// French President").
func leftOrganisation(title, party string) bool {
	if party != "" && isGazetteerParty(party) {
		return false
	}
	former := false
	if !isASCII(title) {
		title = strings.ToLower(title)
	}
	forEachWord(title, func(w string) bool {
		// An ASCII word's letters are found the same lowered or not.
		former = strings.EqualFold(w, "former") || strings.EqualFold(w, "ex")
		return !former
	})
	return former
}
