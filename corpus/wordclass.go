package corpus

import "unicode/utf8"

// wordClass is the set of rule tables a word belongs to, as bits. Each
// token looks its word up once, when it is made; the rules then test bits
// instead of looking the word up in table after table.
type wordClass uint32

const (
	cStop wordClass = 1 << iota
	cTitle
	cOrg
	cDoc
	cRole
	cHonorific
	cPronoun
	cDeterminer
	cConnector
	cFiller
	cParticle
	cPlainOrg
	cSpeech
	cRebuttal
	cAccusing
	cNaming
	cRoleAdj
	cGazetteer // the first word of a gazetteer entry
	cGiven     // a given name of known gender (names.go)
	cPlace     // the first word of a place name (names.go)
	cLeadVerb  // in leadVerbs (sides.go), so that readLead looks up only these
)

// roleAdjectives are lower-case words that shape titles without being in
// the title table: "senior", "top", "state-affiliated".
var roleAdjectives = words(`senior top former chief executive foreign national state federal
regional local government ministry managing deputy assistant acting military fm`)

type classEntry struct {
	class wordClass
	word  string // the lower-case key, so a token can share it
}

var lexClass = func() map[string]classEntry {
	m := map[string]classEntry{}
	add := func(set map[string]bool, c wordClass) {
		for w := range set {
			e := m[w]
			e.class |= c
			e.word = w
			m[w] = e
		}
	}
	add(stopCaps, cStop)
	add(moreStopCaps, cStop)
	add(titleWords, cTitle)
	add(orgWords, cOrg)
	add(docWords, cDoc)
	add(roleNouns, cRole)
	add(moreRoleNouns, cRole)
	add(honorifics, cHonorific)
	add(moreHonorifics, cHonorific)
	add(pronouns, cPronoun)
	add(determiners, cDeterminer)
	add(connectors, cConnector)
	add(fillerWords, cFiller)
	add(nameParticles, cParticle)
	add(plainOrgNouns, cPlainOrg)
	add(speechForms, cSpeech)
	add(moreSpeechForms, cSpeech)
	add(rebuttalVerbs, cRebuttal)
	add(accusingVerbs, cAccusing)
	add(namingWords, cNaming)
	add(roleAdjectives, cRoleAdj)
	add(gazetteerFirst, cGazetteer)
	add(maleNames, cGiven)
	add(femaleNames, cGiven)
	add(placeFirstWords, cPlace)
	for w := range leadVerbs {
		add(map[string]bool{w: true}, cLeadVerb)
	}
	add(words(`who according to back against on day former`), 0)
	return m
}()

// classTable is lexClass as an open-addressing table keyed by an FNV-1a
// hash that classify computes while it lowers the word: every word of
// every article is looked up once, and a Go map's string hashing and
// probing was a tenth of the analysis.
type classTable struct {
	slots []classEntry // a power of two, at most half full; "" is empty
	mask  uint64
}

var lexTable = func() classTable {
	n := 64
	for n < 2*len(lexClass) {
		n *= 2
	}
	t := classTable{slots: make([]classEntry, n), mask: uint64(n - 1)}
	for w, e := range lexClass {
		if w == "" {
			continue
		}
		i := hash(w) & t.mask
		for t.slots[i].word != "" {
			i = (i + 1) & t.mask
		}
		t.slots[i] = e
	}
	return t
}()

// find returns the entry of the lower-case word w whose hash is h.
func find[S string | []byte](t *classTable, h uint64, w S) (classEntry, bool) {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		e := &t.slots[i]
		if e.word == "" {
			return classEntry{}, false
		}
		if e.word == string(w) {
			return *e, true
		}
	}
}

// findFolded is find for an ASCII word w that may hold capitals (upper):
// it compares w to the lower-case entries without lowering it first.
func findFolded(t *classTable, h uint64, w string, upper bool) (classEntry, bool) {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		e := &t.slots[i]
		if e.word == "" {
			return classEntry{}, false
		}
		if len(e.word) == len(w) && (upper && equalLowerASCII(e.word, w) || !upper && e.word == w) {
			return *e, true
		}
	}
}

// equalLowerASCII reports whether the ASCII word w, lowered, is lower.
func equalLowerASCII(lower, w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// maxClassifyLen is the longest word classify lowers on the stack.
const maxClassifyLen = 64

// classify returns a word's classes and its lower-case form. Lower-case
// ASCII words are their own key; others are lowered in a stack buffer, so
// that a capitalised word that is in no table costs no allocation (its
// lower-case form is then not needed, and "" is returned).
func classify(w string) (wordClass, string) {
	if len(w) <= maxClassifyLen {
		var buf [maxClassifyLen]byte
		h := uint64(14695981039346656037) // FNV-1a, as hash
		lower := true
		ascii := true
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
				lower = false
			}
			buf[i] = c
			h ^= uint64(c)
			h *= 1099511628211
		}
		if ascii {
			if lower {
				e, _ := find(&lexTable, h, w)
				return e.class, w
			}
			e, ok := find(&lexTable, h, buf[:len(w)])
			if !ok {
				return 0, ""
			}
			return e.class, e.word
		}
	}
	l := lowerWord(w)
	return lexClass[l].class, l
}

func (t *token) is(c wordClass) bool { return t.class&c != 0 }
