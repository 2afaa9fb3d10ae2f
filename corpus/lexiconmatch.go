package corpus

import (
	"strings"
	"unicode/utf8"
)

// lexicon is a list of word prefixes ("accus" for accuse, accused,
// accusation), or of whole words (wholeWords). Every lexicon shares one
// trie, each marking its own bit on the nodes where its entries end, so
// that one walk down a word's first letters tells every lexicon it matches
// at once: a statement's words are read against the charge, denial and
// apology lists together, with no map look-up. Most words leave the trie
// after a letter or two.
type lexicon struct {
	bit     lexSet
	entries *[]string // the prefixes, in the order given
}

// lexSet is a set of lexicons, one bit each.
type lexSet uint32

// prefixTrie holds the entries of every lexicon. Node 0 is the root; a
// child index of 0 means no entry goes on with that byte.
var prefixTrie = struct {
	nodes   []trieNode
	symbol  [256]uint8 // a byte's column in trieNode.next; 0 for a byte no entry holds
	symbols int
	used    lexSet // bits handed out
}{nodes: make([]trieNode, 1)}

// trieAlphabet is how many distinct bytes the entries may hold (the
// lists use the 26 letters and the hyphen).
const trieAlphabet = 32

type trieNode struct {
	next  [trieAlphabet]uint16
	ends  lexSet // the lexicons with a prefix ending here
	whole lexSet // the lexicons with a whole word ending here
}

func prefixes(list string) lexicon {
	l := newLexicon()
	for _, w := range strings.Fields(list) {
		l.add(w)
	}
	return l
}

// wholeWords is a lexicon of the words of sets, matching only them whole:
// the sets stay the tables, and the lexicon lets a scan that reads words
// against prefix lists read them against the sets in the same walk.
func wholeWords(sets ...map[string]bool) lexicon {
	l := newLexicon()
	for _, set := range sets {
		for w := range set {
			prefixTrie.nodes[trieNodeFor(w)].whole |= l.bit
		}
	}
	return l
}

func newLexicon() lexicon {
	t := &prefixTrie
	if t.used == 1<<31 {
		panic("lexicon: more lexicons than lexSet has bits")
	}
	bit := lexSet(1)
	for t.used&bit != 0 {
		bit <<= 1
	}
	t.used |= bit
	return lexicon{bit: bit, entries: new([]string)}
}

// add puts the prefix w in the lexicon.
func (l lexicon) add(w string) {
	prefixTrie.nodes[trieNodeFor(w)].ends |= l.bit
	*l.entries = append(*l.entries, w)
}

// trieNodeFor returns the node that w leads to, made if need be.
func trieNodeFor(w string) int {
	t := &prefixTrie
	n := 0
	for i := 0; i < len(w); i++ {
		s := t.symbol[w[i]]
		if s == 0 {
			t.symbols++
			if t.symbols >= trieAlphabet {
				panic("lexicon: entries hold more distinct bytes than trieAlphabet")
			}
			s = uint8(t.symbols)
			t.symbol[w[i]] = s
		}
		if t.nodes[n].next[s] == 0 {
			if len(t.nodes) > 1<<16-1 {
				panic("lexicon: trie full")
			}
			t.nodes = append(t.nodes, trieNode{})
			t.nodes[n].next[s] = uint16(len(t.nodes) - 1)
		}
		n = int(t.nodes[n].next[s])
	}
	return n
}

// list returns the lexicon's prefixes.
func (l lexicon) list() []string { return *l.entries }

// lexiconsOf returns the lexicons with an entry the lower-case word w
// starts with, or, for a whole-word lexicon, that is w.
func lexiconsOf(w string) lexSet {
	t := &prefixTrie
	var set lexSet
	n := 0
	for i := 0; i < len(w); i++ {
		s := t.symbol[w[i]]
		if s == 0 {
			return set
		}
		if n = int(t.nodes[n].next[s]); n == 0 {
			return set
		}
		set |= t.nodes[n].ends
	}
	return set | t.nodes[n].whole
}

// matches reports whether a lower-case word starts with an entry (or is
// one, for a whole-word lexicon).
func (l lexicon) matches(w string) bool {
	return lexiconsOf(w)&l.bit != 0
}

// has reports whether the set holds lexicon l.
func (s lexSet) has(l lexicon) bool { return s&l.bit != 0 }

// lexiconsIn returns the lexicons that the words of a lower-case text
// match, the words split as forEachWord splits them, reading no further
// once all the lexicons of enough are found (enough 0 reads the whole
// text). An ASCII text, as most statements are, is split and walked down
// the trie in one pass, with no call per word; a text with another script
// goes word by word.
func lexiconsIn(text string, enough lexSet) lexSet {
	t := &prefixTrie
	var set lexSet
	for i := 0; i < len(text); {
		switch textByte[text[i]] {
		case separator:
			i++
			continue
		case otherScript:
			return lexiconsInWords(text, enough)
		}
		// A word of ASCII bytes, walked down the trie while the trie
		// holds it. next[0] is always 0: a byte no entry holds ends the walk.
		n := 0
		for i < len(text) && textByte[text[i]] == asciiWordByte {
			n = int(t.nodes[n].next[t.symbol[text[i]]])
			i++
			if n == 0 {
				break
			}
			set |= t.nodes[n].ends
		}
		if n == 0 {
			// The trie has no more of the word: the rest is passed over.
			for i < len(text) && textByte[text[i]] == asciiWordByte {
				i++
			}
		}
		if i < len(text) && textByte[text[i]] == otherScript {
			return lexiconsInWords(text, enough) // the word may go on in another script
		}
		if n != 0 {
			set |= t.nodes[n].whole // the trie held the whole word
		}
		if enough != 0 && set&enough == enough {
			return set
		}
	}
	return set
}

// textByte sorts the bytes of a text for lexiconsIn.
var textByte = func() (k [256]uint8) {
	for c := range k {
		switch {
		case c >= utf8.RuneSelf:
			k[c] = otherScript
		case wordByte[c]:
			k[c] = asciiWordByte
		}
	}
	return k
}()

const (
	separator = iota
	asciiWordByte
	otherScript
)

// lexiconsInWords is lexiconsIn for a text of any script.
func lexiconsInWords(text string, enough lexSet) lexSet {
	var set lexSet
	forEachWord(text, func(w string) bool {
		set |= lexiconsOf(w)
		return enough == 0 || set&enough != enough
	})
	return set
}
