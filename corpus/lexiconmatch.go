package corpus

import "strings"

// lexicon is a list of word prefixes ("accus" for accuse, accused,
// accusation). Every lexicon's prefixes share one trie, each lexicon
// marking its own bit on the nodes where its prefixes end, so that one
// walk down a word's first letters tells every lexicon it matches at once:
// a statement's words are read against the charge, denial and apology
// lists together. Most words leave the trie after a letter or two.
type lexicon struct {
	bit     lexSet
	entries *[]string // the prefixes, in the order given
}

// lexSet is a set of lexicons, one bit each.
type lexSet uint32

// prefixTrie holds the prefixes of every lexicon. Node 0 is the root; a
// child index of 0 means no prefix goes on with that byte.
var prefixTrie = struct {
	nodes   []trieNode
	symbol  [256]uint8 // a byte's column in trieNode.next; 0 for a byte no prefix holds
	symbols int
	used    lexSet // bits handed out
}{nodes: make([]trieNode, 1)}

// trieAlphabet is how many distinct bytes the prefixes may hold (the
// lists use the 26 letters and the hyphen).
const trieAlphabet = 32

type trieNode struct {
	next [trieAlphabet]uint16
	ends lexSet // the lexicons with a prefix ending here
}

func prefixes(list string) lexicon {
	t := &prefixTrie
	if t.used == 1<<31 {
		panic("lexicon: more lexicons than lexSet has bits")
	}
	bit := lexSet(1)
	for t.used&bit != 0 {
		bit <<= 1
	}
	t.used |= bit
	l := lexicon{bit: bit, entries: new([]string)}
	for _, w := range strings.Fields(list) {
		l.add(w)
	}
	return l
}

// add puts the prefix w in the lexicon.
func (l lexicon) add(w string) {
	t := &prefixTrie
	n := 0
	for i := 0; i < len(w); i++ {
		s := t.symbol[w[i]]
		if s == 0 {
			t.symbols++
			if t.symbols >= trieAlphabet {
				panic("lexicon: prefixes hold more distinct bytes than trieAlphabet")
			}
			s = uint8(t.symbols)
			t.symbol[w[i]] = s
		}
		if t.nodes[n].next[s] == 0 {
			if len(t.nodes) > 1<<16-1 {
				panic("lexicon: prefix trie full")
			}
			t.nodes = append(t.nodes, trieNode{})
			t.nodes[n].next[s] = uint16(len(t.nodes) - 1)
		}
		n = int(t.nodes[n].next[s])
	}
	t.nodes[n].ends |= l.bit
	*l.entries = append(*l.entries, w)
}

// list returns the lexicon's prefixes.
func (l lexicon) list() []string { return *l.entries }

// lexiconsOf returns the lexicons with an entry the lower-case word w
// starts with.
func lexiconsOf(w string) lexSet {
	t := &prefixTrie
	var set lexSet
	n := 0
	for i := 0; i < len(w); i++ {
		s := t.symbol[w[i]]
		if s == 0 {
			break
		}
		if n = int(t.nodes[n].next[s]); n == 0 {
			break
		}
		set |= t.nodes[n].ends
	}
	return set
}

// matches reports whether a lower-case word starts with an entry.
func (l lexicon) matches(w string) bool {
	return lexiconsOf(w)&l.bit != 0
}

// has reports whether the set holds lexicon l.
func (s lexSet) has(l lexicon) bool { return s&l.bit != 0 }
